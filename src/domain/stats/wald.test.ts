import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { waldInference } from './wald.ts';
import { expectStatsOk } from './test-support.ts';

describe('waldInference', () => {
  it('the paper (protocol.md section 8): OR 0.975, CI 0.729-1.304, Wald p = 0.863 are mutually consistent', () => {
    // SE from the published CI: (ln 1.304 - ln 0.729) / (2 * 1.959964) = 0.14835.
    const se = (Math.log(1.304) - Math.log(0.729)) / (2 * 1.959964);
    const w = expectStatsOk(waldInference(Math.log(0.975), se));
    expect(w.oddsRatioLower).toBeCloseTo(0.729, 2);
    expect(w.oddsRatioUpper).toBeCloseTo(1.304, 2);
    // OR printed to 3 decimals: ln OR anywhere in [ln 0.9745, ln 0.9755] gives p in
    // [0.8618, 0.8672] (by hand: z = ln OR / 0.14835, p = 2 (1 - Phi(|z|))); 0.863 is inside.
    for (const or of [0.9745, 0.9755]) {
      const pv = expectStatsOk(waldInference(Math.log(or), se)).pValue;
      expect(pv).toBeGreaterThan(0.86);
      expect(pv).toBeLessThan(0.868);
    }
  });
  it('b = 1.96, SE = 1: p = 0.0499958 and OR CI exp(1.96 -+ 1.959964) (by hand, normal table)', () => {
    const w = expectStatsOk(waldInference(1.96, 1));
    expect(w.z).toBe(1.96);
    expect(w.pValue).toBeCloseTo(0.0499957902964, 10); // 2 * Phi(-1.96) = 2 * 0.0249978951482 (mpmath)
    expect(w.oddsRatio).toBeCloseTo(Math.exp(1.96), 12);
    expect(w.oddsRatioLower).toBeCloseTo(Math.exp(1.96 - 1.959963984540054), 12);
    expect(w.oddsRatioUpper).toBeCloseTo(Math.exp(1.96 + 1.959963984540054), 12);
  });
  it('the CI always contains the OR and p is in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (b, se) => {
          const w = expectStatsOk(waldInference(b, se));
          expect(w.oddsRatioLower).toBeLessThanOrEqual(w.oddsRatio);
          expect(w.oddsRatioUpper).toBeGreaterThanOrEqual(w.oddsRatio);
          expect(w.pValue >= 0 && w.pValue <= 1).toBe(true);
        },
      ),
    );
  });
  it('refuses a non-finite estimate, a SE of 0 or less, and a bad level', () => {
    expect(waldInference(Number.NaN, 1).ok).toBe(false);
    expect(waldInference(1, 0).ok).toBe(false);
    expect(waldInference(1, -1).ok).toBe(false);
    expect(waldInference(1, Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(waldInference(1, 1, 1.5).ok).toBe(false);
  });
});
