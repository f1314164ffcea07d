/**
 * t-based confidence interval of a mean (protocol.md section 8: mean self-reported pain
 * reduction 43.85 %, 95 % CI 35.54-52.15, n = 45, as SPSS's Explore/Descriptives computes it):
 *   mean +- t_{(1+level)/2, n-1} * SD / sqrt(n),   SD with divisor n - 1.
 * Assumes independent observations; for n = 45 the t interval is robust to moderate skew.
 */
import { checkLevel, statsFail, statsOk, type StatsResult } from './errors.ts';
import { mean as meanOf, standardDeviation } from './descriptive.ts';
import { studentTQuantile } from './t-distribution.ts';

export type MeanConfidenceInterval = {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  /** SD / sqrt(n). */
  readonly standardError: number;
  /** n - 1. */
  readonly df: number;
  readonly level: number;
  /** t quantile at (1 + level) / 2 with df degrees of freedom (2.0154 for 95 %, n = 45). */
  readonly tCritical: number;
  /** tCritical * standardError. */
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
};

export type MeanSummary = {
  readonly mean: number;
  /** Sample SD (divisor n - 1), >= 0. */
  readonly sd: number;
  /** Whole number >= 2. */
  readonly n: number;
};

function checkN(n: unknown): StatsResult<number> {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 2) {
    return statsFail(
      'too-few-values',
      'n',
      `A confidence interval of a mean needs n of at least 2 whole values, got ${String(n)}.`,
      `Een betrouwbaarheidsinterval van een gemiddelde vereist een n van minstens 2 (een geheel aantal waarden), niet ${String(n)}.`,
    );
  }
  return statsOk(n);
}

/** CI of a mean from its summary (mean, SD, n); units of the mean. */
export function meanConfidenceIntervalFromSummary(
  summary: MeanSummary,
  level = 0.95,
): StatsResult<MeanConfidenceInterval> {
  const lv = checkLevel(level);
  if (!lv.ok) return lv;
  const n = checkN(summary.n);
  if (!n.ok) return n;
  const { mean, sd } = summary;
  if (typeof mean !== 'number' || !Number.isFinite(mean)) {
    return statsFail(
      'not-finite',
      'mean',
      `The mean must be a finite number, got ${String(mean)}.`,
      `Het gemiddelde moet een eindig getal zijn, niet ${String(mean)}.`,
    );
  }
  if (typeof sd !== 'number' || !Number.isFinite(sd) || sd < 0) {
    return statsFail(
      'out-of-range',
      'sd',
      `The SD must be a finite number of 0 or more, got ${String(sd)}.`,
      `De standaarddeviatie (SD) moet een eindig getal van 0 of meer zijn, niet ${String(sd)}.`,
    );
  }
  const df = n.value - 1;
  const t = studentTQuantile((1 + lv.value) / 2, df);
  if (!t.ok) return t;
  const standardError = sd / Math.sqrt(n.value);
  const halfWidth = t.value * standardError;
  return statsOk({
    n: n.value,
    mean,
    sd,
    standardError,
    df,
    level: lv.value,
    tCritical: t.value,
    halfWidth,
    lower: mean - halfWidth,
    upper: mean + halfWidth,
  });
}

/**
 * Mean with its t-based CI from raw finite values (n >= 2), e.g. the per-protocol patients'
 * pain reductions in %. Units of the values.
 */
export function meanConfidenceInterval(
  values: readonly number[],
  options: { readonly level?: number; readonly field?: string } = {},
): StatsResult<MeanConfidenceInterval> {
  const field = options.field ?? 'values';
  const sd = standardDeviation(values, field);
  if (!sd.ok) return sd;
  const m = meanOf(values, field);
  if (!m.ok) return m;
  return meanConfidenceIntervalFromSummary(
    { mean: m.value, sd: sd.value, n: values.length },
    options.level ?? 0.95,
  );
}

/**
 * The SD implied by a reported t-based CI of a mean: SD = (upper - lower) / 2 / t * sqrt(n).
 * For checking a publication against the registry: the paper's 35.54-52.15 with n = 45 gives
 * SD ~ 27.6 %.
 */
export function sdFromMeanConfidenceInterval(
  interval: { readonly lower: number; readonly upper: number; readonly n: number },
  level = 0.95,
): StatsResult<number> {
  const lv = checkLevel(level);
  if (!lv.ok) return lv;
  const n = checkN(interval.n);
  if (!n.ok) return n;
  const { lower, upper } = interval;
  if (
    typeof lower !== 'number' ||
    typeof upper !== 'number' ||
    !Number.isFinite(lower) ||
    !Number.isFinite(upper) ||
    upper < lower
  ) {
    return statsFail(
      'out-of-range',
      'interval',
      `The interval needs finite lower <= upper, got ${String(lower)} to ${String(upper)}.`,
      `Het interval vereist eindige grenzen met ondergrens <= bovengrens, niet ${String(lower)} tot ${String(upper)}.`,
    );
  }
  const t = studentTQuantile((1 + lv.value) / 2, n.value - 1);
  if (!t.ok) return t;
  return statsOk((((upper - lower) / 2) * Math.sqrt(n.value)) / t.value);
}
