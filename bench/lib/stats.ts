/** Small summary statistics for latency samples (ms). Nearest-rank percentiles, no interpolation. */

/** The p-th percentile (0-100) by nearest rank of `samples`; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export type Summary = {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
};

export function summarize(samples: readonly number[]): Summary {
  const round = (x: number) => Math.round(x * 100) / 100;
  const mean = samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length);
  return {
    n: samples.length,
    min: round(Math.min(...samples)),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
    mean: round(mean),
  };
}
