/**
 * Repeated timing of one operation: a few warm-up calls (JIT, caches), then `runs` measured
 * calls, each timed alone with performance.now(). Returns the samples in ms; summarize them
 * with stats.ts. Synchronous and asynchronous operations both work.
 */
import type { Metric } from './metrics.ts';
import { summarize, type Summary } from './stats.ts';

export type RunPlan = {
  readonly runs: number;
  readonly warmup?: number;
  /** Stop early (after at least 3 measured runs) once this much time has been spent measuring. */
  readonly budgetMs?: number;
};

export async function sampleMs(
  operation: () => unknown,
  { runs, warmup = 1, budgetMs = Number.POSITIVE_INFINITY }: RunPlan,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await operation();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await operation();
    const ms = performance.now() - t0;
    samples.push(ms);
    spent += ms;
    if (samples.length >= 3 && spent > budgetMs) break;
  }
  return samples;
}

/** The median and p95 of `samples` as two metrics (`<id>.p50`, `<id>.p95`). */
export function latencyMetrics(
  id: string,
  label: string,
  samples: readonly number[],
  options: { readonly target?: Metric['target']; readonly detail?: string } = {},
): { metrics: Metric[]; summary: Summary } {
  const s = summarize(samples);
  const runs = `${s.n} run${s.n === 1 ? '' : 's'}, min ${s.min} ms, max ${s.max} ms`;
  return {
    summary: s,
    metrics: [
      {
        id: `${id}.p50`,
        label: `${label}: median`,
        value: s.p50,
        unit: 'ms',
        ...(options.target ? { target: options.target } : {}),
        detail: options.detail ? `${options.detail}; ${runs}` : runs,
      },
      { id: `${id}.p95`, label: `  p95`, value: s.p95, unit: 'ms' },
    ],
  };
}
