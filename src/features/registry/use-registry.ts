/**
 * The registry report of this tablet's records, live: recomputed when a record is stored or
 * the filter changes, as of the moment the records were read (the report time). Reads only the
 * kinds the registry uses (domain/registry/record-kinds.ts).
 */
import { useMemo } from 'react';
import {
  computeRegistry,
  type RegistryPeriod,
  type RegistryPopulation,
  type RegistryReport,
} from '../../domain/registry/index.ts';
import type { Result } from '../../domain/result.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { REGISTRY_RECORD_KINDS } from '../../domain/registry/record-kinds.ts';
import { useRecordsOfKinds } from '../../ui/use-center-records.ts';

/** undefined while loading (or while `enabled` is false). */
export function useRegistry(
  period: RegistryPeriod,
  population: RegistryPopulation,
  enabled: boolean,
): Result<RegistryReport> | undefined {
  const { clock } = useBedside();
  const records = useRecordsOfKinds(REGISTRY_RECORD_KINDS, enabled);
  // A new report time whenever the records change (not on every render or tick).
  const asOf = useMemo(() => (records === undefined ? null : clock.nowIso()), [clock, records]);
  return useMemo(() => {
    if (records === undefined || asOf === null) return undefined;
    const cleanPeriod = {
      ...(period.from ? { from: period.from } : {}),
      ...(period.to ? { to: period.to } : {}),
    };
    return computeRegistry(records, { asOf, period: cleanPeriod, population });
  }, [records, asOf, period, population]);
}
