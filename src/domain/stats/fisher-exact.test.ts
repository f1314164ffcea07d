import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FISHER_RELATIVE_TOLERANCE, fisherExact } from './fisher-exact.ts';
import { enumerateTables } from './fisher-enumeration.ts';
import { expectStatsOk } from './test-support.ts';

const p = (table: number[][]) => expectStatsOk(fisherExact(table)).pValue;

describe('protocol.md section 8, Table I (outcome by pain type)', () => {
  it('[[7, 2, 13], [11, 0, 12]] gives p = 0.280 (paper), 0.280410 exactly', () => {
    // Independent reference: brute-force enumeration of all 57 tables in exact rational
    // arithmetic (Python fractions): p = 246659519 / 879640035 = 0.280409609824091.
    const r = expectStatsOk(
      fisherExact([
        [7, 2, 13],
        [11, 0, 12],
      ]),
    );
    expect(r.pValue).toBeCloseTo(246659519 / 879640035, 13);
    expect(r.pValue.toFixed(3)).toBe('0.280');
    expect(r.n).toBe(45);
    expect(r.observedProbability).toBeCloseTo(0.0402005804567547, 14);
  });
});

describe('2 x 2 against closed forms and R', () => {
  it('tea tasting [[3,1],[1,3]]: tables k = 0..4 have weights C(4,k) C(4,4-k) / 70 = 1,16,36,16,1 / 70; p = 34/70 = 0.4857 (R fisher.test)', () => {
    expect(
      p([
        [3, 1],
        [1, 3],
      ]),
    ).toBeCloseTo(34 / 70, 14);
  });
  it('[[10,0],[0,10]]: only the two extreme tables, each 1/C(20,10); p = 2/184756 = 1.0825e-05 (R)', () => {
    expect(
      p([
        [10, 0],
        [0, 10],
      ]),
    ).toBeCloseTo(2 / 184756, 18);
    expect(
      p([
        [10, 0],
        [0, 10],
      ]) /
        (2 / 184756),
    ).toBeCloseTo(1, 12);
  });
  it('[[0,4],[5,1]]: p = 1/21 (exact rational enumeration)', () => {
    expect(
      p([
        [0, 4],
        [5, 1],
      ]),
    ).toBeCloseTo(1 / 21, 14);
  });
});

describe('r x c against exact rational enumeration and R', () => {
  it('3 x 3 diagonal of 2s: 21 tables; 6 have P = 1/90, 9 have 2/45, 6 have 4/45 (by hand); p = 6/90 = 1/15', () => {
    expect(
      p([
        [2, 0, 0],
        [0, 2, 0],
        [0, 0, 2],
      ]),
    ).toBeCloseTo(1 / 15, 14);
  });
  it('ties count: [[2,0,0],[0,1,1],[0,1,1]] has P = 2/45 like 8 other tables; p = 6/90 + 9 * 2/45 = 7/15', () => {
    // Nine tables tie exactly in exact arithmetic but not in floating point; the 1e-7 relative
    // tolerance (as in R) keeps all of them.
    expect(
      p([
        [2, 0, 0],
        [0, 1, 1],
        [0, 1, 1],
      ]),
    ).toBeCloseTo(7 / 15, 14);
    expect(FISHER_RELATIVE_TOLERANCE).toBe(1e-7);
  });
  it.each([
    [
      [
        [3, 1, 0],
        [1, 2, 4],
        [0, 3, 5],
      ],
      9088 / 138567,
    ],
    [
      [
        [1, 2, 2],
        [3, 0, 1],
        [0, 4, 1],
      ],
      1891 / 21021,
    ],
    [
      [
        [2, 5, 1, 0],
        [6, 1, 3, 4],
      ],
      7784 / 159885,
    ],
  ])('%j: p = exact rational from brute force (Python fractions)', (table, expected) => {
    expect(p(table)).toBeCloseTo(expected, 13);
  });
  it("4 x 4 job satisfaction (R's ?fisher.test example): p = 0.7827", () => {
    // R: Job <- matrix(c(1,2,1,0, 3,3,6,1, 10,10,14,9, 6,7,12,11), 4, 4); fisher.test(Job)
    // -> p-value = 0.7827. n = 96 and about 9e7 tables: also a test of the pruning.
    const job = [
      [1, 3, 10, 6],
      [2, 3, 10, 7],
      [1, 6, 14, 12],
      [0, 1, 9, 11],
    ];
    expect(p(job)).toBeCloseTo(0.7827, 4);
  });
});

describe('degenerate tables', () => {
  it.each([
    [
      [
        [0, 0],
        [3, 4],
      ],
    ],
    [
      [
        [5, 0],
        [3, 0],
      ],
    ],
    [[[1, 2, 3]]],
    [[[4], [5]]],
    [
      [
        [0, 0, 0],
        [0, 6, 0],
        [0, 0, 0],
      ],
    ],
  ])('%j: a single possible table, p = 1', (table) => {
    expect(p(table)).toBe(1);
  });
  it('an empty row or column changes nothing: Table I with a row of zeros added', () => {
    expect(
      p([
        [7, 2, 13],
        [0, 0, 0],
        [11, 0, 12],
      ]),
    ).toBeCloseTo(
      p([
        [7, 2, 13],
        [11, 0, 12],
      ]),
      14,
    );
    expect(
      p([
        [7, 0, 2, 13],
        [11, 0, 0, 12],
      ]),
    ).toBeCloseTo(
      p([
        [7, 2, 13],
        [11, 0, 12],
      ]),
      14,
    );
  });
});

