/**
 * Every statistics error and warning also says it in Dutch (nl-BE): the Dutch text is not the
 * English copied and carries the same numbers in the same order (expectDutchTwin). One case per
 * reachable refusal of each module: bad input, too few values, separation, a table too large,
 * no convergence.
 */
import { describe, expect, it } from 'vitest';
import { expectDutchTwin } from '../test-support.ts';
import type { StatsErrorCode, StatsResult } from './errors.ts';
import {
  countPercent,
  fisherExact,
  logisticRegression,
  mean,
  meanConfidenceInterval,
  meanConfidenceIntervalFromSummary,
  normalCdf,
  normalQuantile,
  quantile,
  quartiles,
  roundForDisplay,
  sdFromMeanConfidenceInterval,
  standardDeviation,
  studentTCdf,
  studentTQuantile,
  summarize,
  twoSidedNormalP,
  waldInference,
  type QuartileMethod,
} from './index.ts';

type Case = readonly [label: string, result: StatsResult<unknown>, code: StatsErrorCode];

/** Each case fails with its code and gives a Dutch twin of its message. */
function expectDutchErrors(cases: readonly Case[]): void {
  for (const [label, result, code] of cases) {
    expect(result.ok, label).toBe(false);
    if (result.ok) continue;
    expect(result.error.code, label).toBe(code);
    expectDutchTwin(result.error, label);
  }
}

const asNumbers = (v: unknown) => v as number[];
const fit = (
  outcome: readonly unknown[],
  predictors: readonly { name: unknown; values: unknown }[],
  options: { level?: number; maxIterations?: number } = {},
) =>
  logisticRegression(
    {
      outcome: outcome as number[],
      predictors: predictors as { name: string; values: number[] }[],
    },
    options,
  );

