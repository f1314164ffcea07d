/**
 * Error function and the standard normal distribution, used for Wald tests and intervals of the
 * logistic regression (protocol.md section 8: OR with 95 % CI and Wald p).
 *
 * Method, chosen so that every term is positive (no cancellation) and no memorised table of
 * coefficients is needed:
 * - |x| < 1: erf(x) = (2/sqrt(pi)) e^(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))
 *   (Abramowitz & Stegun 7.1.6); erfc = 1 - erf, which is >= 0.157 there, so its relative
 *   error stays below ~1e-15.
 * - |x| >= 1: erfc(x) = e^(-x^2) / (sqrt(pi) (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))))
 *   (A&S 7.1.14), a continued fraction evaluated with the modified Lentz algorithm (under 200
 *   terms at x = 1, fewer further out); erf = 1 - erfc.
 * e^(-x^2) is formed as e^(-h^2) e^(-(x-h)(x+h)) with h = x rounded down to 1/16, so the rounding
 * of x^2 does not leak into far-tail probabilities (Cody's trick, also used by R's pnorm).
 * Absolute error < 1e-15 everywhere and relative error of the tails < 1e-14 (normal.test.ts
 * compares with mpmath at 50 digits).
 */
import { statsFail, statsOk, type StatsResult } from './errors.ts';

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/sqrt(pi)
const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/sqrt(pi)
const ONE_OVER_SQRT_2PI = 0.3989422804014327; // 1/sqrt(2 pi)
const SERIES_LIMIT = 1;

/** e^(-k x^2) for x >= 0 with k = 1 or 1/2, without the rounding error of x*x in the exponent. */
function expOfMinusSquare(x: number, k: number): number {
  const h = Math.floor(x * 16) / 16; // h^2 is exact: h has at most 4 fractional bits
  return Math.exp(-k * h * h) * Math.exp(-k * (x - h) * (x + h));
}

/** erfc(x) e^(x^2) for x >= 1, by the continued fraction A&S 7.1.14 (modified Lentz). */
function scaledErfcByContinuedFraction(x: number): number {
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n <= 5000; n++) {
    const an = n / 2;
    d = x + an * d;
    d = 1 / d;
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= 1e-16) break;
  }
  return ONE_OVER_SQRT_PI / f;
}

/** erf(x) for 0 <= x < 1 by the positive-term series A&S 7.1.6. */
function erfBySeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 0; n < 200; n++) {
    term *= twoX2 / (2 * n + 3);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * expOfMinusSquare(x, 1) * sum;
}

/**
 * Error function erf(x), total on the reals like `Math.*` functions: NaN gives NaN,
 * +-Infinity gives +-1. Absolute error < 1e-15.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  const value = ax < SERIES_LIMIT ? erfBySeries(ax) : 1 - erfc(ax);
  return x < 0 ? -value : value;
}

/**
 * Complementary error function erfc(x) = 1 - erf(x), with full relative precision in the right
 * tail (erfc(10) = 2.088e-45 is not rounded to 0). NaN gives NaN.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) return 1 - erfBySeries(x);
  if (x > 27.3) return 0; // below the smallest double
  return expOfMinusSquare(x, 1) * scaledErfcByContinuedFraction(x);
}

/** P(Z > z) for a standard normal Z, accurate relative to its size in the far tail. Internal. */
export function normalUpperTailRaw(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 1 - normalUpperTailRaw(-z);
  const w = z * Math.SQRT1_2;
  if (w < SERIES_LIMIT) return 0.5 * (1 - erfBySeries(w));
  if (z > 38.6) return 0; // below the smallest double
  // e^(-z^2/2) formed from z itself, not from the rounded w^2.
  return 0.5 * expOfMinusSquare(z, 0.5) * scaledErfcByContinuedFraction(w);
}

/** Standard normal density. Internal. */
export function normalDensityRaw(z: number): number {
  return ONE_OVER_SQRT_2PI * expOfMinusSquare(Math.abs(z), 0.5);
}

/** Standard normal quantile for 0 < p < 1, no validation. Internal. */
export function normalQuantileRaw(p: number): number {
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p); // 1 - p is exact for p >= 0.5 (Sterbenz)
  // Starting value: A&S 26.2.23 (absolute error < 4.5e-4), then Halley steps on the upper tail.
  const t = Math.sqrt(-2 * Math.log(q));
  let z =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 20; i++) {
    const u = (normalUpperTailRaw(z) - q) / normalDensityRaw(z);
    const step = u / (1 - (z * u) / 2);
    z += step;
    if (Math.abs(step) <= 1e-15 * Math.abs(z)) break;
  }
  return p < 0.5 ? -z : z;
}

/** Standard normal CDF P(Z <= z) for a finite z (source of accuracy: module comment). */
export function normalCdf(z: number): StatsResult<number> {
  if (typeof z !== 'number' || !Number.isFinite(z)) {
    return statsFail(
      'not-finite',
      'z',
      `z must be a finite number, got ${String(z)}.`,
      `z moet een eindig getal zijn, niet ${String(z)}.`,
    );
  }
  return statsOk(z < 0 ? normalUpperTailRaw(-z) : 1 - normalUpperTailRaw(z));
}

/** Standard normal quantile: the z with P(Z <= z) = p, for 0 < p < 1 (0.975 gives 1.959964). */
export function normalQuantile(p: number): StatsResult<number> {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    return statsFail(
      'out-of-range',
      'p',
      `A probability strictly between 0 and 1 is needed, got ${String(p)}.`,
      `Er is een kans strikt tussen 0 en 1 nodig, niet ${String(p)}.`,
    );
  }
  return statsOk(normalQuantileRaw(p));
}

/** Two-sided p-value 2 P(Z > |z|) of a Wald or other z statistic (finite z). */
export function twoSidedNormalP(z: number): StatsResult<number> {
  if (typeof z !== 'number' || !Number.isFinite(z)) {
    return statsFail(
      'not-finite',
      'z',
      `z must be a finite number, got ${String(z)}.`,
      `z moet een eindig getal zijn, niet ${String(z)}.`,
    );
  }
  return statsOk(Math.min(1, 2 * normalUpperTailRaw(Math.abs(z))));
}
