import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectDutchTwin } from '../test-support.ts';
import { countPercent, mean, standardDeviation, summarize } from './descriptive.ts';
import { roundForDisplay } from './display.ts';
import { expectStatsOk } from './test-support.ts';

const shown = (count: number, total: number) =>
  expectStatsOk(roundForDisplay(expectStatsOk(countPercent(count, total)).percent, 1));

describe('countPercent against the paper (protocol.md section 8)', () => {
  it('keeps the percentage unrounded: 23/45 = 51.111...%', () => {
    expect(expectStatsOk(countPercent(23, 45))).toEqual({
      count: 23,
      total: 45,
      percent: (100 * 23) / 45,
    });
  });
  it.each([
    [23, 45, 51.1], // favourable outcome
    [14, 61, 23.0], // men
    [47, 61, 77.0], // women
    [6, 45, 13.3], // discontinued after first full dose
    [8, 45, 17.8], // after three administrations
    [31, 45, 68.9], // continuing
    [11, 18, 61.1], // neuropathic favourable
    [12, 25, 48.0], // nociplastic favourable
  ])('%p/%p is shown as %p %% (1 decimal, the paper)', (count, total, expected) => {
    expect(shown(count, total)).toBe(expected);
  });
  it.each([
    [1, 0, 'empty'],
    [5, 4, 'out-of-range'],
    [-1, 4, 'not-an-integer'],
    [1.5, 4, 'not-an-integer'],
    [Number.NaN, 4, 'not-an-integer'],
    [1, Number.POSITIVE_INFINITY, 'not-an-integer'],
  ])('refuses %p of %p (%s)', (count, total, code) => {
    const r = countPercent(count, total);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
  it('is always within 0..100 for valid counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (total, c) => {
          const p = expectStatsOk(countPercent(c % (total + 1), total)).percent;
          return p >= 0 && p <= 100;
        },
      ),
    );
  });
});

describe('mean and standardDeviation', () => {
  // By hand: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; SD = sqrt(32/7).
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  it('[2,4,4,4,5,5,7,9]: mean 5, SD sqrt(32/7) = 2.13809 (divisor n - 1)', () => {
    expect(expectStatsOk(mean(xs))).toBe(5);
    expect(expectStatsOk(standardDeviation(xs))).toBeCloseTo(Math.sqrt(32 / 7), 15);
  });
  it('stays exact with a large offset (a one-pass sum-of-squares formula gives 0 or garbage here)', () => {
    const shifted = xs.map((x) => x + 1e15);
    expect(expectStatsOk(mean(shifted))).toBe(1e15 + 5);
    expect(expectStatsOk(standardDeviation(shifted))).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('does not overflow near the largest double: mean of 1e308, 1.5e308, -1e308 is 5e307', () => {
    const m = expectStatsOk(mean([1e308, 1.5e308, -1e308]));
    expect(Math.abs(m - 5e307) / 5e307).toBeLessThan(1e-15);
    expect(Number.isFinite(expectStatsOk(standardDeviation([1e308, -1e308, 1.7e308])))).toBe(true);
  });
  it('is 0 for identical values and exact for a compensated sum', () => {
    expect(expectStatsOk(standardDeviation([7, 7, 7]))).toBe(0);
    // A plain left-to-right sum gives (1e16 + 1) - 1e16 = 0 here.
    expect(expectStatsOk(mean([1e16, 1, -1e16]))).toBe(1 / 3);
  });
  it('mean lies within [min, max] and SD is invariant to a shift', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
        fc.integer({ min: -1000, max: 1000 }),
        (values, shift) => {
          const m = expectStatsOk(mean(values));
          expect(m).toBeGreaterThanOrEqual(Math.min(...values));
          expect(m).toBeLessThanOrEqual(Math.max(...values));
          const sd = expectStatsOk(standardDeviation(values));
          const sdShifted = expectStatsOk(standardDeviation(values.map((v) => v + shift)));
          expect(Math.abs(sd - sdShifted)).toBeLessThanOrEqual(1e-9 * Math.max(1, sd));
        },
      ),
    );
  });
  it('refuses bad input with the field name, and SD of one value', () => {
    const one = standardDeviation([3], 'painReductionPercent');
    expect(one.ok).toBe(false);
    if (!one.ok)
      expect(one.error).toMatchObject({ code: 'too-few-values', field: 'painReductionPercent' });
    for (const bad of [
      [],
      [Number.NaN],
      [1, Number.NEGATIVE_INFINITY],
      ['3'],
      [undefined],
      'abc',
      null,
    ]) {
      expect(mean(bad as number[]).ok).toBe(false);
      expect(standardDeviation(bad as number[]).ok).toBe(false);
    }
  });
  it('refuses, rather than returning Infinity, a spread wider than a double holds', () => {
    const s = standardDeviation([-Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(s.ok).toBe(false);
    if (!s.ok) {
      expect(s.error.code).toBe('out-of-range');
      expectDutchTwin(s.error);
    }
    expect(expectStatsOk(standardDeviation([-1e307, 1e307]))).toBeCloseTo(Math.SQRT2 * 1e307, -293);
  });
  it('never returns a non-finite number for any array of doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const m = mean(values);
        const s = standardDeviation(values);
        return (!m.ok || Number.isFinite(m.value)) && (!s.ok || Number.isFinite(s.value));
      }),
    );
  });
});

describe('summarize', () => {
  it('gives n, mean, SD, range and HAVERAGE quartiles together', () => {
    const ages = [27, 41, 45, 47, 50, 53, 55, 57, 58, 60, 66, 84];
    const s = expectStatsOk(summarize(ages, { field: 'ageYears' }));
    expect(s).toMatchObject({
      n: 12,
      min: 27,
      max: 84,
      q1: 45.5,
      median: 54,
      q3: 59.5,
      iqr: 14,
      quartileMethod: 'haverage',
    });
    expect(s.mean).toBeCloseTo(643 / 12, 13); // sum 643, by hand
  });
  it('uses Tukey hinges on request and has no SD for one value', () => {
    expect(
      expectStatsOk(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { method: 'tukey-hinges' })),
    ).toMatchObject({ q1: 3, q3: 8 });
    expect(expectStatsOk(summarize([4]))).toMatchObject({ n: 1, sd: null, median: 4 });
  });
  it('refuses an empty sample', () => {
    const r = summarize([], { field: 'baselineNrs' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'empty', field: 'baselineNrs' });
  });
});
