import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { studentTCdf, studentTQuantile } from './t-distribution.ts';
import { expectStatsOk } from './test-support.ts';

const relClose = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
const q = (p: number, df: number) => expectStatsOk(studentTQuantile(p, df));
const cdf = (t: number, df: number) => expectStatsOk(studentTCdf(t, df));

describe('studentTQuantile against printed t tables', () => {
  // Four-decimal values as printed in any t table (e.g. Fisher & Yates; NIST/SEMATECH
  // e-Handbook 1.3.6.7.2). t_{0.975,44} is the paper's 95 % CI multiplier for n = 45.
  it.each([
    [0.975, 44, 2.0154],
    [0.975, 10, 2.2281],
    [0.975, 1, 12.7062],
    [0.975, 2, 4.3027],
    [0.95, 5, 2.015],
    [0.995, 30, 2.75],
    [0.975, 7, 2.3646],
    [0.9, 3, 1.6377],
    [0.999, 4, 7.1732],
    [0.975, 1000, 1.9623],
  ])('t(%p, df %p) = %p to 4 decimals', (p, df, expected) => {
    expect(Math.abs(q(p, df) - expected)).toBeLessThan(0.5e-4);
  });
  // Full-precision references: scipy 1.17.1 stats.t.ppf, agreeing with mpmath.
  it.each([
    [0.975, 44, 2.0153675744437636],
    [0.975, 10, 2.228138851986274],
    [0.975, 1, 12.706204736174694],
    [0.995, 30, 2.7499956535672254],
    [1e-10, 3, -2225.769284683093],
    [0.6, 0.5, 0.3979754267847907], // fractional df
    [0.999999, 0.3, 3007185808502726700], // very heavy tail
  ])('t(%p, df %p) = %p to 1e-13 relative (scipy)', (p, df, expected) => {
    relClose(q(p, df), expected, 1e-13);
  });
});

describe('closed forms (independent of the incomplete beta)', () => {
  it('df = 1 (Cauchy): F(t) = 1/2 + atan(t)/pi, Q(p) = tan(pi (p - 1/2))', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (t) => {
        expect(Math.abs(cdf(t, 1) - (0.5 + Math.atan(t) / Math.PI))).toBeLessThan(1e-14);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        const expected = Math.tan(Math.PI * (p - 0.5));
        expect(Math.abs(q(p, 1) - expected)).toBeLessThanOrEqual(
          1e-11 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });
  it('df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)), Q(p) = (2p - 1) / sqrt(2 p (1 - p))', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (t) => {
        expect(Math.abs(cdf(t, 2) - (0.5 + t / (2 * Math.sqrt(2 + t * t))))).toBeLessThan(1e-14);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        const expected = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(Math.abs(q(p, 2) - expected)).toBeLessThanOrEqual(
          1e-11 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });
});

describe('studentTCdf', () => {
  // mpmath: betainc(v/2, 1/2, 0, v/(v+t^2), regularized) / 2 at 40 digits.
  it.each([
    [-3, 5, 0.015049623948731286],
    [-50, 3, 0.000008808576020635988],
    [-8, 30, 3.1329112378503795e-9],
    [-40, 100, 1.2310538010700354e-63],
    [1.5, 0.7, 0.7798174514903798],
    [-10, 2.5, 0.002220747883653712],
  ])('F(%p; df %p) = %p to 1e-13 relative (far tails too)', (t, df, expected) => {
    relClose(cdf(t, df), expected, 1e-13);
  });
  it('approaches the normal for large df (documented accuracy ~2e-11 at df = 1e6)', () => {
    relClose(cdf(-2, 1e6), 0.022750266925659603, 1e-10); // mpmath
  });
  it('is symmetric and monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.1, max: 1e4, noNaN: true }),
        (t, df) => {
          expect(Math.abs(cdf(t, df) + cdf(-t, df) - 1)).toBeLessThan(1e-14);
          expect(cdf(t + 1, df)).toBeGreaterThanOrEqual(cdf(t, df));
        },
      ),
    );
  });
  it('gives 0 and 1 at -Infinity and +Infinity', () => {
    expect(cdf(Number.NEGATIVE_INFINITY, 5)).toBe(0);
    expect(cdf(Number.POSITIVE_INFINITY, 5)).toBe(1);
  });
});

describe('quantile inverts the CDF', () => {
  it('F(Q(p)) = p over p and df', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        (p, df) => {
          const t = q(p, df);
          const tail = Math.min(p, 1 - p);
          const back = p < 0.5 ? cdf(t, df) : 1 - cdf(t, df);
          expect(Math.abs(back - tail)).toBeLessThanOrEqual(1e-11 * tail + 1e-16);
        },
      ),
    );
  });
  it('Q(F(t)) = t, taken in the lower tail where F(t) is stored without cancellation', () => {
    // (For t > 0, 1 - F(t) keeps only ~1e-16 absolute precision, so the round trip is
    // ill-conditioned by construction, not by the algorithm.)
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: -0.01, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (t, df) => {
          expect(Math.abs(q(cdf(t, df), df) - t)).toBeLessThanOrEqual(1e-12 * Math.abs(t));
        },
      ),
    );
  });
  it('is exactly 0 at p = 0.5', () => {
    expect(q(0.5, 7)).toBe(0);
  });
});

describe('validation', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number])(
    'refuses df = %p',
    (df) => {
      const a = studentTQuantile(0.975, df);
      const b = studentTCdf(1, df);
      expect(a.ok || b.ok).toBe(false);
      if (!a.ok) expect(a.error.field).toBe('df');
    },
  );
  it.each([0, 1, -0.5, 2, Number.NaN])('refuses p = %p', (p) => {
    const r = studentTQuantile(p, 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('out-of-range');
  });
  it('refuses t = NaN', () => {
    expect(studentTCdf(Number.NaN, 3).ok).toBe(false);
  });
  it('refuses a quantile beyond the largest double instead of returning Infinity', () => {
    // The tail falls like t^-df: with df = 0.005 a tail of 1e-3 needs t ~ (1e3)^200 = 1e600.
    const r = studentTQuantile(0.999, 0.005);
    expect(r.ok).toBe(false);
  });
});
