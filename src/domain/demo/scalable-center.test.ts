import { describe, expect, it } from 'vitest';
import { parseClinicalRecord, type ClinicalRecord } from '../records.ts';
import { computeRegistry } from '../registry/index.ts';
import { generateCenter } from './index.ts';

describe('generateCenter: a center of any size for benchmarks', () => {
  it(
    '500 patients over 10 years: ~6,000 sessions, valid records, a registry that adds up',
    { timeout: 90_000 },
    () => {
      const t0 = performance.now();
      const c = generateCenter({ patients: 500, years: 10, seed: 1 });
      const ms = performance.now() - t0;
      if (!c.ok) throw new Error(c.error.message);
      const { records, counts } = c.value;
      console.info(
        `generateCenter 500 patients / 10 years: ${counts.sessions} sessions, ${counts.records} records in ${ms.toFixed(0)} ms`,
      );
      expect(counts.patients).toBe(500);
      expect(counts.sessions).toBeGreaterThan(5_000);
      expect(counts.sessions).toBeLessThan(7_500);
      expect(counts.records).toBeGreaterThan(200_000);

      // Not validated while generating (speed): validate a spread sample and one whole patient.
      const firstPatient = records.find((r) => r.kind === 'patient')?.patientId;
      const sample = records.filter(
        (r, i) =>
          i % 53 === 0 || r.patientId === firstPatient || (r.kind !== 'observation' && i % 7 === 0),
      );
      const bad = sample.map((r) => parseClinicalRecord(r)).filter((r) => !r.ok);
      expect(bad).toEqual([]);

      const r = computeRegistry(records, { asOf: c.value.asOf, population: 'synthetic' });
      if (!r.ok) throw new Error(r.error.message);
      const flow = r.value.flow.ok ? r.value.flow.value : null;
      expect(flow?.treated).toBe(500);
      expect(
        (flow?.included ?? 0) -
          (flow?.lostAfterFirstAdministration ?? 0) -
          (flow?.deviatedFromProtocol ?? 0),
      ).toBe(flow?.perProtocol);
      expect(flow?.deviatedFromProtocol).toBeGreaterThan(0);
      expect(r.value.tableIFisher.ok).toBe(true);
      expect(r.value.effectiveness.nrsLogisticRegression.ok).toBe(true);
    },
  );

  it('is deterministic per seed', () => {
    const a = generateCenter({ patients: 20, years: 2, seed: 9 });
    const b = generateCenter({ patients: 20, years: 2, seed: 9 });
    const d = generateCenter({ patients: 20, years: 2, seed: 10 });
    const json = (x: typeof a) => (x.ok ? JSON.stringify(x.value.records) : '');
    expect(json(a)).toBe(json(b));
    expect(json(a)).not.toBe(json(d));
  });

  it('a small center validated record by record', () => {
    const c = generateCenter({ patients: 15, years: 3, seed: 4, validate: true });
    expect(c.ok).toBe(true);
    const records: readonly ClinicalRecord[] = c.ok ? c.value.records : [];
    expect(records.every((r) => r.clinicalTime <= (c.ok ? c.value.asOf : ''))).toBe(true);
  });

  it('refuses impossible options with a message', () => {
    for (const bad of [
      { patients: 0 },
      { patients: 1.5 },
      { patients: Number.NaN },
      { years: 0 },
      { years: 51 },
      { seed: 2 ** 40 },
      { startYear: 1200 },
    ]) {
      const r = generateCenter({ patients: 10, years: 2, seed: 1, ...bad });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message.length).toBeGreaterThan(10);
    }
  });
});
