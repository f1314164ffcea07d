import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cholesky, choleskyInverse, choleskySolve } from './linear-algebra.ts';

describe('cholesky', () => {
  it('factors [[4, 2], [2, 3]] as L = [[2, 0], [1, sqrt 2]] (by hand)', () => {
    const l = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(l).not.toBeNull();
    expect(l![0]).toEqual([2, 0]);
    expect(l![1]![0]).toBe(1);
    expect(l![1]![1]).toBeCloseTo(Math.SQRT2, 15);
  });
  it('solves and inverts: [[4,2],[2,3]]^-1 = [[3,-2],[-2,4]] / 8 (by hand)', () => {
    const l = cholesky([
      [4, 2],
      [2, 3],
    ])!;
    expect(choleskySolve(l, [8, 7])).toEqual([expect.closeTo(1.25, 14), expect.closeTo(1.5, 14)]);
    const inv = choleskyInverse(l);
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 15);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 15);
    expect(inv[1]![0]).toBe(inv[0]![1]);
    expect(inv[1]![1]).toBeCloseTo(4 / 8, 15);
  });
  it('refuses singular and indefinite matrices', () => {
    expect(
      cholesky([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull(); // rank 1
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull(); // indefinite
    expect(
      cholesky([
        [1, 1],
        [1, 1 + 1e-14],
      ]),
    ).toBeNull(); // numerically rank 1
  });
  it('A x = b is solved for random SPD A = M M^T + I', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (m, b) => {
          const M = [m.slice(0, 3), m.slice(3, 6), m.slice(6, 9)];
          const a = M.map((ri, i) =>
            M.map(
              (rj, j) => ri.reduce((s, v, k) => s + v * (rj[k] as number), 0) + (i === j ? 1 : 0),
            ),
          );
          const l = cholesky(a);
          expect(l).not.toBeNull();
          const x = choleskySolve(l!, b);
          a.forEach((row, i) =>
            expect(row.reduce((s, v, k) => s + v * (x[k] as number), 0)).toBeCloseTo(
              b[i] as number,
              8,
            ),
          );
        },
      ),
    );
  });
});
