import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessLiverPanel,
  LIVER_ENZYME_INFO,
  liverTestDue,
  type LiverPanelInput,
} from './liver.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';

const months = RACEMIC_KETAMINE_V1.liverTestIntervalMonths;

describe('liverTestDue (protocol.md section 7: every 6 months)', () => {
  it.each([
    ['2026-06-14', 'ok', 31],
    ['2026-06-15', 'due-soon', 30],
    ['2026-07-15', 'due-soon', 0],
    ['2026-07-16', 'overdue', -1],
  ] as const)('last test 2026-01-15, today %s: %s', (today, status, days) => {
    expect(liverTestDue('2026-01-15', '2025-06-01', months, today)).toEqual({
      ok: true,
      value: { dueDate: '2026-07-15', daysUntilDue: days, status, neverTested: false },
    });
  });
  it('never tested: due 6 months after the course start, overdue wins once past it', () => {
    const r = liverTestDue(null, '2026-01-01', months, '2026-03-01');
    expect(r.ok && r.value).toMatchObject({
      status: 'never-tested',
      dueDate: '2026-07-01',
      neverTested: true,
    });
    const late = liverTestDue(null, '2026-01-01', months, '2026-07-02');
    expect(late.ok && late.value).toMatchObject({
      status: 'overdue',
      neverTested: true,
      daysUntilDue: -1,
    });
  });
  it('uses calendar months (31 August + 6 months = 28 February)', () => {
    const r = liverTestDue('2025-08-31', '2025-01-01', 6, '2025-09-01');
    expect(r.ok && r.value.dueDate).toBe('2026-02-28');
  });
  it('refuses impossible dates and a last test after today', () => {
    expect(liverTestDue('2026-02-30', '2026-01-01', 6, '2026-03-01').ok).toBe(false);
    expect(liverTestDue(null, '01/01/2026', 6, '2026-03-01').ok).toBe(false);
    const future = liverTestDue('2026-03-02', '2026-01-01', 6, '2026-03-01');
    expect(!future.ok && future.error.field).toBe('lastTestDate');
    expect(liverTestDue(null, '2026-01-01', 0, '2026-03-01').ok).toBe(false);
  });
});

const normal: LiverPanelInput = {
  altUPerL: '25',
  altUlnUPerL: '41',
  astUPerL: '22',
  astUlnUPerL: '40',
  ggtUPerL: '30',
  ggtUlnUPerL: '36',
  alpUPerL: '80',
  alpUlnUPerL: '129',
};
const flag = (r: ReturnType<typeof assessLiverPanel>, e: string) =>
  r.ok ? r.value.find((f) => f.enzyme === e) : undefined;

describe('assessLiverPanel', () => {
  it("flags the paper's case: GGT 39 U/L with a lab limit of 36 is a new elevation, not urgent", () => {
    const r = assessLiverPanel({ ...normal, ggtUPerL: '39' }, normal, 3);
    expect(flag(r, 'ggt')).toMatchObject({
      elevated: true,
      newElevation: true,
      urgent: false,
      loinc: '2324-2',
    });
    expect(flag(r, 'alt')).toMatchObject({ elevated: false, newElevation: false });
  });
  it('a value equal to the ULN is not elevated; one above is', () => {
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '41' }, null, 3), 'alt')?.elevated).toBe(
      false,
    );
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '41,1' }, null, 3), 'alt')?.elevated).toBe(
      true,
    );
  });
  it('urgent at 3x ULN exactly, not just below, decided without floating-point noise', () => {
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '123' }, null, 3), 'alt')?.urgent).toBe(
      true,
    );
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '122.9' }, null, 3), 'alt')?.urgent).toBe(
      false,
    );
    // 3 x 35.1 is 105.30000000000001 in floating point; 105.3 is still exactly 3x.
    expect(
      flag(assessLiverPanel({ ...normal, altUPerL: '105.3', altUlnUPerL: '35.1' }, null, 3), 'alt')
        ?.urgent,
    ).toBe(true);
    expect(
      flag(assessLiverPanel({ ...normal, altUPerL: '105.2', altUlnUPerL: '35.1' }, null, 3), 'alt')
        ?.urgent,
    ).toBe(false);
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '100' }, null, 2.5), 'alt')?.urgent).toBe(
      false,
    );
    expect(flag(assessLiverPanel({ ...normal, altUPerL: '102,5' }, null, 2.5), 'alt')?.urgent).toBe(
      true,
    );
  });
  it('an elevation already present on the previous panel is not new; a first elevated panel is', () => {
    const high = { ...normal, astUPerL: '60' };
    expect(flag(assessLiverPanel(high, high, 3), 'ast')?.newElevation).toBe(false);
    expect(flag(assessLiverPanel(high, null, 3), 'ast')?.newElevation).toBe(true);
  });
  it('carries the LOINC codes of protocol.md section 9', () => {
    expect(
      Object.fromEntries(Object.entries(LIVER_ENZYME_INFO).map(([k, v]) => [k, v.loinc])),
    ).toEqual({ alt: '1742-6', ast: '1920-8', ggt: '2324-2', alp: '6768-6' });
  });
  it('refuses missing or bad values, a zero ULN and a bad multiple', () => {
    expect(assessLiverPanel({ ...normal, alpUPerL: '' }, null, 3).ok).toBe(false);
    const zero = assessLiverPanel({ ...normal, astUlnUPerL: '0' }, null, 3);
    expect(!zero.ok && zero.error.field).toBe('astUlnUPerL');
    const prev = assessLiverPanel(normal, { ...normal, ggtUPerL: 'x' }, 3);
    expect(!prev.ok && prev.error.field).toBe('previous.ggtUPerL');
    expect(assessLiverPanel(normal, null, 1).ok).toBe(false);
    expect(assessLiverPanel(normal, null, NaN).ok).toBe(false);
  });
  it('property: flags are consistent with exact comparisons whatever the numbers', () => {
    const tenth = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10);
    fc.assert(
      fc.property(
        tenth,
        tenth.filter((n) => n > 0),
        (v, uln) => {
          const r = assessLiverPanel({ ...normal, ggtUPerL: v, ggtUlnUPerL: uln }, null, 3);
          const f = flag(r, 'ggt');
          return (
            f !== undefined &&
            f.elevated === v > uln &&
            f.urgent === Math.round(v * 10) >= 3 * Math.round(uln * 10) &&
            (!f.urgent || f.elevated)
          );
        },
      ),
    );
  });
});
