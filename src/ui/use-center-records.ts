/**
 * Live reads for the center's views (registry, exports) that analyse every patient at once.
 * They read the whole records table, so only those screens use them, never the bedside.
 * Rows of older schema versions are upgraded on read (records-repo fromStorage).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { readOrThrow } from '../db/errors.ts';
import { fromStorage } from '../db/from-storage.ts';
import type { ClinicalRecord, RecordKind } from '../domain/records.ts';
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

/**
 * The records of `kinds` on this tablet, live, through the kind index (kind by kind, in the
 * order given, each in id order); undefined while loading or when `enabled` is false. For analyses that need only some
 * kinds (the registry: src/domain/registry/record-kinds.ts), so the bulk of a center's records
 * (observations, checklist items) is never read.
 */
export function useRecordsOfKinds(
  kinds: readonly RecordKind[],
  enabled = true,
): readonly ClinicalRecord[] | undefined {
  const { db } = useBedside();
  return useLiveQuery(
    () =>
      enabled
        ? readOrThrow(async () => {
            // One index range per kind, read together (anyOf walks the index with a cursor,
            // far slower than a getAll per key).
            const perKind = await Promise.all(
              kinds.map((kind) => db.records.where('kind').equals(kind).toArray()),
            );
            return fromStorage(perKind.flat());
          })
        : Promise.resolve(undefined),
    [db, kinds, enabled],
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
