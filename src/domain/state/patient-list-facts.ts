/**
 * What the patient list shows of each patient (sex, age, course status, next session, review
 * flag), small enough to keep beside the patient's list entry so that opening the list reads
 * one row per patient instead of every patient's records (issue 3: 500 patients, 6,000
 * sessions, list open <= 150 ms).
 *
 * The facts are derived from the patient summary (patient-summary.ts), so the list and the
 * patient screen can never disagree; `mayChangeListFacts` says which new records can change
 * them, so the tablet recomputes them only then (an observation, say, never does).
 */
import type { ClinicalRecord, RecordKind, RecordOfKind } from '../records/registry.ts';
import type { PatientSummary } from './patient-summary.ts';

export type PatientListFacts = {
  readonly sex: RecordOfKind<'patient'>['payload']['sex'];
  /** ISO date (YYYY-MM-DD) when the full birth date was recorded, else null. */
  readonly birthDate: string | null;
  /** When only the birth year was recorded, else null. */
  readonly birthYear: number | null;
  /** null when the patient has no course yet. */
  readonly courseStatus: PatientSummary['courseStatus'];
  readonly nextSessionNumber: number;
  readonly needsReview: boolean;
};

/** The list facts of a summary; null while the patient record itself is not on this tablet. */
export function patientListFacts(summary: PatientSummary): PatientListFacts | null {
  const patient = summary.patient?.payload;
  if (patient === undefined) return null;
  return {
    sex: patient.sex,
    birthDate: patient.birthDate ?? null,
    birthYear: patient.birthYear ?? null,
    courseStatus: summary.courseStatus,
    nextSessionNumber: summary.nextSessionNumber,
    needsReview: summary.needsReview,
  };
}

/**
 * Kinds whose arrival can change the facts: the patient (sex, birth), the course and its
 * status, a session (its number) and infusion events (a started infusion moves the next
 * session number; events out of order flag the session for review).
 */
const FACT_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>([
  'patient',
  'course',
  'course-status',
  'session',
  'infusion-event',
  'entered-in-error',
]);

/**
 * True when a newly written record may change its patient's list facts: a record of a kind
 * above, or any correction (two corrections of one record flag the patient for review,
 * whatever the kind). Other new records (observations, side effects, drugs, discharge...)
 * leave the facts as they were. Valid for records that are new on this tablet and that no
 * stored record names as its target, i.e. records written here; records pulled from the
 * server are recomputed in full (storePulledRecords), because an earlier correction may name
 * a record that only arrives now.
 */
export function mayChangeListFacts(record: ClinicalRecord): boolean {
  return FACT_KINDS.has(record.kind) || record.supersedes !== null;
}
