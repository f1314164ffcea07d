import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INTERCEPT_NAME,
  logisticRegression,
  type LogisticRegressionResult,
} from './logistic-regression.ts';
import { expectStatsOk } from './test-support.ts';

const coef = (r: LogisticRegressionResult, name: string) => {
  const c = r.coefficients.find((x) => x.name === name);
  if (!c) throw new Error(`no coefficient ${name}`);
  return c;
};

/** A binary predictor from a 2 x 2 table: a events / b non-events at x = 1, c / d at x = 0. */
function fromTwoByTwo(a: number, b: number, c: number, d: number) {
  const outcome = [
    ...Array<number>(a).fill(1),
    ...Array<number>(b).fill(0),
    ...Array<number>(c).fill(1),
    ...Array<number>(d).fill(0),
  ];
  const x = [...Array<number>(a + b).fill(1), ...Array<number>(c + d).fill(0)];
  return { outcome, x };
}

describe('single binary predictor: the MLE has a closed form', () => {
  // a = 12, b = 5 (x = 1), c = 7, d = 14 (x = 0). By hand:
  //   OR = a d / (b c) = 168 / 35 = 4.8; SE(ln OR) = sqrt(1/12 + 1/5 + 1/7 + 1/14) = 0.7054211
  //   intercept = ln(c / d) = ln 0.5; SE = sqrt(1/7 + 1/14) = 0.4629100; cov = -(1/c + 1/d)
  //   ll = 12 ln(12/17) + 5 ln(5/17) + 7 ln(7/21) + 14 ln(14/21)
  //   z = ln 4.8 / 0.7054211 = 2.22367; p = 2 (1 - Phi(2.22367)) = 0.02617
  const { outcome, x } = fromTwoByTwo(12, 5, 7, 14);
  const r = expectStatsOk(
    logisticRegression({ outcome, predictors: [{ name: 'exposed', values: x }] }),
  );
  it('OR = ad/bc and SE(ln OR) = sqrt(1/a + 1/b + 1/c + 1/d)', () => {
    const b1 = coef(r, 'exposed');
    expect(b1.oddsRatio).toBeCloseTo(4.8, 10);
    expect(b1.estimate).toBeCloseTo(Math.log(4.8), 10);
    expect(b1.standardError).toBeCloseTo(Math.sqrt(1 / 12 + 1 / 5 + 1 / 7 + 1 / 14), 10);
    expect(b1.oddsRatioLower).toBeCloseTo(
      Math.exp(Math.log(4.8) - 1.959963984540054 * Math.sqrt(1 / 12 + 1 / 5 + 1 / 7 + 1 / 14)),
      9,
    );
    expect(b1.oddsRatioUpper).toBeCloseTo(
      Math.exp(Math.log(4.8) + 1.959963984540054 * Math.sqrt(1 / 12 + 1 / 5 + 1 / 7 + 1 / 14)),
      8,
    );
    expect(b1.pValue).toBeCloseTo(0.02617, 5);
  });
  it('intercept = ln(c/d), its SE and covariance, and the log-likelihood', () => {
    const b0 = coef(r, INTERCEPT_NAME);
    expect(b0.estimate).toBeCloseTo(Math.log(0.5), 10);
    expect(b0.standardError).toBeCloseTo(Math.sqrt(1 / 7 + 1 / 14), 10);
    expect(r.covariance[0]?.[1]).toBeCloseTo(-(1 / 7 + 1 / 14), 10);
    const ll =
      12 * Math.log(12 / 17) + 5 * Math.log(5 / 17) + 7 * Math.log(7 / 21) + 14 * Math.log(14 / 21);
    expect(r.logLikelihood).toBeCloseTo(ll, 10);
    expect(r.nullLogLikelihood).toBeCloseTo(19 * Math.log(19 / 38) + 19 * Math.log(19 / 38), 10);
    expect(r).toMatchObject({ n: 38, events: 19 });
    expect(r.coefficients.map((c) => c.name)).toEqual([INTERCEPT_NAME, 'exposed']);
  });
  it('converges in a handful of Newton steps', () => {
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.iterations).toBeLessThan(12);
  });
  it('holds for any 2 x 2 without empty cells (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (a, b, c, d) => {
          const t = fromTwoByTwo(a, b, c, d);
          const fit = expectStatsOk(
            logisticRegression({ outcome: t.outcome, predictors: [{ name: 'x', values: t.x }] }),
          );
          const b1 = coef(fit, 'x');
          expect(b1.estimate).toBeCloseTo(Math.log((a * d) / (b * c)), 8);
          expect(b1.standardError).toBeCloseTo(Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d), 8);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// mtcars (R datasets, Henderson & Velleman 1981): mpg, vs (engine straight = 1), wt, am.
const mpg = [
  21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7,
  32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4,
];
const vs = [
  0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1,
];
const wt = [
  2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424,
  5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57,
  2.78,
];
const am = [
  1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
];

describe('continuous predictors: R glm(family = binomial) on mtcars', () => {
  it('vs ~ mpg: -8.8331 (SE 3.1623), 0.4304 (SE 0.1584), p 0.00522 / 0.00659, deviance 25.533 (null 43.860)', () => {
    // R summary(glm(vs ~ mpg, binomial, mtcars)); also reproduced independently with scipy BFGS
    // on the log-likelihood: -8.8330725767, 0.4304135203, SE 3.1622742728, 0.1584219787.
    const r = expectStatsOk(
      logisticRegression({ outcome: vs, predictors: [{ name: 'mpg', values: mpg }] }),
    );
    const b0 = coef(r, INTERCEPT_NAME);
    const b1 = coef(r, 'mpg');
    expect(b0.estimate).toBeCloseTo(-8.8330725767, 8);
    expect(b0.standardError).toBeCloseTo(3.1622742728, 7);
    expect(b1.estimate).toBeCloseTo(0.4304135203, 9);
    expect(b1.standardError).toBeCloseTo(0.1584219787, 9);
    expect(b0.pValue).toBeCloseTo(0.00522, 5);
    expect(b1.pValue).toBeCloseTo(0.00659, 5);
    expect(-2 * r.logLikelihood).toBeCloseTo(25.533, 3);
    expect(-2 * r.nullLogLikelihood).toBeCloseTo(43.86, 2);
  });
  it('am ~ wt: 12.040 (SE 4.510), -4.024 (SE 1.436), residual deviance 19.176', () => {
    const r = expectStatsOk(
      logisticRegression({ outcome: am, predictors: [{ name: 'wt', values: wt }] }),
    );
    expect(coef(r, INTERCEPT_NAME).estimate).toBeCloseTo(12.0403697266, 7);
    expect(coef(r, INTERCEPT_NAME).standardError).toBeCloseTo(4.5100662381, 7);
    expect(coef(r, 'wt').estimate).toBeCloseTo(-4.0239699615, 8);
    expect(coef(r, 'wt').standardError).toBeCloseTo(1.4365277524, 8);
    expect(-2 * r.logLikelihood).toBeCloseTo(19.176, 3);
  });
  it('vs ~ mpg + wt (two predictors; reference: scipy BFGS fit and the inverse information)', () => {
    const r = expectStatsOk(
      logisticRegression({
        outcome: vs,
        predictors: [
          { name: 'mpg', values: mpg },
          { name: 'wt', values: wt },
        ],
      }),
    );
    expect(r.coefficients.map((c) => c.estimate)).toEqual([
      expect.closeTo(-12.5412218435, 6),
      expect.closeTo(0.5240639879, 8),
      expect.closeTo(0.5828597928, 7),
    ]);
    expect(r.coefficients.map((c) => c.standardError)).toEqual([
      expect.closeTo(8.4660342066, 6),
      expect.closeTo(0.2604188288, 8),
      expect.closeTo(1.1844651009, 7),
    ]);
    expect(r.warnings).toHaveLength(1); // 14 events for 2 predictors: fewer than 10 per predictor
  });
});

describe('properties of the fit', () => {
  // Overlapping data by construction: each x value has both outcomes.
  const overlapping = fc
    .array(
      fc.tuple(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
      ),
      { minLength: 2, maxLength: 12 },
    )
    .filter((cells) => new Set(cells.map(([x]) => x)).size >= 2)
    .map((cells) => {
      const x: number[] = [];
      const y: number[] = [];
      for (const [v, events, nonEvents] of cells) {
        for (let i = 0; i < events + nonEvents; i++) {
          x.push(v);
          y.push(i < events ? 1 : 0);
        }
      }
      return { x, y };
    });
  it('solves the score equations: sum (y - p) = 0 and sum x (y - p) = 0', () => {
    fc.assert(
      fc.property(overlapping, ({ x, y }) => {
        const r = expectStatsOk(
          logisticRegression({ outcome: y, predictors: [{ name: 'x', values: x }] }),
        );
        const [b0, b1] = r.coefficients.map((c) => c.estimate) as [number, number];
        let s0 = 0;
        let s1 = 0;
        x.forEach((xi, i) => {
          const pHat = 1 / (1 + Math.exp(-(b0 + b1 * xi)));
          s0 += (y[i] as number) - pHat;
          s1 += xi * ((y[i] as number) - pHat);
        });
        expect(Math.abs(s0)).toBeLessThan(1e-8);
        expect(Math.abs(s1)).toBeLessThan(1e-7);
      }),
      { numRuns: 80 },
    );
  });
  it('is equivariant: x -> k x + c divides the slope and its SE by k and keeps p', () => {
    fc.assert(
      fc.property(
        overlapping,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: -50, max: 50 }),
        ({ x, y }, k, c) => {
          const base = coef(
            expectStatsOk(
              logisticRegression({ outcome: y, predictors: [{ name: 'x', values: x }] }),
            ),
            'x',
          );
          const moved = coef(
            expectStatsOk(
              logisticRegression({
                outcome: y,
                predictors: [{ name: 'x', values: x.map((v) => k * v + c) }],
              }),
            ),
            'x',
          );
          expect(moved.estimate * k).toBeCloseTo(base.estimate, 7);
          expect(moved.standardError * k).toBeCloseTo(base.standardError, 7);
          expect(moved.pValue).toBeCloseTo(base.pValue, 8);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('what cannot be estimated is refused', () => {
  const fit = (outcome: unknown[], predictors: { name: string; values: unknown[] }[]) =>
    logisticRegression({
      outcome: outcome as number[],
      predictors: predictors as { name: string; values: number[] }[],
    });
  const code = (r: ReturnType<typeof fit>) => (r.ok ? 'ok' : r.error.code);

  it('complete separation: every x > 3 is an event', () => {
    expect(code(fit([0, 0, 0, 1, 1, 1], [{ name: 'x', values: [1, 2, 3, 4, 5, 6] }]))).toBe(
      'separation',
    );
  });
  it('quasi-complete separation: events only at x >= 3, non-events only at x <= 3', () => {
    expect(code(fit([0, 0, 0, 1, 0, 1, 1], [{ name: 'x', values: [1, 2, 3, 3, 3, 4, 5] }]))).toBe(
      'separation',
    );
    // ...while moving one event below 3 restores overlap and a finite MLE:
    expect(code(fit([0, 1, 0, 1, 0, 1, 1], [{ name: 'x', values: [1, 2, 3, 3, 3, 4, 5] }]))).toBe(
      'ok',
    );
  });
  it('Table I as dummies: nociceptive pain had 0 of 2 successes, an empty cell (quasi-separation)', () => {
    // 18 neuropathic (11 successful), 2 nociceptive (0), 25 nociplastic (12).
    const outcome = [
      ...Array<number>(11).fill(1),
      ...Array<number>(7).fill(0),
      0,
      0,
      ...Array<number>(12).fill(1),
      ...Array<number>(13).fill(0),
    ];
    const nociceptive = [...Array<number>(18).fill(0), 1, 1, ...Array<number>(25).fill(0)];
    const nociplastic = [...Array<number>(20).fill(0), ...Array<number>(25).fill(1)];
    const r = fit(outcome, [
      { name: 'nociceptive', values: nociceptive },
      { name: 'nociplastic', values: nociplastic },
    ]);
    expect(code(r)).toBe('separation');
    if (!r.ok) expect(r.error.message).toContain("Fisher's exact test");
  });
  it('separation only by a combination of two predictors (x1 + x2 > 3.5), each overlapping alone', () => {
    // Events (1,3), (3,1), (2,2.5): sums 4, 4, 4.5. Non-events (0,1), (1,0), (2,0.5), (0.5,2.5):
    // sums 1, 1, 2.5, 3. Alone, x1 has both outcomes at 1 and at 2, x2 at 1 and at 2.5.
    const x1 = [1, 3, 2, 0, 1, 2, 0.5];
    const x2 = [3, 1, 2.5, 1, 0, 0.5, 2.5];
    const y = [1, 1, 1, 0, 0, 0, 0];
    expect(code(fit(y, [{ name: 'x1', values: x1 }]))).toBe('ok');
    expect(code(fit(y, [{ name: 'x2', values: x2 }]))).toBe('ok');
    expect(
      code(
        fit(y, [
          { name: 'x1', values: x1 },
          { name: 'x2', values: x2 },
        ]),
      ),
    ).toBe('separation');
  });
  it.each([
    [[1, 1, 1, 1], [1, 2, 3, 4], 'no-outcome-variation'],
    [[0, 0, 0, 0], [1, 2, 3, 4], 'no-outcome-variation'],
    [[0, 1, 0, 1], [5, 5, 5, 5], 'no-predictor-variation'],
    [[0, 1], [1, 2], 'too-few-values'],
    [[0, 1, 0], [1, 2], 'length-mismatch'],
    [[0, 1, 2, 1], [1, 2, 3, 4], 'out-of-range'],
    [[0, 1, Number.NaN, 1], [1, 2, 3, 4], 'out-of-range'],
    [[0, 1, 0, 1], [1, Number.NaN, 3, 4], 'not-a-number'],
    [[0, 1, 0, 1], [1, Number.POSITIVE_INFINITY, 3, 4], 'not-finite'],
    [[0, 1, 0, 1], [1, '2', 3, 4], 'not-a-number'],
    [[], [], 'empty'],
  ])('outcome %j, x %j: %s', (outcome, x, expected) => {
    expect(code(fit(outcome, [{ name: 'x', values: x }]))).toBe(expected);
  });
  it('accepts booleans as outcome', () => {
    expect(
      code(
        fit([false, true, false, true, true, false], [{ name: 'x', values: [1, 2, 3, 1, 2, 3] }]),
      ),
    ).toBe('ok');
  });
  it('refuses collinear predictors (x2 = 2 x1 + 1)', () => {
    const x1 = [1, 2, 3, 1, 2, 3, 4, 5];
    const r = fit(
      [0, 1, 0, 1, 1, 0, 1, 0],
      [
        { name: 'x1', values: x1 },
        { name: 'x2', values: x1.map((v) => 2 * v + 1) },
      ],
    );
    expect(code(r)).toBe('collinear-predictors');
  });
  it('refuses no predictors, unnamed or duplicate predictors, and a bad level', () => {
    expect(code(fit([0, 1, 0, 1], []))).toBe('empty');
    expect(code(fit([0, 1, 0, 1], [{ name: '', values: [1, 2, 3, 4] }]))).toBe('invalid-table');
    expect(
      code(
        fit(
          [0, 1, 0, 1, 1],
          [
            { name: 'x', values: [1, 2, 3, 4, 2] },
            { name: 'x', values: [2, 1, 3, 4, 1] },
          ],
        ),
      ),
    ).toBe('invalid-table');
    expect(
      code(
        logisticRegression(
          { outcome: vs, predictors: [{ name: 'mpg', values: mpg }] },
          { level: 95 },
        ),
      ),
    ).toBe('out-of-range');
  });
  it('reports non-convergence instead of an unfinished estimate', () => {
    const r = logisticRegression(
      { outcome: vs, predictors: [{ name: 'mpg', values: mpg }] },
      { maxIterations: 1 },
    );
    expect(code(r)).toBe('not-converged');
  });
  it('never throws and never returns a non-finite coefficient, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(0, 1), fc.boolean(), fc.double(), fc.string()), {
          maxLength: 12,
        }),
        fc.array(fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constant(null)), {
          maxLength: 12,
        }),
        (outcome, x) => {
          const r = fit(outcome, [{ name: 'x', values: x }]);
          return (
            !r.ok ||
            r.value.coefficients.every(
              (c) => Number.isFinite(c.estimate) && Number.isFinite(c.standardError),
            )
          );
        },
      ),
    );
  });
});
