import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSeparation } from './separation.ts';

const design = (...columns: number[][]) =>
  (columns[0] ?? []).map((_, i) => [1, ...columns.map((c) => c[i] as number)]);

describe('checkSeparation (Albert & Anderson 1984 via an LP, exact)', () => {
  it('complete separation: y = 1 exactly when x > 3', () => {
    expect(checkSeparation(design([1, 2, 3, 4, 5, 6]), [0, 0, 0, 1, 1, 1])).toBe('separated');
  });
  it('quasi-complete: the groups touch only at x = 3', () => {
    expect(checkSeparation(design([1, 2, 3, 3, 4, 5]), [0, 0, 0, 1, 1, 1])).toBe('separated');
  });
  it('overlap: an event below a non-event', () => {
    expect(checkSeparation(design([1, 2, 3, 4, 5, 6]), [0, 1, 0, 1, 0, 1])).toBe('overlap');
  });
  it('a binary predictor is separated exactly when its 2 x 2 table has an empty cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
        ([a, b, c, d]) => {
          fc.pre((a as number) + (b as number) > 0 && (c as number) + (d as number) > 0);
          fc.pre((a as number) + (c as number) > 0 && (b as number) + (d as number) > 0);
          const x: number[] = [];
          const y: number[] = [];
          const add = (count: number, xv: number, yv: number) => {
            for (let i = 0; i < count; i++) {
              x.push(xv);
              y.push(yv);
            }
          };
          add(a as number, 1, 1);
          add(b as number, 1, 0);
          add(c as number, 0, 1);
          add(d as number, 0, 0);
          const anyEmpty = [a, b, c, d].some((v) => v === 0);
          expect(checkSeparation(design(x), y)).toBe(anyEmpty ? 'separated' : 'overlap');
        },
      ),
    );
  });
  it('one continuous predictor: separated exactly when the events and non-events do not interleave', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), {
          minLength: 3,
          maxLength: 14,
        }),
        (points) => {
          const x = points.map(([v]) => v);
          const y = points.map(([, e]) => (e ? 1 : 0));
          fc.pre(y.includes(0) && y.includes(1) && new Set(x).size > 1);
          const ev = x.filter((_, i) => y[i] === 1);
          const ne = x.filter((_, i) => y[i] === 0);
          // By hand: a separating line b0 + b1 x needs all events on one side of a threshold and
          // all non-events on the other (b1 > 0: max(non-event) <= min(event); b1 < 0 mirrored),
          // so the data overlap exactly when max(non-event) > min(event) and max(event) > min(non-event).
          const overlap = Math.max(...ne) > Math.min(...ev) && Math.max(...ev) > Math.min(...ne);
          expect(checkSeparation(design(x), y)).toBe(overlap ? 'overlap' : 'separated');
        },
      ),
      { numRuns: 300 },
    );
  });
});
