/**
 * The record kinds the registry analyses read (protocol.md section 8): who the patient is and
 * whether they were eligible, their course and its status, each session with its dose plan,
 * pump events and discharge, the pain answers, side effects, extra drugs and liver tests, and
 * entered-in-error markers. Observations, checklist items, weights, baseline vitals, double
 * checks and sign-offs are not read: on a 10-year center they are four records in five, so a
 * tablet reads only these kinds from storage (src/ui/use-center-records.ts).
 *
 * record-kinds.test.ts shows that computeRegistry gives the same report from these kinds as
 * from every record, so a new use of another kind in the registry fails that test.
 */
import type { RecordKind } from '../records.ts';

export const REGISTRY_RECORD_KINDS = [
  'patient',
  'eligibility-screening',
  'course',
  'course-status',
  'session',
  'dose-plan',
  'infusion-event',
  'discharge',
  'outcome-answer',
  'side-effect',
  'drug-given',
  'liver-test',
  'entered-in-error',
] as const satisfies readonly RecordKind[];
