import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { regularizedIncompleteBeta } from './incomplete-beta.ts';

const relClose = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms: I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1 - (1-x)^b', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, a) => {
          relClose(regularizedIncompleteBeta(x, 1, 1).lower, x, 1e-13);
          relClose(regularizedIncompleteBeta(x, a, 1).lower, x ** a, 1e-12);
          relClose(regularizedIncompleteBeta(x, 1, a).upper, (1 - x) ** a, 1e-12);
        },
      ),
    );
  });
  it('is symmetric: I_x(a, b) = 1 - I_(1-x)(b, a), and I_0.5(a, a) = 0.5', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        (x, a, b) => {
          const left = regularizedIncompleteBeta(x, a, b);
          const right = regularizedIncompleteBeta(1 - x, b, a);
          expect(Math.abs(left.lower - right.upper)).toBeLessThan(1e-13);
          expect(Math.abs(regularizedIncompleteBeta(0.5, a, a).lower - 0.5)).toBeLessThan(1e-13);
        },
      ),
    );
  });
  // Expected values: mpmath betainc(a, b, 0, x, regularized=True) at 50 digits.
  it.each([
    [0.3, 2, 3, 0.3483, 'lower'], // by hand: sum_{j=2..4} C(4,j) 0.3^j 0.7^(4-j) = 0.2646 + 0.0756 + 0.0081
    [0.9, 0.5, 22, 1.2577143948968725e-23, 'upper'],
    [0.01, 22, 0.5, 1.2018034326844824e-45, 'lower'],
    [1e-5, 0.5, 0.5, 0.0020131718394753874, 'lower'], // (2/pi) asin(sqrt(x))
  ] as const)('I_%p(%p, %p) tail = %p (mpmath)', (x, a, b, expected, tail) => {
    relClose(regularizedIncompleteBeta(x, a, b)[tail], expected, 1e-13);
  });
  it('gives the exact ends at x = 0 and x = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toEqual({ lower: 0, upper: 1 });
    expect(regularizedIncompleteBeta(1, 2, 3, 0)).toEqual({ lower: 1, upper: 0 });
  });
});
