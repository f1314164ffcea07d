/**
 * The patient list: one `patientIndex` row per patient, kept up to date inside the same
 * transaction as the records (so the list is never out of step with what was saved).
 * Listing 500 patients newest-first reads the `lastActivityAt` index of 500 rows; a search by
 * center patient number prefix reads the `numberLower` index. No scan of the 400,000 records.
 */
import { effectiveRecords } from '../domain/state/effective.ts';
import type { ClinicalRecord, RecordOfKind } from '../domain/records.ts';
import type { KitDatabase, PatientIndexRow } from './database.ts';
import { readOrThrow } from './errors.ts';

const maxTime = (a: string, b: string) => (a > b ? a : b);

/** Recomputes a patient's row from all of the patient's records (corrections applied). */
async function rebuildRow(db: KitDatabase, patientId: string): Promise<PatientIndexRow | null> {
  const records = await db.records.where('patientId').equals(patientId).toArray();
  if (records.length === 0) return null;
  const patient = effectiveRecords(records)
    .records.filter((r): r is RecordOfKind<'patient'> => r.kind === 'patient')
    .at(-1);
  const number = patient?.payload.centerPatientNumber ?? null;
  return {
    patientId,
    centerPatientNumber: number,
    numberLower: number?.toLowerCase() ?? '',
    isSynthetic: patient?.payload.isSynthetic ?? false,
    lastActivityAt: records.reduce((t, r) => maxTime(t, r.clinicalTime), ''),
  };
}

/**
 * Updates the rows of the patients these new records belong to. Must run inside a write
 * transaction that includes `records` and `patientIndex`, after the records were added.
 * A new or corrected patient record, or an entered-in-error marker, rebuilds the row from
 * the patient's records (rare); anything else only moves `lastActivityAt` forward.
 */
export async function updatePatientIndex(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
): Promise<void> {
  const byPatient = new Map<string, ClinicalRecord[]>();
  for (const r of added) {
    if (r.patientId === null) continue;
    const list = byPatient.get(r.patientId) ?? [];
    list.push(r);
    byPatient.set(r.patientId, list);
  }
  for (const [patientId, records] of byPatient) {
    const existing = await db.patientIndex.get(patientId);
    const rebuild =
      existing === undefined ||
      records.some((r) => r.kind === 'patient' || r.kind === 'entered-in-error');
    const row = rebuild
      ? await rebuildRow(db, patientId)
      : {
          ...existing,
          lastActivityAt: records.reduce(
            (t, r) => maxTime(t, r.clinicalTime),
            existing.lastActivityAt,
          ),
        };
    if (row) await db.patientIndex.put(row);
  }
}

export type PatientListItem = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly isSynthetic: boolean;
  readonly lastActivityAt: string;
};

export type ListPatientsOptions = {
  /** Center patient number prefix, case-insensitive (e.g. "kit-00"). */
  readonly search?: string;
  readonly limit?: number;
};

/**
 * Patients with their last activity, newest first, optionally filtered by a center patient
 * number prefix. Only patients whose patient record is on this tablet are listed.
 * Rejects with a StorageError when the database cannot be read.
 */
export function listPatients(
  db: KitDatabase,
  options: ListPatientsOptions = {},
): Promise<PatientListItem[]> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const prefix = options.search?.trim().toLowerCase() ?? '';
  return readOrThrow(async () => {
    const rows =
      prefix === ''
        ? await db.patientIndex.orderBy('lastActivityAt').reverse().toArray()
        : (await db.patientIndex.where('numberLower').startsWith(prefix).toArray()).sort((a, b) =>
            a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0,
          );
    const items: PatientListItem[] = [];
    for (const r of rows) {
      if (items.length >= limit) break;
      if (r.centerPatientNumber === null) continue;
      items.push({
        patientId: r.patientId,
        centerPatientNumber: r.centerPatientNumber,
        isSynthetic: r.isSynthetic,
        lastActivityAt: r.lastActivityAt,
      });
    }
    return items;
  });
}

/** Rebuilds every row from the records (repair tool; normal writes keep it current). */
export async function rebuildPatientIndex(db: KitDatabase): Promise<number> {
  return db.transaction('rw', db.records, db.patientIndex, async () => {
    await db.patientIndex.clear();
    const ids = new Set((await db.records.orderBy('patientId').uniqueKeys()).map(String));
    for (const id of ids) {
      const row = await rebuildRow(db, id);
      if (row) await db.patientIndex.put(row);
    }
    return ids.size;
  });
}
