import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logBeta, logFactorialTable, logGamma } from './gamma.ts';

/** |actual - expected| <= tol * max(1, |expected|): relative, absolute near 0. */
const close = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('logGamma', () => {
  // Expected values: mpmath 1.3.0 loggamma at 50 digits, printed to 17 significant digits.
  it.each([
    [0.5, 0.5723649429247001], // ln sqrt(pi)
    [1, 0],
    [1.5, -0.12078223763524522],
    [2, 0],
    [3, 0.6931471805599453], // ln 2
    [10, 12.80182748008147], // ln 9! = ln 362880
    [100.5, 361.4355404677776],
    [171, 706.5730622457874],
    [10000, 82099.71749644238],
  ])('lnGamma(%p) = %p (mpmath)', (x, expected) => {
    close(logGamma(x), expected, 3e-15);
  });
  it('is NaN outside its domain instead of a made-up number', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
  });
  it('satisfies the recurrence lnGamma(x + 1) = lnGamma(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e5, noNaN: true }), (x) => {
        close(logGamma(x + 1), logGamma(x) + Math.log(x), 1e-13);
      }),
    );
  });
});

describe('logBeta', () => {
  // mpmath log(beta(a, b)) at 50 digits.
  it.each([
    [0.5, 0.5, 1.1447298858494002], // ln pi
    [5, 0.5, -0.2073951943460706],
    [500, 0.5, -2.5346891063280625],
    [3, 4, -4.0943445622221], // ln(1/60)
    [12, 15, -18.568172732389435],
  ])('lnB(%p, %p) = %p (mpmath)', (a, b, expected) => {
    close(logBeta(a, b), expected, 5e-15);
    close(logBeta(b, a), expected, 5e-15);
  });
});

describe('logFactorialTable', () => {
  it('is exact for small k and matches mpmath for large k', () => {
    const t = logFactorialTable(300);
    expect(t[0]).toBe(0);
    expect(t[1]).toBe(0);
    expect(t[5]).toBe(Math.log(120));
    expect(t[20]).toBe(Math.log(2432902008176640000));
    close(t[21] as number, 45.38013889847691, 1e-15); // mpmath log(21!)
    close(t[300] as number, 1414.905849945068, 1e-15); // mpmath log(300!)
  });
  it('adds ln k at every step', () => {
    const t = logFactorialTable(1000);
    for (let k = 1; k <= 1000; k++)
      close(t[k] as number, (t[k - 1] as number) + Math.log(k), 1e-14);
  });
});
