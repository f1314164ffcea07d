/**
 * Percentiles, median and quartiles as the paper reports them (protocol.md section 8: "median
 * and IQR" of age and of baseline NRS; the paper used SPSS 27).
 *
 * Default definition: SPSS's default "weighted average at x_((n+1)p)" (HAVERAGE), identical to
 * R's quantile(type = 6) and Hyndman & Fan (1996) definition 6, numpy method 'weibull':
 *   w = (n + 1) p, j = floor(w), g = w - j, x_(k) the k-th smallest value (1-based),
 *   Q(p) = x_(j) + g (x_(j+1) - x_(j)), with Q(p) = x_(1) when j < 1 and x_(n) when j >= n.
 * w is compared with a relative fuzz of 4 machine epsilons (as R does), so (n + 1) p that should
 * be a whole number but is computed as 2.9999999999999996 is taken as 3.
 * Option: Tukey's hinges (SPSS Explore's "Tukey's Hinges", R's fivenum): the medians of the
 * lower and upper halves, each half including the median when n is odd.
 */
import { checkSample, statsFail, statsOk, type StatsResult } from './errors.ts';

export type QuartileMethod = 'haverage' | 'tukey-hinges';

export type Quartiles = {
  readonly method: QuartileMethod;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  /** q3 - q1. */
  readonly iqr: number;
};

const ascending = (a: number, b: number) => a - b;

/** HAVERAGE percentile of already sorted, non-empty values (internal). */
export function haverageSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const w = (n + 1) * p;
  const fuzz = 4 * Number.EPSILON * Math.max(1, w);
  const j = Math.floor(w + fuzz);
  const g = Math.abs(w - j) < fuzz ? 0 : w - j;
  if (j < 1) return sorted[0] as number;
  if (j >= n) return sorted[n - 1] as number;
  const lo = sorted[j - 1] as number;
  const hi = sorted[j] as number;
  if (g === 0 || lo === hi) return lo;
  // (1 - g) lo + g hi cannot overflow (hi - lo could); min/max only undo a last-bit rounding
  // that would put the interpolated value outside [lo, hi].
  return Math.min(hi, Math.max(lo, (1 - g) * lo + g * hi));
}

/** Average of the values at 1-based depth d (a whole or half number) of sorted values. */
function atDepth(sorted: readonly number[], depth: number): number {
  const lo = sorted[Math.floor(depth) - 1] as number;
  const hi = sorted[Math.ceil(depth) - 1] as number;
  return lo === hi ? lo : lo / 2 + hi / 2;
}

/**
 * The p-th quantile (0 <= p <= 1) of finite values by SPSS's default HAVERAGE definition
 * (module comment). Example: 1..10 gives 2.75 at p = 0.25. Unit: that of the values.
 */
export function quantile(
  values: readonly number[],
  p: number,
  field = 'values',
): StatsResult<number> {
  const checked = checkSample(values, field, 1);
  if (!checked.ok) return checked;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    return statsFail(
      'out-of-range',
      'p',
      `The quantile must be between 0 and 1 (0.25 for Q1), got ${String(p)}.`,
      `Het kwantiel moet tussen 0 en 1 liggen (0.25 voor Q1), niet ${String(p)}.`,
    );
  }
  return statsOk(haverageSorted(checked.value.slice().sort(ascending), p));
}

/** Median of finite values (the same by every definition). Unit: that of the values. */
export function median(values: readonly number[], field = 'values'): StatsResult<number> {
  return quantile(values, 0.5, field);
}

/**
 * Q1, median, Q3 and IQR of finite values, by SPSS HAVERAGE (default) or Tukey's hinges.
 * Example: 1..10 gives 2.75 / 5.5 / 8.25 (HAVERAGE) and 3 / 5.5 / 8 (hinges).
 */
export function quartiles(
  values: readonly number[],
  options: { readonly method?: QuartileMethod; readonly field?: string } = {},
): StatsResult<Quartiles> {
  const method = options.method ?? 'haverage';
  const checked = checkSample(values, options.field ?? 'values', 1);
  if (!checked.ok) return checked;
  if (method !== 'haverage' && method !== 'tukey-hinges') {
    return statsFail(
      'out-of-range',
      'method',
      `Unknown quartile method "${String(method)}".`,
      `Onbekende methode voor de kwartielen: "${String(method)}".`,
    );
  }
  const sorted = checked.value.slice().sort(ascending);
  const n = sorted.length;
  let q1: number;
  let med: number;
  let q3: number;
  if (method === 'haverage') {
    q1 = haverageSorted(sorted, 0.25);
    med = haverageSorted(sorted, 0.5);
    q3 = haverageSorted(sorted, 0.75);
  } else {
    // R fivenum: hinge depth floor((n + 3) / 2) / 2 from either end.
    const hingeDepth = Math.floor((n + 3) / 2) / 2;
    q1 = atDepth(sorted, hingeDepth);
    med = atDepth(sorted, (n + 1) / 2);
    q3 = atDepth(sorted, n + 1 - hingeDepth);
  }
  return statsOk({ method, q1, median: med, q3, iqr: q3 - q1 });
}
