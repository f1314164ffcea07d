/**
 * Regularized incomplete beta function I_x(a, b), the CDF of the Beta(a, b) distribution, on
 * which the Student t distribution rests: P(|T| > t) = I_{v/(v+t^2)}(v/2, 1/2).
 *
 * Method: the continued fraction of Numerical Recipes (3rd ed., section 6.4, eq. 6.4.5),
 * evaluated with the modified Lentz algorithm (Lentz 1976; Thompson & Barnett 1986). The
 * fraction converges fast for x < (a+1)/(a+b+2); above that the symmetry
 * I_x(a, b) = 1 - I_{1-x}(b, a) is used. Both tails are returned, each computed directly where it
 * is the small one, so a tail probability of 1e-200 keeps its relative precision instead of
 * being lost as 1 - (1 - 1e-200). Callers pass y = 1 - x separately for the same reason.
 * Internal numerics: arguments are trusted (a, b > 0, x, y in [0, 1], x + y = 1).
 */
import { logBeta } from './gamma.ts';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 20_000;

/**
 * The continued fraction part of I_x(a, b); NaN if it did not converge (only for parameters far
 * outside what the registry uses, e.g. a and b above ~1e8).
 */
function continuedFraction(a: number, b: number, x: number, y: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 - (a+b) x / (a+1), written with y = 1 - x: with a = 5e5 and x = 1 - 4e-6 the direct form
  // loses 5 digits to cancellation.
  let d = (1 - b + qab * y) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step of the fraction.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return h;
  }
  return Number.NaN;
}

export type BetaTails = {
  /** I_x(a, b) = P(X <= x) for X ~ Beta(a, b). */
  readonly lower: number;
  /** 1 - I_x(a, b) = P(X > x). */
  readonly upper: number;
};

/** Regularized incomplete beta I_x(a, b) and its complement; y must equal 1 - x. */
export function regularizedIncompleteBeta(
  x: number,
  a: number,
  b: number,
  y: number = 1 - x,
): BetaTails {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  // ln x and ln y from whichever of x, y is small, so neither is rounded to ln(1) = 0.
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * continuedFraction(a, b, x, y)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * continuedFraction(b, a, y, x)) / b;
  return { lower: 1 - upper, upper };
}