describe('validation', () => {
  it.each([
    [[], 'invalid-table'],
    [[[]], 'invalid-table'],
    [[[1, 2], [3]], 'invalid-table'],
    [
      [
        [0, 0],
        [0, 0],
      ],
      'empty',
    ],
    [
      [
        [1, -2],
        [3, 4],
      ],
      'negative',
    ],
    [
      [
        [1, 2.5],
        [3, 4],
      ],
      'not-an-integer',
    ],
    [
      [
        [1, Number.NaN],
        [3, 4],
      ],
      'not-a-number',
    ],
    [
      [
        [1, Number.POSITIVE_INFINITY],
        [3, 4],
      ],
      'not-finite',
    ],
    [
      [
        [1, '2'],
        [3, 4],
      ],
      'not-a-number',
    ],
    [
      [
        [1, null],
        [3, 4],
      ],
      'not-a-number',
    ],
    ['table', 'invalid-table'],
    [
      [
        [2e6, 1],
        [1, 1],
      ],
      'table-too-large',
    ],
  ])('refuses %j (%s)', (table, code) => {
    const r = fisherExact(table as number[][]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe('table');
    }
  });
  it('names the cell that is wrong', () => {
    const r = fisherExact([
      [1, 2],
      [3, -1],
    ]);
    expect(!r.ok && r.error.message).toContain('row 2, column 2');
  });
  it('refuses, rather than freezing, when enumeration would take too long', () => {
    const r = fisherExact(
      [
        [1, 3, 10, 6],
        [2, 3, 10, 7],
        [1, 6, 14, 12],
        [0, 1, 9, 11],
      ],
      { maxEvaluations: 1000 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('table-too-large');
  });
});

// Small random tables: 2..3 rows, 2..4 columns, counts 0..7.
const smallTable = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 4 }))
  .chain(([r, c]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: c, maxLength: c }), {
      minLength: r,
      maxLength: r,
    }),
  )
  .filter((t) => t.flat().some((v) => v > 0));
const transpose = (t: number[][]) => (t[0] ?? []).map((_, j) => t.map((row) => row[j] as number));

describe('properties', () => {
  it('p is in [0, 1] and at least the probability of the observed table', () => {
    fc.assert(
      fc.property(smallTable, (t) => {
        const r = expectStatsOk(fisherExact(t));
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
        expect(r.pValue).toBeGreaterThanOrEqual(r.observedProbability * (1 - 1e-12));
      }),
    );
  });
  it('p of a table equals p of its transpose and of any row or column permutation', () => {
    fc.assert(
      fc.property(smallTable, fc.integer({ min: 0, max: 100 }), (t, seed) => {
        const base = p(t);
        expect(p(transpose(t))).toBeCloseTo(base, 12);
        const rotate = <T>(xs: T[], k: number) => xs.map((_, i) => xs[(i + k) % xs.length] as T);
        const rowsPermuted = rotate(t, seed).reverse();
        const colsPermuted = rowsPermuted.map((row) => rotate(row, seed + 1).reverse());
        expect(p(colsPermuted)).toBeCloseTo(base, 12);
      }),
    );
  });
  it('pruned enumeration gives the same p as plain enumeration, whose probabilities add up to 1', () => {
    fc.assert(
      fc.property(
        smallTable.filter(
          (t) =>
            t.every((row) => row.some((v) => v > 0)) &&
            transpose(t).every((col) => col.some((v) => v > 0)),
        ),
        fc.double({ min: -30, max: 0, noNaN: true }),
        (t, logThreshold) => {
          const rows = t.map((row) => row.reduce((a, b) => a + b, 0));
          const cols = transpose(t).map((col) => col.reduce((a, b) => a + b, 0));
          const plain = enumerateTables(rows, cols, logThreshold, {
            maxEvaluations: 1e7,
            prune: false,
          });
          const pruned = enumerateTables(rows, cols, logThreshold, {
            maxEvaluations: 1e7,
            prune: true,
          });
          expect(plain).not.toBeNull();
          expect(pruned).not.toBeNull();
          // 10 decimals: summing the probabilities of tens of thousands of tables in doubles
          // drifts by up to ~1e-12 (a 3x4 table with margins 17, 23, 19 summed to
          // 1.000000000000532); a p-value is reported to 3 decimals.
          expect(plain!.totalProbability).toBeCloseTo(1, 10);
          expect(pruned!.totalProbability).toBeCloseTo(1, 10);
          expect(pruned!.pValue).toBeCloseTo(plain!.pValue, 10);
        },
      ),
      { numRuns: 300 },
    );
  });
});
