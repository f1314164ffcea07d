import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erf, erfc, normalCdf, normalQuantile, twoSidedNormalP } from './normal.ts';
import { expectStatsOk } from './test-support.ts';

const relClose = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

// Every expected value below: mpmath 1.3.0 (erf, erfc, ncdf, erfinv) at 50 digits.
describe('erf / erfc', () => {
  it.each([
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
    [-0.3, -0.3286267594591274],
  ])('erf(%p) = %p within 1e-15', (x, expected) => {
    expect(Math.abs(erf(x) - expected)).toBeLessThan(1e-15);
  });
  it.each([
    [0.5, 0.4795001221869535],
    [2.5, 0.0004069520174449589],
    [3, 0.00002209049699858544],
    [5, 1.537459794428035e-12],
    [10, 2.088487583762545e-45],
    [26, 5.663192408856143e-296],
    [-1, 1.842700792949715],
  ])('erfc(%p) = %p to 1e-13 relative (far tail kept)', (x, expected) => {
    relClose(erfc(x), expected, 1e-13);
  });
  it('is odd, bounded and complementary', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(erf(-x) + erf(x)).toBe(0);
        expect(Math.abs(erf(x))).toBeLessThanOrEqual(1);
        expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(2e-16 * 4);
      }),
    );
  });
  it('behaves like Math functions at the edges', () => {
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it.each([
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145705],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160525e-24],
    [-20, 2.7536241186062337e-89],
    [-37, 5.725571222524577e-300],
    [0.5, 0.6914624612740131],
    [3, 0.9986501019683699],
  ])('Phi(%p) = %p to 1e-13 relative', (z, expected) => {
    relClose(expectStatsOk(normalCdf(z)), expected, 1e-13);
  });
  it('refuses non-finite z', () => {
    for (const z of [Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number]) {
      const r = normalCdf(z);
      expect(r.ok).toBe(false);
    }
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.975, 1.9599639845400543], // the 1.959964 of every Wald 95 % CI
    [0.995, 2.575829303548901],
    [0.9, 1.2815515655446006],
    [1e-10, -6.361340902404057],
  ])('z(%p) = %p', (p, expected) => {
    relClose(expectStatsOk(normalQuantile(p)), expected, 2e-15);
  });
  it('is exactly 0 at p = 0.5 and antisymmetric (p and 1 - p both exact in binary)', () => {
    expect(expectStatsOk(normalQuantile(0.5))).toBe(0);
    expect(expectStatsOk(normalQuantile(0.25))).toBe(-expectStatsOk(normalQuantile(0.75)));
    expect(expectStatsOk(normalQuantile(0.0078125))).toBe(
      -expectStatsOk(normalQuantile(0.9921875)),
    );
  });
  it('inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true }), (p) => {
        const z = expectStatsOk(normalQuantile(p));
        relClose(expectStatsOk(normalCdf(z)), p, 1e-12);
      }),
    );
  });
  it.each([0, 1, -0.1, 1.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses p = %p', (p) => {
    const r = normalQuantile(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('out-of-range');
  });
});

describe('twoSidedNormalP', () => {
  it('is 0.05 at z = 1.959964 and 1 at z = 0', () => {
    expect(expectStatsOk(twoSidedNormalP(1.959963984540054))).toBeCloseTo(0.05, 14);
    expect(expectStatsOk(twoSidedNormalP(0))).toBe(1);
  });
  it('is symmetric in z and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
        const p = expectStatsOk(twoSidedNormalP(z));
        expect(p).toBe(expectStatsOk(twoSidedNormalP(-z)));
        expect(p >= 0 && p <= 1).toBe(true);
      }),
    );
  });
});
