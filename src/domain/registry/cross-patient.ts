/**
 * Records that tie one patient's registry entry to records filed under another patient.
 *
 * A patient's cohort entry (cohort.ts) depends on the records filed under that patient, and
 * on two rare kinds of record filed elsewhere (effective-by-patient.ts):
 * - an entered-in-error marker counts for the patient of the record it names, wherever it was
 *   filed, and stays with its own patient while that record is not here;
 * - a correction of another patient's record is not applied, and is noted for review on both.
 * So whoever keeps entries per patient (src/db/registry-rows.ts) must recompute a patient
 * when such a record appears or when the record it names arrives, and must give the
 * computation those records. This module finds them, without reading any other record.
 */
import type { ClinicalRecord } from '../records.ts';

/** The record a marker or a correction names, or null for any other record. */
export const referencedRecordId = (record: ClinicalRecord): string | null =>
  record.kind === 'entered-in-error'
    ? record.payload.targetRecordId
    : (record.supersedes?.recordId ?? null);

export type CrossPatientDependency = {
  /**
   * The crossing references of the patient in a stable text ('' when there are none): it
   * changes when such a record appears or when the record it names arrives, which is when
   * the patient's stored entry stops being valid.
   */
  readonly key: string;
  /** What the computation of the patient's entry needs besides the patient's own records. */
  readonly records: readonly ClinicalRecord[];
};

/**
 * Per patient id: the references among `references` (markers and corrections of the kinds
 * the registry reads) that cross patients, or whose named record is not here. `named(id)` is
 * the named record when it is here and of a kind the registry reads, else undefined. A
 * reference within one patient ties nobody and is left out.
 */
export function crossPatientDependencies(
  references: readonly ClinicalRecord[],
  named: (recordId: string) => ClinicalRecord | undefined,
): ReadonlyMap<string, CrossPatientDependency> {
  const keys = new Map<string, string[]>();
  const records = new Map<string, ClinicalRecord[]>();
  const add = (patientId: string, key: string, needed: readonly ClinicalRecord[]) => {
    const keyList = keys.get(patientId);
    if (keyList) keyList.push(key);
    else keys.set(patientId, [key]);
    records.set(patientId, [...(records.get(patientId) ?? []), ...needed]);
  };
  for (const reference of references) {
    const namedId = referencedRecordId(reference);
    if (namedId === null) continue;
    const target = named(namedId);
    const owner = target === undefined ? undefined : target.patientId;
    if (owner === reference.patientId) continue;
    const key = `${reference.id}>${owner === undefined ? '?' : (owner ?? '-')}`;
    const needed = target === undefined ? [reference] : [reference, target];
    for (const patientId of new Set([reference.patientId, owner]))
      if (patientId !== null && patientId !== undefined) add(patientId, key, needed);
  }
  const result = new Map<string, CrossPatientDependency>();
  for (const [patientId, list] of keys)
    result.set(patientId, {
      key: [...list].sort().join(' '),
      records: records.get(patientId) ?? [],
    });
  return result;
}
