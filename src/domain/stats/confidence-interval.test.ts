import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  meanConfidenceInterval,
  meanConfidenceIntervalFromSummary,
  sdFromMeanConfidenceInterval,
} from './confidence-interval.ts';
import { expectStatsOk } from './test-support.ts';

describe('the paper: mean pain reduction 43.85 %, 95 % CI 35.54-52.15, n = 45', () => {
  it('implies SD = 8.305 / t_{0.975,44} * sqrt(45) = 8.305 / 2.0154 * 6.7082 = 27.64', () => {
    // Half-width (52.15 - 35.54) / 2 = 8.305; t_{0.975,44} = 2.0154 from a t table.
    const sd = expectStatsOk(sdFromMeanConfidenceInterval({ lower: 35.54, upper: 52.15, n: 45 }));
    expect(sd).toBeCloseTo((8.305 / 2.0154) * Math.sqrt(45), 2);
    expect(sd).toBeCloseTo(27.64, 2);
  });
  it('and that SD gives back the published interval to its 2 decimals', () => {
    const ci = expectStatsOk(
      meanConfidenceIntervalFromSummary({ mean: 43.85, sd: 27.6435, n: 45 }),
    );
    expect(ci.df).toBe(44);
    expect(ci.tCritical).toBeCloseTo(2.0154, 4);
    expect(Math.abs(ci.lower - 35.54)).toBeLessThan(0.01);
    expect(Math.abs(ci.upper - 52.15)).toBeLessThan(0.01);
  });
});

describe('meanConfidenceInterval on concrete data (worked by hand with t-table values)', () => {
  it('[2,4,4,4,5,5,7,9]: mean 5, SD sqrt(32/7) = 2.13809, SE = 2.13809/sqrt(8) = 0.755929, t_{0.975,7} = 2.3646 -> 5 +- 1.78749 = 3.2125 to 6.7875', () => {
    const ci = expectStatsOk(meanConfidenceInterval([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(ci.mean).toBe(5);
    expect(ci.n).toBe(8);
    expect(ci.standardError).toBeCloseTo(0.755929, 6);
    expect(ci.tCritical).toBeCloseTo(2.3646, 4);
    expect(ci.lower).toBeCloseTo(3.2125, 4);
    expect(ci.upper).toBeCloseTo(6.7875, 4);
  });
  it('[0, 1]: mean 0.5, SE 0.5, t_{0.975,1} = 12.7062 -> -5.8531 to 6.8531', () => {
    const ci = expectStatsOk(meanConfidenceInterval([0, 1]));
    expect(ci.lower).toBeCloseTo(-5.8531, 4);
    expect(ci.upper).toBeCloseTo(6.8531, 4);
  });
  it('90 % for [2,4,4,4,5,5,7,9]: t_{0.95,7} = 1.8946 -> 5 +- 1.43217 = 3.5678 to 6.4322', () => {
    const ci = expectStatsOk(meanConfidenceInterval([2, 4, 4, 4, 5, 5, 7, 9], { level: 0.9 }));
    expect(ci.lower).toBeCloseTo(3.5678, 4);
    expect(ci.upper).toBeCloseTo(6.4322, 4);
  });
});

describe('properties', () => {
  const sample = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), {
    minLength: 2,
    maxLength: 80,
  });
  it('contains the mean, is symmetric about it and widens with the level', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const ci95 = expectStatsOk(meanConfidenceInterval(xs));
        const ci99 = expectStatsOk(meanConfidenceInterval(xs, { level: 0.99 }));
        expect(ci95.lower).toBeLessThanOrEqual(ci95.mean);
        expect(ci95.upper).toBeGreaterThanOrEqual(ci95.mean);
        expect(Math.abs(ci95.upper - ci95.mean - (ci95.mean - ci95.lower))).toBeLessThanOrEqual(
          1e-9 * (1 + Math.abs(ci95.mean)),
        );
        expect(ci99.halfWidth).toBeGreaterThanOrEqual(ci95.halfWidth);
      }),
    );
  });
  it('sdFromMeanConfidenceInterval inverts meanConfidenceIntervalFromSummary', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: 2, max: 2000 }),
        (m, sd, n) => {
          const ci = expectStatsOk(meanConfidenceIntervalFromSummary({ mean: m, sd, n }));
          const back = expectStatsOk(
            sdFromMeanConfidenceInterval({ lower: ci.lower, upper: ci.upper, n }),
          );
          expect(Math.abs(back - sd)).toBeLessThanOrEqual(1e-9 * (sd + Math.abs(m)));
        },
      ),
    );
  });
});

describe('validation', () => {
  it('refuses fewer than 2 values, with the field name', () => {
    const r = meanConfidenceInterval([4], { field: 'painReductionPercent' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'too-few-values', field: 'painReductionPercent' });
  });
  it.each([0, 1, 95, -0.5, Number.NaN])('refuses level %p (0.95 is meant)', (level) => {
    const r = meanConfidenceInterval([1, 2, 3], { level });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('level');
  });
  it.each([
    [{ mean: 1, sd: -1, n: 10 }, 'sd'],
    [{ mean: Number.NaN, sd: 1, n: 10 }, 'mean'],
    [{ mean: 1, sd: 1, n: 1 }, 'n'],
    [{ mean: 1, sd: 1, n: 10.5 }, 'n'],
  ])('refuses summary %p (field %s)', (summary, field) => {
    const r = meanConfidenceIntervalFromSummary(summary);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe(field);
  });
  it('refuses a reversed or non-finite interval', () => {
    expect(sdFromMeanConfidenceInterval({ lower: 5, upper: 4, n: 10 }).ok).toBe(false);
    expect(
      sdFromMeanConfidenceInterval({ lower: 5, upper: Number.POSITIVE_INFINITY, n: 10 }).ok,
    ).toBe(false);
  });
  it('refuses arrays with NaN, Infinity or strings', () => {
    for (const bad of [
      [1, Number.NaN],
      [1, Number.POSITIVE_INFINITY],
      [1, '2'],
    ]) {
      expect(meanConfidenceInterval(bad as number[]).ok).toBe(false);
    }
  });
});
