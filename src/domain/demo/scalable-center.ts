/**
 * A synthetic center of any size for benchmarks (issue 5: "a 10-year center (500 patients,
 * 6,000 sessions, ~400,000 records)"). Records are built like the study center's but not
 * validated one by one (the tests validate a sample), so 500 patients take about a second.
 */
import { fail, ok, type Result } from '../result.ts';
import { addMonths } from './calendar.ts';
import { asOfAfter, writeCenter, type CenterConfig, type GeneratedCenter } from './center.ts';
import { mulberry32 } from './prng.ts';
import { randomPlan } from './random-plans.ts';

export type ScalableCenterOptions = {
  /** Number of patients, whole number 1-100,000. */
  readonly patients: number;
  /** Years of activity, whole number 1-50. */
  readonly years: number;
  readonly seed: number;
  /** First year of activity (default 2015). */
  readonly startYear?: number;
  /** Validate every record with parseClinicalRecord (slow; default false). */
  readonly validate?: boolean;
};

const whole = (v: unknown, lo: number, hi: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** The center; fails only on invalid options. */
export function generateCenterWith(
  options: ScalableCenterOptions,
  config: CenterConfig,
): Result<GeneratedCenter> {
  const startYear = options.startYear ?? 2015;
  if (!whole(options.patients, 1, 100_000))
    return fail(
      'invalid-choice',
      'patients',
      'Give the number of patients as a whole number from 1 to 100,000.',
      'Geef het aantal patiënten als een geheel getal van 1 tot 100 000.',
    );
  if (!whole(options.years, 1, 50))
    return fail(
      'invalid-choice',
      'years',
      'Give the number of years as a whole number from 1 to 50.',
      'Geef het aantal jaren als een geheel getal van 1 tot 50.',
    );
  if (!whole(options.seed, -(2 ** 31), 2 ** 32 - 1))
    return fail(
      'invalid-choice',
      'seed',
      'Give the seed as a whole number (32 bits).',
      'Geef de seed als een geheel getal (32 bits).',
    );
  if (!whole(startYear, 1990, 2100))
    return fail(
      'invalid-choice',
      'startYear',
      'Give the first year as a whole number from 1990 to 2100.',
      'Geef het eerste jaar als een geheel getal van 1990 tot 2100.',
    );
  const rng = mulberry32(options.seed);
  const from = `${startYear}-01-05`;
  const end = addMonths(`${startYear}-01-01`, 12 * options.years - 1);
  const lastFirst = addMonths(end, -3);
  const drawn = Array.from({ length: options.patients }, () =>
    randomPlan(rng, { from, lastFirst, end }),
  );
  drawn.sort((a, b) =>
    a.firstSessionOn < b.firstSessionOn ? -1 : a.firstSessionOn > b.firstSessionOn ? 1 : 0,
  );
  const plans = drawn.map((p, i) => ({
    ...p,
    number: `DEMO-${String(i + 1).padStart(options.patients > 9999 ? 6 : 4, '0')}`,
  }));
  const written = writeCenter(rng, config, plans, {
    validate: options.validate ?? false,
    mistakes: Math.ceil(options.patients / 100),
    startMs: Date.parse(`${startYear - 1}-12-01T09:00:00.000Z`),
  });
  if (!written.ok) return written;
  const { records } = written.value;
  return ok({
    records,
    plans,
    asOf: asOfAfter(records),
    period: { from, to: lastFirst },
    counts: {
      patients: plans.length,
      sessions: records.filter((r) => r.kind === 'session').length,
      records: records.length,
    },
  });
}
