import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PUMP_MAX_ML_PER_H,
  pumpEntriesForPlan,
  pumpEntryMlPerH,
  roundHalfAwayFromZeroToTenths,
} from './pump-entry.ts';
import { planDose } from './dosing.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { expectOk } from './result.ts';
import { mlPerH } from './units.ts';

const entry = (x: number) => pumpEntryMlPerH(mlPerH(x));

describe('pumpEntryMlPerH: the one rounding rule (0.1 mL/h, half away from zero)', () => {
  it.each([
    [12.5, 125],
    [7, 70],
    [3.5, 35],
    [12.25, 123],
    [12.24, 122],
    [12.35, 124],
    [7.33, 73],
    [0.05, 1],
  ])('%s mL/h is entered as %s tenths', (rate, tenths) => {
    const e = expectOk(entry(rate));
    expect(e.tenthsMlPerH).toBe(tenths);
    expect(e.valueMlPerH).toBe(tenths / 10);
    expect(e.roundedFrom).toBe(rate);
  });

  it('works on the decimal digits, not on binary float (toFixed and x * 10 traps)', () => {
    // 1.15 is stored as 1.149999..., so toFixed(1) gives "1.1"; the rule gives 1.2.
    expect((1.15).toFixed(1)).toBe('1.1');
    expect(expectOk(entry(1.15)).tenthsMlPerH).toBe(12);
    expect(expectOk(entry(1.45)).tenthsMlPerH).toBe(15);
    expect(expectOk(entry(4.35)).tenthsMlPerH).toBe(44);
    // 54.849999999999994 is below 54.85, but x * 10 rounds up to 548.5 in binary.
    expect(Math.round(54.849999999999994 * 10)).toBe(549);
    expect(expectOk(entry(54.849999999999994)).tenthsMlPerH).toBe(548);
  });

  it('reports nothing rounded for worked examples 12.5, 7.0, 3.5 mL/h', () => {
    for (const r of [12.5, 7, 3.5]) {
      const e = expectOk(entry(r));
      expect(e.deltaPercent).toBe(0);
      expect(e.notice).toBeNull();
    }
  });

  it('never rounds silently: a change above 1 % carries a notice (boundary 5.05 vs 4.95)', () => {
    const inside = expectOk(entry(5.05)); // 5.1, +0.99 %
    expect(inside.deltaPercent).toBeCloseTo(0.990099, 5);
    expect(inside.notice).toBeNull();
    const outside = expectOk(entry(4.95)); // 5.0, +1.01 %
    expect(outside.deltaPercent).toBeCloseTo(1.010101, 5);
    expect(outside.notice).toMatch(/5\.0 mL\/h differs from the planned 4\.95 mL\/h by 1\.0 %/);
    const small = expectOk(entry(1.665)); // 1.7, +2.1 %
    expect(small.notice).not.toBeNull();
  });

  it.each([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [-1],
    [0],
    [0.04],
    [PUMP_MAX_ML_PER_H + 0.05],
    [1e21],
  ])('refuses %s mL/h instead of returning a number', (rate) => {
    const r = entry(rate);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('implausible');
  });

  it('accepts the pump maximum itself', () => {
    expect(expectOk(entry(PUMP_MAX_ML_PER_H)).tenthsMlPerH).toBe(99999);
  });

  it('property: rounds every two-decimal rate exactly like integer half-up on hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 999_990 }), (hundredths) => {
        const e = entry(hundredths / 100);
        return e.ok && e.value.tenthsMlPerH === Math.floor((hundredths + 5) / 10);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: the entry is within half a step of the planned rate, and never 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: PUMP_MAX_ML_PER_H, noNaN: true }), (rate) => {
        const e = expectOk(entry(rate));
        return (
          Number.isInteger(e.tenthsMlPerH) &&
          e.tenthsMlPerH > 0 &&
          Math.abs(e.valueMlPerH - rate) <= 0.05 + 1e-9 &&
          e.roundedFrom === rate
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('property: no bad input ever yields a pump entry', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything().filter((v) => typeof v !== 'number'),
          fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0),
          fc.double({ max: 0, noNaN: true }),
          fc.double({ min: PUMP_MAX_ML_PER_H + 0.01, noNaN: true }),
        ),
        (bad) => !pumpEntryMlPerH(bad as never).ok,
      ),
      { numRuns: 3000 },
    );
  });

  it('rounds half away from zero for negative numbers too (helper symmetry)', () => {
    expect(roundHalfAwayFromZeroToTenths(-1.45)).toBe(-15);
    expect(roundHalfAwayFromZeroToTenths(1e-7)).toBe(0);
  });
});

describe('pumpEntriesForPlan', () => {
  it('gives 12.5 mL/h ketamine and 7.0 mL/h propofol for the worked example', () => {
    const plan = expectOk(
      planDose({
        protocol: RACEMIC_KETAMINE_V1,
        sessionNumber: 1,
        doseMg: 75,
        weightKg: 70,
        ketamineProductId: 'ketalar-50',
        propofolProductId: 'propolipid-1',
        finalVolumeMl: 50,
      }),
    );
    const entries = expectOk(pumpEntriesForPlan(plan));
    expect(entries.ketamine.tenthsMlPerH).toBe(125);
    expect(entries.propofol.tenthsMlPerH).toBe(70);
    // The plan itself keeps the unrounded value.
    expect(plan.propofolPumpRateMlPerH).toBe(7);
  });
});
