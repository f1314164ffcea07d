import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALDRETE_ITEMS,
  ALDRETE_SOURCE,
  aldreteCirculation,
  aldreteOxygenSaturation,
  computeAldrete,
} from './aldrete.ts';

const full = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 };

describe('modified Aldrete items as data (Aldrete 1995)', () => {
  it('has five items, each with 0, 1 and 2 worded in English and Dutch', () => {
    expect(ALDRETE_ITEMS.map((i) => i.id)).toEqual([
      'activity',
      'respiration',
      'circulation',
      'consciousness',
      'oxygenSaturation',
    ]);
    for (const item of ALDRETE_ITEMS) {
      expect(item.options.map((o) => o.points)).toEqual([0, 1, 2]);
      for (const o of item.options) expect(o.text && o.textNl).toBeTruthy();
    }
    expect(ALDRETE_SOURCE).toMatch(/J Clin Anesth 1995/);
  });
});

describe('computeAldrete', () => {
  it('adds the five items (0-10)', () => {
    expect(computeAldrete(full)).toEqual({ ok: true, value: { items: full, total: 10 } });
    const r = computeAldrete({ ...full, consciousness: 1, oxygenSaturation: '1' });
    expect(r.ok && r.value.total).toBe(8);
    const z = computeAldrete({
      activity: 0,
      respiration: 0,
      circulation: 0,
      consciousness: 0,
      oxygenSaturation: 0,
    });
    expect(z.ok && z.value.total).toBe(0);
  });
  it.each([
    [undefined, 'required'],
    [3, 'invalid-choice'],
    [-1, 'invalid-choice'],
    [1.5, 'invalid-choice'],
    ['two', 'invalid-choice'],
    [NaN, 'invalid-choice'],
  ])('refuses a respiration of %p', (v, code) => {
    const r = computeAldrete({ ...full, respiration: v });
    expect(!r.ok && r.error).toMatchObject({ code, field: 'aldrete.respiration' });
  });
  it('property: the total is always a whole number 0-10 or refused', () => {
    const item = fc.oneof(fc.constantFrom(0, 1, 2), fc.anything());
    fc.assert(
      fc.property(item, item, item, item, item, (a, b, c, d, e) => {
        const r = computeAldrete({
          activity: a,
          respiration: b,
          circulation: c,
          consciousness: d,
          oxygenSaturation: e,
        });
        return (
          !r.ok || (Number.isInteger(r.value.total) && r.value.total >= 0 && r.value.total <= 10)
        );
      }),
    );
  });
});

describe('aldreteCirculation: systolic vs baseline, +-20 % -> 2, 20-49 % -> 1, >= 50 % -> 0', () => {
  it.each([
    [100, 100, 2],
    [120, 100, 2], // exactly 20 % up
    [121, 100, 1],
    [80, 100, 2], // exactly 20 % down
    [79, 100, 1],
    [149, 100, 1],
    [150, 100, 0], // exactly 50 %
    [51, 100, 1],
    [50, 100, 0],
    [156, 130, 2], // 20 % of 130 = 26
    [157, 130, 1],
  ])('SBP %d vs baseline %d scores %d', (sbp, base, points) => {
    expect(aldreteCirculation(sbp, base)).toEqual({ ok: true, value: points });
  });
  it('refuses an implausible reading or baseline', () => {
    expect(aldreteCirculation(1200, 120).ok).toBe(false);
    const r = aldreteCirculation(120, NaN);
    expect(!r.ok && r.error.field).toBe('baselineSystolicMmHg');
  });
});

describe('aldreteOxygenSaturation', () => {
  it.each([
    [93, false, 2],
    [92, false, 1], // gap in the 1995 wording: not > 92 on room air, scored conservatively
    [91, false, 1],
    [90, false, 0],
    [100, true, 1], // needs O2
    [91, true, 1],
    [90, true, 0], // gap: not > 90 %, scored conservatively
    [89, true, 0],
  ] as const)('SpO2 %d %%, on O2 %p -> %d', (spo2, onO2, points) => {
    expect(aldreteOxygenSaturation(spo2, onO2)).toEqual({ ok: true, value: points });
  });
  it('needs to know whether oxygen is given', () => {
    const r = aldreteOxygenSaturation(97, undefined);
    expect(!r.ok && r.error.field).toBe('onSupplementalOxygen');
  });
});
