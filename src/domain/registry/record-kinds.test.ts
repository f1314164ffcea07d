import { describe, expect, it } from 'vitest';
import { generateCenter } from '../demo/index.ts';
import type { ClinicalRecord } from '../records.ts';
import { REGISTRY_RECORD_KINDS } from './record-kinds.ts';
import { computeRegistry } from './registry.ts';

const kinds: ReadonlySet<string> = new Set(REGISTRY_RECORD_KINDS);

/** As the tablet reads them (use-center-records.ts): kind by kind in the list's order, each by id. */
function asReadByKind(records: readonly ClinicalRecord[]): ClinicalRecord[] {
  const rank = (r: ClinicalRecord) => REGISTRY_RECORD_KINDS.findIndex((k) => k === r.kind);
  return records
    .filter((r) => kinds.has(r.kind))
    .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('the record kinds the registry reads', () => {
  it('give the same report as every record, on a generated 10-year center', () => {
    const center = generateCenter({ patients: 60, years: 10, seed: 7 });
    if (!center.ok) throw new Error(center.error.message);
    const { records } = center.value;
    const options = { asOf: '2026-12-01T00:00:00.000Z', population: 'synthetic' } as const;
    const all = computeRegistry(records, options);
    const read = asReadByKind(records);
    expect(read.length).toBeLessThan(records.length / 3);
    expect(computeRegistry(read, options)).toEqual(all);
    expect(computeRegistry([...read].reverse(), options)).toEqual(all); // order does not matter
    const period = { ...options, period: { from: '2019-01-01', to: '2022-12-31' } };
    expect(computeRegistry(read, period)).toEqual(computeRegistry(records, period));
  });

  it('give the same report when observations were corrected or entered in error', () => {
    const center = generateCenter({ patients: 100, years: 10, seed: 1 });
    if (!center.ok) throw new Error(center.error.message);
    const records = [...center.value.records];
    const marker = records.find((r) => r.kind === 'entered-in-error');
    const observations = records.filter((r) => r.kind === 'observation');
    const [voided, corrected] = observations;
    if (marker?.kind !== 'entered-in-error' || !voided || !corrected) throw new Error('no data');
    records.push(
      {
        ...marker,
        id: '019f0000-0000-7000-8000-000000000001',
        patientId: voided.patientId,
        sessionId: voided.sessionId,
        payload: { ...marker.payload, targetRecordId: voided.id },
      },
      {
        ...corrected,
        id: '019f0000-0000-7000-8000-000000000002',
        supersedes: { recordId: corrected.id, reason: 'typed the wrong heart rate' },
      },
    );
    const options = { asOf: '2026-12-01T00:00:00.000Z', population: 'synthetic' } as const;
    expect(computeRegistry(asReadByKind(records), options)).toEqual(
      computeRegistry(records, options),
    );
  });
});
