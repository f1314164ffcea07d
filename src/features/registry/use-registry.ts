/**
 * The registry report of this tablet's records, live: recomputed when a record is stored or
 * the filter changes, as of the moment the records were read (the report time). Each
 * patient's cohort entry comes from the registry cache when it is still valid and is computed
 * from the records otherwise (src/db/registry-rows.ts); computed entries are stored for the
 * next report after the read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { BUILD_ID } from '../../db/build-id.ts';
import { readOrThrow } from '../../db/errors.ts';
import {
  holdRegistryWarmUp,
  readRegistrySnapshot,
  storeRegistryRows,
} from '../../db/registry-rows.ts';
import {
  registryFromEntries,
  type RegistryPeriod,
  type RegistryPopulation,
  type RegistryReport,
} from '../../domain/registry/index.ts';
import type { Result } from '../../domain/result.ts';
import { useBedside } from '../../ui/bedside-context.tsx';

/** undefined while loading (or while `enabled` is false). */
export function useRegistry(
  period: RegistryPeriod,
  population: RegistryPopulation,
  enabled: boolean,
): Result<RegistryReport> | undefined {
  const { db, clock } = useBedside();
  const snapshot = useLiveQuery(
    () =>
      enabled
        ? readOrThrow(() => readRegistrySnapshot(db, clock.nowIso(), BUILD_ID))
        : Promise.resolve(undefined),
    [db, clock, enabled],
  );
  // The background warm-up (src/app/registry-warm-up.ts) waits while this report is shown.
  useEffect(() => (enabled ? holdRegistryWarmUp(db) : undefined), [db, enabled]);
  useEffect(() => {
    // The cache only saves work: when it cannot be written (storage full), the report shown is
    // still computed from the records, and the next one computes those entries again.
    if (snapshot !== undefined) storeRegistryRows(db, snapshot.computed).catch(() => undefined);
  }, [db, snapshot]);
  return useMemo(() => {
    if (snapshot === undefined) return undefined;
    return registryFromEntries(snapshot.entries, snapshot.recordsAfterAsOf, {
      asOf: snapshot.asOf,
      period: {
        ...(period.from ? { from: period.from } : {}),
        ...(period.to ? { to: period.to } : {}),
      },
      population,
    });
  }, [snapshot, period, population]);
}
