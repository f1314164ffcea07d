import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liverTrend, parseLiverTestEntry, type LiverTestEntryInput } from './liver-entry.ts';
import { expectOk } from './result.ts';

const TODAY = '2026-03-04';
const entry = (over: Partial<Record<keyof LiverTestEntryInput, unknown>> = {}) =>
  ({
    sampledOn: '2026-03-01',
    altUPerL: '25',
    altUlnUPerL: '45',
    astUPerL: '22',
    astUlnUPerL: '35',
    ggtUPerL: '39',
    ggtUlnUPerL: '36',
    alpUPerL: '80',
    alpUlnUPerL: '120',
    ...over,
  }) as LiverTestEntryInput;

describe('parseLiverTestEntry', () => {
  it('reads a typed panel (decimal comma accepted) without rounding', () => {
    const r = expectOk(parseLiverTestEntry(entry({ altUPerL: '25,5' }), TODAY));
    expect(r).toMatchObject({ sampledOn: '2026-03-01', altUPerL: 25.5, ggtUlnUPerL: 36 });
  });

  it('accepts a sample taken today and refuses one dated tomorrow', () => {
    expect(parseLiverTestEntry(entry({ sampledOn: TODAY }), TODAY).ok).toBe(true);
    const r = parseLiverTestEntry(entry({ sampledOn: '2026-03-05' }), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field: 'sampledOn', code: 'invalid-date' });
  });

  it.each([
    ['altUPerL', '-3', 'negative'],
    ['astUlnUPerL', '0', 'not-positive'],
    ['ggtUPerL', '39 U/L', 'not-a-number'],
    ['alpUPerL', 'abc', 'not-a-number'],
    ['altUlnUPerL', '', 'required'],
    ['ggtUPerL', '39.25', 'too-many-decimals'],
    ['sampledOn', '2026-02-30', 'invalid-date'],
    ['sampledOn', '01/03/2026', 'invalid-date'],
  ] as const)('refuses %s = %s (%s)', (field, value, code) => {
    const r = parseLiverTestEntry(entry({ [field]: value }), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field, code });
  });

  it('allows a value of 0 U/L (below detection) but never a ULN of 0', () => {
    expect(parseLiverTestEntry(entry({ altUPerL: '0' }), TODAY).ok).toBe(true);
    expect(parseLiverTestEntry(entry({ altUlnUPerL: '0' }), TODAY).ok).toBe(false);
  });

  it('property: any non-numeric text in a value is refused, never turned into a number', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\s*[-+]?(\d+[.,]?\d*|[.,]\d+)\s*$/.test(s)),
        (text) => !parseLiverTestEntry(entry({ astUPerL: text }), TODAY).ok,
      ),
    );
  });
});

type T = { id: string; sampledOn: string; ggt: number };
const panelOf = (t: T) => ({
  sampledOn: t.sampledOn,
  altUPerL: 25,
  altUlnUPerL: 45,
  astUPerL: 22,
  astUlnUPerL: 35,
  ggtUPerL: t.ggt,
  ggtUlnUPerL: 36,
  alpUPerL: 80,
  alpUlnUPerL: 120,
});

describe('liverTrend', () => {
  it('orders by sample date and flags new elevation only when the previous panel was normal', () => {
    const points = expectOk(
      liverTrend<T>(
        [
          { id: 'c', sampledOn: '2026-03-01', ggt: 40 }, // still elevated: not new
          { id: 'a', sampledOn: '2025-03-01', ggt: 30 },
          { id: 'b', sampledOn: '2025-09-01', ggt: 39 }, // paper: GGT 39 with normal < 36
        ],
        panelOf,
        3,
      ),
    );
    expect(points.map((p) => [p.test.id, p.anyElevated, p.anyNewElevation])).toEqual([
      ['a', false, false],
      ['b', true, true],
      ['c', true, false],
    ]);
  });

  it.each([
    [107.9, false], // just under 3 x 36 = 108
    [108, true], // on the boundary: urgent
    [108.1, true],
  ])('GGT %s U/L with ULN 36: urgent %s', (ggt, urgent) => {
    const [point] = expectOk(
      liverTrend<T>([{ id: 'a', sampledOn: '2026-01-01', ggt }], panelOf, 3),
    );
    expect(point?.anyUrgent).toBe(urgent);
  });

  it('names the panel it cannot assess', () => {
    const r = liverTrend<T>([{ id: 'a', sampledOn: '2026-01-01', ggt: -1 }], panelOf, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^Liver test of 2026-01-01:/);
      expect(r.error.messageNl).toBe('Levertest van 2026-01-01: GGT kan niet negatief zijn.');
    }
  });
});
