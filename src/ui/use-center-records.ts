/**
 * Reads for the center's views that look at every patient at once (the exports read the whole
 * records table, so only those screens use them, never the bedside). Rows of older schema
 * versions are upgraded on read (records-repo fromStorage).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { readOrThrow } from '../db/errors.ts';
import { fromStorage } from '../db/from-storage.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import { useBedside } from './bedside-context.tsx';

export type RecordsSnapshot = {
  /** undefined while reading. */
  readonly records: readonly ClinicalRecord[] | undefined;
  /** When the records were read, ISO instant; null while reading. */
  readonly readAt: string | null;
  /** Reads every record again. */
  readonly readAgain: () => void;
};

/**
 * Every record on this tablet, read once when the screen opens and again on `readAgain`, with
 * the time it was read: for exports, which are snapshots. Deliberately not live: on a 10-year
 * center one read takes seconds, and reading again after every stored record (a sync stores
 * pages of 500) would hold the records table for the whole sync. A read error is thrown to the
 * nearest error boundary, as a live query does.
 */
export function useRecordsSnapshot(): RecordsSnapshot {
  const { db, clock } = useBedside();
  const [wanted, setWanted] = useState(0);
  const [read, setRead] = useState<Read | null>(null);
  useEffect(() => {
    let current = true;
    readOrThrow(async () => fromStorage(await db.records.toArray())).then(
      (records) => current && setRead({ of: wanted, records, readAt: clock.nowIso() }),
      (error: unknown) => current && setRead({ of: wanted, error }),
    );
    return () => {
      current = false;
    };
  }, [db, clock, wanted]);
  const readAgain = useCallback(() => setWanted((n) => n + 1), []);
  const fresh = read !== null && read.of === wanted ? read : null;
  if (fresh !== null && 'error' in fresh) throw fresh.error;
  return {
    records: fresh?.records,
    readAt: fresh?.readAt ?? null,
    readAgain,
  };
}

type Read =
  | {
      readonly of: number;
      readonly records: readonly ClinicalRecord[];
      readonly readAt: string;
    }
  | { readonly of: number; readonly error: unknown };

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
