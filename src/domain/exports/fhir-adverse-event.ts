/**
 * A side effect (protocol.md section 4) as an R4 AdverseEvent: the finding (SNOMED CT for
 * nausea, dizziness and hallucinations, section 9; text for the others), severity
 * (adverse-event-severity mild | moderate | severe, the same three the record uses), the
 * ketamine administration of the session as suspect, who recorded it and who decided.
 *
 * R4 AdverseEvent has no status element, so it cannot say "entered in error": a side effect
 * entered in error is left out of the export (fhir-bundle.ts) rather than sent as if valid.
 */
import type * as fhir4 from 'fhir/r4';
import type { RecordOfKind } from '../records/registry.ts';
import { SIDE_EFFECT_TEXT, SNOMED_FINDING, SYSTEM, concept, staffRef } from './fhir-codes.ts';
import { encounterRefOf, patientRef, ref, withMeta, type PatientContext } from './fhir-context.ts';
import type { ExportItem } from './fhir-view.ts';

const SEVERITY_DISPLAY = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;

/** `suspectId`: the session's ketamine MedicationAdministration id, when it is in the bundle. */
export function adverseEvent(
  ctx: PatientContext,
  item: ExportItem,
  suspectId: string | null,
): fhir4.AdverseEvent {
  const r = item.record as RecordOfKind<'side-effect'>;
  const p = r.payload;
  const finding = SNOMED_FINDING[p.effect];
  const text =
    p.effect === 'other' && p.otherText !== undefined ? p.otherText : SIDE_EFFECT_TEXT[p.effect];
  const encounter = encounterRefOf(ctx, r.sessionId);
  return {
    resourceType: 'AdverseEvent',
    id: item.resourceId,
    ...withMeta(ctx),
    actuality: 'actual',
    event: finding === undefined ? { text } : concept(SYSTEM.snomed, finding, text),
    subject: patientRef(ctx),
    ...(encounter === undefined ? {} : { encounter }),
    date: r.clinicalTime,
    recordedDate: r.deviceTime,
    severity: {
      coding: [
        {
          system: SYSTEM.adverseEventSeverity,
          code: p.severity,
          display: SEVERITY_DISPLAY[p.severity],
        },
      ],
    },
    recorder: staffRef(r.authorStaffId),
    contributor: [staffRef(p.decidedByStaffId)],
    ...(suspectId === null
      ? {}
      : { suspectEntity: [{ instance: ref('MedicationAdministration', suspectId) }] }),
  };
}
