/**
 * Descriptive statistics of the registry (protocol.md section 8: counts and %, mean, median and
 * IQR). Nothing here rounds: values are returned at full precision and rounded once, for
 * display only, by `roundForDisplay` (display.ts).
 *
 * Numerics: values are first divided by a power of two near their largest magnitude (exact, so
 * nothing is lost) so sums cannot overflow; the mean is a compensated (Neumaier) sum, and the
 * variance the corrected two-pass formula
 * sum (x - m)^2 - (sum (x - m))^2 / n (Chan, Golub & LeVeque 1983), which stays accurate when the
 * mean is large against the spread.
 */
import { checkSample, fieldNl, statsFail, statsOk, type StatsResult } from './errors.ts';
import { quartiles, type QuartileMethod } from './quantiles.ts';

export type CountPercent = {
  readonly count: number;
  readonly total: number;
  /** 100 * count / total, unrounded. Display with roundForDisplay(percent, 1): 23/45 -> 51.1. */
  readonly percent: number;
};

/** Compensated sum (Neumaier 1974): exact to ~1 ulp of the result for any ordering. */
function neumaierSum(values: readonly number[], scale: number): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const x = v / scale;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** A power of two >= max |x| (1 if all are 0); dividing by it is exact. */
function powerOfTwoScale(values: readonly number[]): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  // Capped at 2^1023 so the scale itself stays finite for values near Number.MAX_VALUE.
  return max === 0 ? 1 : 2 ** Math.min(1023, Math.ceil(Math.log2(max)));
}

/**
 * Mean of already validated, non-empty values, on the scaled axis (internal). The compensated
 * sum is within ~1 ulp, so no refinement pass is added: sum (x - m) over rounded differences
 * would be less exact than that (1e16, 1, -1e16 has mean exactly 1/3 only without it).
 */
function scaledMean(values: readonly number[], scale: number): number {
  return neumaierSum(values, scale) / values.length;
}

/**
 * Count and percentage of a total, e.g. 23 favourable of 45 per-protocol patients = 51.11 %.
 * count and total are whole numbers, 0 <= count <= total, total > 0.
 */
export function countPercent(
  count: number,
  total: number,
  field = 'count',
): StatsResult<CountPercent> {
  for (const [name, v] of [
    [field, count],
    ['total', total],
  ] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      return statsFail(
        'not-an-integer',
        name,
        `${name} must be a whole number of patients (0 or more), got ${String(v)}.`,
        `Voor ${fieldNl(name)} is een geheel aantal patiënten nodig (0 of meer), niet ${String(v)}.`,
      );
    }
  }
  if (total === 0) {
    return statsFail(
      'empty',
      'total',
      'The group has no patients, so no percentage can be given; report "0 of 0" instead.',
      'De groep telt geen patiënten, dus er kan geen percentage gegeven worden; rapporteer in plaats daarvan "0 van 0".',
    );
  }
  if (count > total) {
    return statsFail(
      'out-of-range',
      field,
      `${field} (${count}) is larger than the total (${total}); check the group definitions.`,
      `Het aantal ${count} (${fieldNl(field)}) is groter dan het totaal ${total}; controleer de definities van de groepen.`,
    );
  }
  return statsOk({ count, total, percent: (100 * count) / total });
}

/** Arithmetic mean of finite values (n >= 1). Unit: that of the values. */
export function mean(values: readonly number[], field = 'values'): StatsResult<number> {
  const checked = checkSample(values, field, 1);
  if (!checked.ok) return checked;
  const scale = powerOfTwoScale(checked.value);
  return statsOk(scaledMean(checked.value, scale) * scale);
}

/** Sample standard deviation (divisor n - 1) of finite values, n >= 2. Unit: that of the values. */
export function standardDeviation(
  values: readonly number[],
  field = 'values',
): StatsResult<number> {
  const checked = checkSample(values, field, 2);
  if (!checked.ok) return checked;
  const xs = checked.value;
  const n = xs.length;
  const scale = powerOfTwoScale(xs);
  const m = scaledMean(xs, scale);
  let sumSq = 0;
  let sumDev = 0;
  for (const v of xs) {
    const d = v / scale - m;
    sumSq += d * d;
    sumDev += d;
  }
  const variance = Math.max(0, sumSq - (sumDev * sumDev) / n) / (n - 1);
  const sd = Math.sqrt(variance) * scale;
  // Values near ±1.8e308 can spread wider than a double holds (two values ±MAX_VALUE have an
  // SD of 1.41 x MAX_VALUE): say so instead of returning Infinity.
  if (!Number.isFinite(sd)) {
    return statsFail(
      'out-of-range',
      field,
      `${field}: the spread of these values is too large to compute a standard deviation; check the values for entry errors.`,
      `${fieldNl(field)}: de spreiding van deze waarden is te groot om een standaardafwijking te berekenen; controleer de waarden op invoerfouten.`,
    );
  }
  return statsOk(sd);
}

export type Summary = {
  readonly n: number;
  readonly mean: number;
  /** Sample SD; null when n = 1 (undefined, not zero). */
  readonly sd: number | null;
  readonly min: number;
  readonly max: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly iqr: number;
  readonly quartileMethod: QuartileMethod;
};

/**
 * n, mean, SD, range, median and quartiles of finite values in one call, quartiles by SPSS
 * HAVERAGE unless `method: 'tukey-hinges'` (quantiles.ts). For "age: median 54 (IQR 46.5-58.5)".
 */
export function summarize(
  values: readonly number[],
  options: { readonly method?: QuartileMethod; readonly field?: string } = {},
): StatsResult<Summary> {
  const field = options.field ?? 'values';
  const m = mean(values, field);
  if (!m.ok) return m;
  const q = quartiles(values, { ...options, field });
  if (!q.ok) return q;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const sd = values.length >= 2 ? standardDeviation(values, field) : null;
  if (sd !== null && !sd.ok) return sd;
  return statsOk({
    n: values.length,
    mean: m.value,
    sd: sd === null ? null : sd.value,
    min,
    max,
    q1: q.value.q1,
    median: q.value.median,
    q3: q.value.q3,
    iqr: q.value.iqr,
    quartileMethod: q.value.method,
  });
}
