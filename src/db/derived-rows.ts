/**
 * The rows derived from the records (the patient list, the registry cache, the course
 * bundles' heads), kept in step by every writer of records inside the records' own transaction, so no screen ever reads a
 * derived row older than the records it was derived from.
 */
import type { ClinicalRecord } from '../domain/records.ts';
import { updateCourseHeads } from './course-bundles.ts';
import type { KitDatabase } from './database.ts';
import { updatePatientIndex, type PatientIndexUpdate } from './patient-index.ts';
import { markRegistryRowsStale } from './registry-rows.ts';

/** The tables a write of records must include besides `records` (and `outbox`). */
export const derivedRowTables = (db: KitDatabase) => [
  db.patientIndex,
  db.registryRows,
  db.courseHeads,
];

/** Call inside the write transaction, after `added` were stored. */
export async function updateDerivedRows(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
  update: PatientIndexUpdate = {},
): Promise<void> {
  await updatePatientIndex(db, added, update);
  await markRegistryRowsStale(db, added);
  await updateCourseHeads(db, added);
}
