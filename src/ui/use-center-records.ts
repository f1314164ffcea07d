/**
 * Reads for the center's views that look at every patient at once, never the bedside. (The
 * exports read every record in a worker of their own: features/exports/snapshot.ts.)
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { readOrThrow } from '../db/errors.ts';
import { useBedside } from './bedside-context.tsx';

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
