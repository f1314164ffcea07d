import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessSedation, RASS_SCALE } from './sedation.ts';

describe('RASS scale data (Sessler 2002)', () => {
  it('has the ten levels +4..-5, each with English and Dutch labels', () => {
    expect(RASS_SCALE.map((e) => e.score)).toEqual([4, 3, 2, 1, 0, -1, -2, -3, -4, -5]);
    for (const e of RASS_SCALE) {
      expect(e.label.length).toBeGreaterThan(0);
      expect(e.labelNl.length).toBeGreaterThan(0);
      expect(e.description.length).toBeGreaterThan(0);
    }
    expect(RASS_SCALE.find((e) => e.score === 0)?.labelNl).toBe('Alert en kalm');
  });
});

describe('assessSedation levels [default], every boundary', () => {
  it.each([
    [4, 'urgent'],
    [3, 'urgent'],
    [2, 'warning'],
    [1, 'normal'],
    [0, 'normal'],
    [-1, 'normal'],
    [-2, 'warning'],
    [-3, 'urgent'],
    [-4, 'urgent'],
    [-5, 'urgent'],
  ] as const)('RASS %d is %s', (score, level) => {
    const r = assessSedation(score);
    expect(r.ok && r.value.level).toBe(level);
  });
  it.each([
    ['+2', 2],
    ['-3', -3],
    ['\u22123', -3],
    [' 0 ', 0],
    ['1', 1],
  ] as const)('reads %p as %d', (input, score) => {
    const r = assessSedation(input);
    expect(r.ok && r.value.score).toBe(score);
  });
  it.each([
    [5, 'invalid-choice'],
    [-6, 'invalid-choice'],
    [1.5, 'invalid-choice'],
    ['2,5', 'not-a-number'],
    ['abc', 'not-a-number'],
    [NaN, 'invalid-choice'],
    [null, 'required'],
    ['', 'required'],
  ] as const)('refuses %p (%s)', (input, code) => {
    const r = assessSedation(input);
    expect(!r.ok && r.error).toMatchObject({ code, field: 'rassScore' });
  });
  it('property: anything either maps onto the scale or is refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.anything()), (x) => {
        const r = assessSedation(x);
        return !r.ok || RASS_SCALE.includes(r.value);
      }),
      { numRuns: 2000 },
    );
  });
});
