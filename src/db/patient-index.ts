/**
 * The patient list: one `patientIndex` row per patient, kept up to date inside the same
 * transaction as the records (so the list is never out of step with what was saved).
 * Listing 500 patients newest-first reads the `lastActivityAt` index of 500 rows; a search by
 * center patient number prefix reads the `numberLower` index. No scan of the 400,000 records:
 * each row also carries what a list row shows (domain/state/patient-list-facts.ts).
 */
import { effectiveRecords } from '../domain/state/effective.ts';
import {
  mayChangeListFacts,
  patientListFacts,
  type PatientListFacts,
} from '../domain/state/patient-list-facts.ts';
import { derivePatientSummary } from '../domain/state/patient-summary.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import type { KitDatabase, PatientIndexRow } from './database.ts';
import { readOrThrow } from './errors.ts';
import { fromStorage } from './from-storage.ts';

const maxTime = (a: string, b: string) => (a > b ? a : b);

/**
 * A patient's row computed from all of the patient's records (corrections applied). Pure: the
 * writes below, the version-3 upgrade and the browser benchmark's seeding all use it.
 */
export function patientIndexRowFrom(
  patientId: string,
  records: readonly ClinicalRecord[],
): PatientIndexRow {
  const summary = derivePatientSummary(effectiveRecords(records), patientId);
  const patient = summary.patient?.payload;
  const number = patient?.centerPatientNumber ?? null;
  return {
    patientId,
    centerPatientNumber: number,
    numberLower: number?.toLowerCase() ?? '',
    isSynthetic: patient?.isSynthetic ?? false,
    lastActivityAt: records.reduce((t, r) => maxTime(t, r.clinicalTime), ''),
    facts: patientListFacts(summary),
  };
}

/** Recomputes a patient's row from the stored records; null when none are stored. */
async function rebuildRow(db: KitDatabase, patientId: string): Promise<PatientIndexRow | null> {
  const records = fromStorage(await db.records.where('patientId').equals(patientId).toArray());
  return records.length === 0 ? null : patientIndexRowFrom(patientId, records);
}

export type PatientIndexUpdate = {
  /**
   * 'written-here' (default): records made on this tablet; the row is recomputed only when
   * one of them may change the list facts. 'pulled': records from the server; always
   * recomputed (a stored correction may name a record that only arrives now).
   */
  readonly origin?: 'written-here' | 'pulled';
};

/**
 * Updates the rows of the patients these new records belong to. Must run inside a write
 * transaction that includes `records` and `patientIndex`, after the records were added.
 * Anything that cannot change the list facts (an observation, a side effect...) only moves
 * `lastActivityAt` forward, so a vital sign is saved without reading the patient's records.
 */
export async function updatePatientIndex(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
  { origin = 'written-here' }: PatientIndexUpdate = {},
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
      existing.facts === undefined || // a row written before list facts existed
      origin === 'pulled' ||
      records.some(mayChangeListFacts);
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
  /** null only for a row stored before the facts existed and not yet rebuilt. */
  readonly facts: PatientListFacts | null;
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
    const listed = (r: PatientIndexRow) => r.centerPatientNumber !== null;
    const newestFirst = db.patientIndex.orderBy('lastActivityAt').reverse().filter(listed);
    const rows =
      prefix === ''
        ? // A cursor that stops at `limit`: the first page reads only its own rows.
          await (Number.isFinite(limit) ? newestFirst.limit(limit) : newestFirst).toArray()
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
        facts: r.facts ?? null,
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
