import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { median, quantile, quartiles } from './quantiles.ts';
import { expectStatsOk } from './test-support.ts';

const q = (xs: number[], p: number) => expectStatsOk(quantile(xs, p));
const haverage = (xs: number[]) => expectStatsOk(quartiles(xs));
const hinges = (xs: number[]) => expectStatsOk(quartiles(xs, { method: 'tukey-hinges' }));

describe('SPSS HAVERAGE = R quantile(type = 6), worked by hand', () => {
  it('1..10: w = 11p; Q1 at w = 2.75 -> 2 + 0.75 (3 - 2) = 2.75, median 5.5, Q3 8.25', () => {
    // R: quantile(1:10, type = 6) -> 1, 2.75, 5.5, 8.25, 10 (also numpy method='weibull').
    expect(haverage([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      method: 'haverage',
      q1: 2.75,
      median: 5.5,
      q3: 8.25,
      iqr: 5.5,
    });
  });
  it('1..9: w = 10p; Q1 at 2.5 -> 2.5, Q3 at 7.5 -> 7.5', () => {
    expect(haverage([1, 2, 3, 4, 5, 6, 7, 8, 9])).toMatchObject({ q1: 2.5, median: 5, q3: 7.5 });
  });
  it('unsorted with ties [7,1,3,3,9,12,4]: sorted 1,3,3,4,7,9,12; w = 8p = 2, 4, 6 -> 3, 4, 9', () => {
    expect(haverage([7, 1, 3, 3, 9, 12, 4])).toMatchObject({ q1: 3, median: 4, q3: 9, iqr: 6 });
  });
  it('12 ages: Q1 at w = 3.25 -> 45 + 0.25 (47 - 45) = 45.5; Q3 at 9.75 -> 58 + 0.75 (60 - 58) = 59.5', () => {
    // R's default type 7 would give 46.5 and 58.5 here: this vector tells the definitions apart.
    const ages = [27, 41, 45, 47, 50, 53, 55, 57, 58, 60, 66, 84];
    expect(haverage(ages)).toMatchObject({ q1: 45.5, median: 54, q3: 59.5, iqr: 14 });
  });
  it('clamps to the extremes when (n + 1) p falls outside 1..n: [10, 20] -> Q1 10, Q3 20', () => {
    // R: quantile(c(10, 20), c(.25, .75), type = 6) -> 10, 20.
    expect(haverage([10, 20])).toMatchObject({ q1: 10, median: 15, q3: 20 });
    expect(haverage([5])).toMatchObject({ q1: 5, median: 5, q3: 5, iqr: 0 });
  });
  it('p = 0 and p = 1 give min and max; a p that is not a quartile works too', () => {
    expect(q([3, 1, 2], 0)).toBe(1);
    expect(q([3, 1, 2], 1)).toBe(3);
    // 1..10 at p = 0.1: w = 1.1 -> 1 + 0.1 (2 - 1) = 1.1 (R type 6: 1.1).
    expect(q([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBeCloseTo(1.1, 14);
    // 1..99 at p = 0.55: w = 100 * 0.55 = 55.00000000000001 in binary; the fuzz takes it as 55,
    // so the answer is exactly x_(55) = 55 (without it: 55.00000000000001).
    expect(
      q(
        Array.from({ length: 99 }, (_, i) => i + 1),
        0.55,
      ),
    ).toBe(55);
  });
});

describe("Tukey's hinges = R fivenum", () => {
  it('1..10 -> 3, 5.5, 8 (fivenum: 1 3 5.5 8 10)', () => {
    expect(hinges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      method: 'tukey-hinges',
      q1: 3,
      median: 5.5,
      q3: 8,
      iqr: 5,
    });
  });
  it('1..9 -> 3, 5, 7; [7,1,3,3,9,12,4] -> depth 2.5: (3+3)/2 = 3 and (7+9)/2 = 8', () => {
    expect(hinges([1, 2, 3, 4, 5, 6, 7, 8, 9])).toMatchObject({ q1: 3, median: 5, q3: 7 });
    expect(hinges([7, 1, 3, 3, 9, 12, 4])).toMatchObject({ q1: 3, median: 4, q3: 8 });
  });
  it('12 ages -> depth 3.5: (45+47)/2 = 46 and (58+60)/2 = 59', () => {
    expect(hinges([27, 41, 45, 47, 50, 53, 55, 57, 58, 60, 66, 84])).toMatchObject({
      q1: 46,
      median: 54,
      q3: 59,
    });
  });
});

describe('the paper: 61 integer ages with IQR 46.50-58.50 fits HAVERAGE, not hinges', () => {
  const ages61 = fc.array(fc.integer({ min: 18, max: 95 }), { minLength: 61, maxLength: 61 });
  it('with n = 61 HAVERAGE quartiles sit at w = 15.5 and 46.5, so they end in .0 or .5', () => {
    fc.assert(
      fc.property(ages61, (ages) => {
        const r = haverage(ages);
        expect(Number.isInteger(r.q1 * 2) && Number.isInteger(r.q3 * 2)).toBe(true);
      }),
    );
  });
  it('with n = 61 the hinges are at whole depth 16, so they are whole ages and cannot be 46.50', () => {
    fc.assert(
      fc.property(ages61, (ages) => {
        const r = hinges(ages);
        expect(Number.isInteger(r.q1) && Number.isInteger(r.q3)).toBe(true);
      }),
    );
  });
});

describe('properties', () => {
  const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
    minLength: 1,
    maxLength: 60,
  });
  it('stays within [min, max], is monotone in p and ignores input order', () => {
    fc.assert(
      fc.property(
        sample,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const a = q(xs, lo);
          const b = q(xs, hi);
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(b).toBeLessThanOrEqual(Math.max(...xs));
          expect(q(xs.slice().reverse(), lo)).toBe(a);
        },
      ),
    );
  });
  it('both methods agree on the median and order q1 <= median <= q3', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const h = haverage(xs);
        const t = hinges(xs);
        expect(t.median).toBe(h.median);
        expect(expectStatsOk(median(xs))).toBe(h.median);
        for (const r of [h, t]) {
          expect(r.q1).toBeLessThanOrEqual(r.median);
          expect(r.median).toBeLessThanOrEqual(r.q3);
        }
      }),
    );
  });
  it('does not change the caller’s array', () => {
    const xs = [3, 1, 2];
    quartiles(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('validation', () => {
  it.each([
    [[], 'empty'],
    [[1, Number.NaN], 'not-a-number'],
    [[1, Number.POSITIVE_INFINITY], 'not-finite'],
    [[1, '2' as unknown as number], 'not-a-number'],
    [[1, null as unknown as number], 'not-a-number'],
  ])('refuses %p with %s', (xs, code) => {
    const r = quartiles(xs, { field: 'ageYears' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe('ageYears');
    }
  });
  it.each([-0.1, 1.1, Number.NaN])('refuses p = %p', (p) => {
    expect(quantile([1, 2], p).ok).toBe(false);
  });
  it('refuses an unknown method', () => {
    expect(quartiles([1, 2], { method: 'type7' as never }).ok).toBe(false);
  });
  it('never returns a non-finite number, whatever is in the array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(undefined))),
        (xs) => {
          const r = quartiles(xs as number[]);
          return !r.ok || [r.value.q1, r.value.median, r.value.q3].every(Number.isFinite);
        },
      ),
    );
  });
});
