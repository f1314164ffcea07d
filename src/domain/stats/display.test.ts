import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundForDisplay } from './display.ts';
import { expectStatsOk } from './test-support.ts';

const r = (v: number, d: number) => expectStatsOk(roundForDisplay(v, d));

describe('roundForDisplay (display only, half away from zero on the decimal value)', () => {
  it.each([
    [51.111111, 1, 51.1],
    [43.85, 2, 43.85],
    [0.28040960982408486, 3, 0.28], // Table I p shown as 0.280
    [1.005, 2, 1.01], // toFixed gives "1.00": binary 1.00499999999999989...
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [-0.0004, 3, 0], // no "-0" on screen
    [1234.5678, 0, 1235],
  ])('%p at %p decimals -> %p', (value, decimals, expected) => {
    expect(Object.is(r(value, decimals), expected)).toBe(true);
  });
  it('moves a value by at most half a unit of the last shown decimal', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (v, d) => {
          expect(Math.abs(r(v, d) - v)).toBeLessThanOrEqual(
            0.5 * 10 ** -d * (1 + 1e-9) + 1e-9 * Math.abs(v),
          );
        },
      ),
    );
  });
  it('refuses non-finite values and bad decimals', () => {
    expect(roundForDisplay(Number.NaN, 1).ok).toBe(false);
    expect(roundForDisplay(Number.POSITIVE_INFINITY, 1).ok).toBe(false);
    expect(roundForDisplay(1, -1).ok).toBe(false);
    expect(roundForDisplay(1, 1.5).ok).toBe(false);
    expect(roundForDisplay(1, 13).ok).toBe(false);
  });
});
