/**
 * Live reads for the center's views that analyse every patient at once (the exports read the
 * whole records table, so only those screens use them, never the bedside).
 * Rows of older schema versions are upgraded on read (records-repo fromStorage).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { readOrThrow } from '../db/errors.ts';
import { fromStorage } from '../db/from-storage.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import { useBedside } from './bedside-context.tsx';

/** Every record on this tablet, live; undefined while loading or when `enabled` is false. */
export function useAllRecords(enabled = true): readonly ClinicalRecord[] | undefined {
  const { db } = useBedside();
  return useLiveQuery(
    () =>
      enabled
        ? readOrThrow(async () => fromStorage(await db.records.toArray()))
        : Promise.resolve(undefined),
    [db, enabled],
  );
}

export type PopulationCounts = { readonly real: number; readonly synthetic: number };

/** Patients on this tablet, real and synthetic (demo), from the patient list index; live. */
export function usePopulationCounts(): PopulationCounts | undefined {
  const { db } = useBedside();
  return useLiveQuery(
    () =>
      readOrThrow(async () => {
        const rows = await db.patientIndex.toArray();
        const synthetic = rows.filter((r) => r.isSynthetic).length;
        return { real: rows.length - synthetic, synthetic };
      }),
    [db],
  );
}
