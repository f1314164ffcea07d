/**
 * Which patients an export holds: real patients by default, synthetic (demo, training) ones
 * only when asked for (`?data=synthetic`), never both mixed, as on the tablet's export and
 * registry screens. A patient's population is decided as the tablet's patient list decides it
 * (src/db/patient-index.ts): the latest effective patient record's `isSynthetic`, corrections
 * and entered-in-error markers applied; a patient without one counts as real (and has no
 * valid patient record, so no export row or resource).
 */
import type { ClinicalRecord, RecordOfKind } from '../../../src/domain/records.ts';
import { effectiveRecords } from '../../../src/domain/state/effective.ts';

export const DATA_CHOICES = ['real', 'synthetic'] as const;
export type DataChoice = (typeof DATA_CHOICES)[number];

/** isSynthetic of one patient from that patient's records (any order, any mix of kinds). */
export function isSyntheticPatient(records: readonly ClinicalRecord[]): boolean {
  const subset = records.filter((r) => r.kind === 'patient' || r.kind === 'entered-in-error');
  const patient = effectiveRecords(subset)
    .records.filter((r): r is RecordOfKind<'patient'> => r.kind === 'patient')
    .at(-1);
  return patient?.payload.isSynthetic ?? false;
}

/**
 * The records of the patients of `data` (center-level records, without a patient, are left
 * out): what the tablet hands to the center FHIR bundle.
 */
export function recordsOfPopulation(
  records: readonly ClinicalRecord[],
  data: DataChoice,
): ClinicalRecord[] {
  const byPatient = new Map<string, ClinicalRecord[]>();
  for (const r of records) {
    if (r.patientId === null) continue;
    const list = byPatient.get(r.patientId);
    if (list) list.push(r);
    else byPatient.set(r.patientId, [r]);
  }
  const wanted = data === 'synthetic';
  const out: ClinicalRecord[] = [];
  for (const mine of byPatient.values()) if (isSyntheticPatient(mine) === wanted) out.push(...mine);
  return out;
}