describe('Dutch twins of the statistics errors', () => {
  it('sample checks and descriptive statistics', () => {
    expectDutchErrors([
      ['not a list', mean('7' as unknown as number[], 'ageYears'), 'not-a-number'],
      ['one missing value', mean(asNumbers([54, null, 61]), 'ageYears'), 'not-a-number'],
      ['two missing values', mean(asNumbers([54, null, 61, 'x']), 'ageYears'), 'not-a-number'],
      ['infinite value', mean([1, 2, Number.POSITIVE_INFINITY]), 'not-finite'],
      ['no values', summarize([], { field: 'baselineNrs' }), 'empty'],
      [
        'one value for an SD',
        standardDeviation([43.5], 'painImprovementPercent'),
        'too-few-values',
      ],
      ['count not whole', countPercent(2.5, 45, 'favorable'), 'not-an-integer'],
      ['total negative', countPercent(2, -1, 'favorable'), 'not-an-integer'],
      ['nobody in the group', countPercent(0, 0, 'favorable'), 'empty'],
      ['count above total', countPercent(46, 45, 'favorable'), 'out-of-range'],
    ]);
  });

  it('quantiles', () => {
    expectDutchErrors([
      ['p above 1', quantile([1, 2, 3], 1.5), 'out-of-range'],
      [
        'unknown method',
        quartiles([1, 2, 3], { method: 'spss' as QuartileMethod }),
        'out-of-range',
      ],
      ['no values', quartiles([], { field: 'baselineNrs' }), 'empty'],
    ]);
  });

  it('normal and t distributions', () => {
    expectDutchErrors([
      ['normal CDF of NaN', normalCdf(Number.NaN), 'not-finite'],
      ['normal quantile of 1', normalQuantile(1), 'out-of-range'],
      ['two-sided p of Infinity', twoSidedNormalP(Number.POSITIVE_INFINITY), 'not-finite'],
      ['df of 0', studentTCdf(1.5, 0), 'out-of-range'],
      ['t of NaN', studentTCdf(Number.NaN, 44), 'not-a-number'],
      ['t quantile of 0', studentTQuantile(0, 44), 'out-of-range'],
      ['t quantile too large', studentTQuantile(0.999, 0.005), 'out-of-range'],
    ]);
  });

  it('display rounding', () => {
    expectDutchErrors([
      ['NaN', roundForDisplay(Number.NaN, 2), 'not-finite'],
      ['13 decimals', roundForDisplay(0.28041, 13), 'out-of-range'],
    ]);
  });

  it('confidence interval of a mean', () => {
    expectDutchErrors([
      [
        'one value',
        meanConfidenceInterval([43.85], { field: 'painImprovementPercent' }),
        'too-few-values',
      ],
      ['level 95', meanConfidenceInterval([40, 50, 60], { level: 95 }), 'out-of-range'],
      [
        'n of 1',
        meanConfidenceIntervalFromSummary({ mean: 43.85, sd: 27.6, n: 1 }),
        'too-few-values',
      ],
      [
        'mean NaN',
        meanConfidenceIntervalFromSummary({ mean: Number.NaN, sd: 27.6, n: 45 }),
        'not-finite',
      ],
      [
        'negative SD',
        meanConfidenceIntervalFromSummary({ mean: 43.85, sd: -1, n: 45 }),
        'out-of-range',
      ],
      [
        'reversed interval',
        sdFromMeanConfidenceInterval({ lower: 52.15, upper: 35.54, n: 45 }),
        'out-of-range',
      ],
    ]);
  });

  it("Fisher's exact test: bad tables and a table too large", () => {
    const table = (t: unknown) => fisherExact(t as number[][]);
    expectDutchErrors([
      ['no rows', table([]), 'invalid-table'],
      ['no columns', table([[]]), 'invalid-table'],
      [
        'ragged',
        table([
          [7, 2, 13],
          [11, 0],
        ]),
        'invalid-table',
      ],
      [
        'NaN cell',
        table([
          [7, 2, 13],
          [11, Number.NaN, 12],
        ]),
        'not-a-number',
      ],
      [
        'infinite cell',
        table([
          [7, 2, 13],
          [11, 0, Number.POSITIVE_INFINITY],
        ]),
        'not-finite',
      ],
      [
        'negative cell',
        table([
          [7, 2, 13],
          [11, -2, 12],
        ]),
        'negative',
      ],
      [
        'fractional cell',
        table([
          [7, 2.5, 13],
          [11, 0, 12],
        ]),
        'not-an-integer',
      ],
      [
        'all zero',
        table([
          [0, 0],
          [0, 0],
        ]),
        'empty',
      ],
      [
        'total above the limit',
        table([
          [600_000, 1],
          [400_000, 2],
        ]),
        'table-too-large',
      ],
      [
        'too many tables to enumerate',
        fisherExact(
          [
            [1, 3, 10, 6],
            [2, 3, 10, 7],
            [1, 6, 14, 12],
            [0, 1, 9, 11],
          ],
          { maxEvaluations: 1000 },
        ),
        'table-too-large',
      ],
    ]);
  });

  it('Wald inference', () => {
    expectDutchErrors([
      ['estimate NaN', waldInference(Number.NaN, 0.148), 'not-finite'],
      ['SE of 0', waldInference(-0.025, 0), 'out-of-range'],
      ['level 0', waldInference(-0.025, 0.148, 0), 'out-of-range'],
    ]);
  });

  it('logistic regression: input, separation, collinearity, no convergence', () => {
    const nrs = { name: 'baselineNrs', values: [4, 5, 8, 9, 6, 7] };
    // mtcars vs ~ mpg: a well-posed fit that needs several Newton steps.
    const mpg = [21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2];
    const vs = [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0];
    expectDutchErrors([
      ['no outcome', fit([], [nrs]), 'empty'],
      ['outcome 2', fit([1, 0, 2, 1, 0, 1], [nrs]), 'out-of-range'],
      ['no predictors', fit([1, 0, 1, 0, 1, 0], []), 'empty'],
      [
        'unnamed predictor',
        fit([1, 0, 1, 0, 1, 0], [{ name: '', values: nrs.values }]),
        'invalid-table',
      ],
      [
        'missing NRS',
        fit([1, 0, 1, 0, 1, 0], [{ name: 'baselineNrs', values: [4, 5, null, 9, 6, 7] }]),
        'not-a-number',
      ],
      ['length mismatch', fit([1, 0, 1, 0, 1], [nrs]), 'length-mismatch'],
      [
        'NRS 7 for all',
        fit([1, 0, 1, 0, 1, 0], [{ name: 'baselineNrs', values: [7, 7, 7, 7, 7, 7] }]),
        'no-predictor-variation',
      ],
      ['all favorable', fit([1, 1, 1, 1, 1, 1], [nrs]), 'no-outcome-variation'],
      [
        'too few patients',
        fit([1, 0], [{ name: 'baselineNrs', values: [4, 9] }]),
        'too-few-values',
      ],
      [
        'collinear',
        fit(
          [0, 1, 0, 1, 1, 0],
          [nrs, { name: 'nrsTimesTwo', values: nrs.values.map((v) => 2 * v + 1) }],
        ),
        'collinear-predictors',
      ],
      ['separation', fit([1, 1, 0, 0, 1, 0], [nrs]), 'separation'],
      ['bad level', fit(vs, [{ name: 'mpg', values: mpg }], { level: 95 }), 'out-of-range'],
      [
        'not converged',
        fit(vs, [{ name: 'mpg', values: mpg }], { maxIterations: 1 }),
        'not-converged',
      ],
    ]);
  });

  it('logistic regression warnings', () => {
    // 3 favorable of 8: fewer than 10 events for the one predictor.
    const r = fit(
      [1, 0, 0, 1, 0, 0, 1, 0],
      [{ name: 'baselineNrs', values: [4, 5, 8, 6, 9, 7, 8, 6] }],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings).toHaveLength(1);
    for (const w of r.value.warnings) expectDutchTwin(w);
  });

  it('names the registry variables in Dutch', () => {
    const r = standardDeviation([43.5], 'painImprovementPercent');
    expect(!r.ok && r.error.messageNl).toBe(
      'Voor pijnverbetering in % is er 1 waarde; voor deze schatting zijn er minstens 2 nodig.',
    );
  });
});
