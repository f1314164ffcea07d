import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { checkInterval, proposeNextSession } from './appointments.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import { expectOk } from './result.ts';

const settings = DEFAULT_CENTER_SETTINGS;

describe('proposeNextSession (+28 days by default, protocol.md section 3)', () => {
  it.each([
    ['2026-03-10', '2026-04-07'],
    ['2026-03-01', '2026-03-29'], // across the EU spring DST change
    ['2026-10-10', '2026-11-07'], // across the autumn DST change
    ['2024-02-10', '2024-03-09'], // leap year
    ['2026-12-20', '2027-01-17'], // year end
  ])('%s -> %s', (last, next) => {
    expect(expectOk(proposeNextSession(last, settings))).toBe(next);
  });

  it('uses the center setting', () => {
    expect(
      expectOk(proposeNextSession('2026-03-10', { ...settings, nextSessionProposedDays: 35 })),
    ).toBe('2026-04-14');
  });

  it.each([
    ['2026-02-30'],
    ['2026-2-3'],
    ['2026-13-01'],
    ['2026-03-10T00:00'],
    [''],
    [20260310],
    [null],
    [{}],
  ])('refuses %s as invalid-date', (bad) => {
    const r = proposeNextSession(bad, settings);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-date');
  });

  it('property: the proposal is always 28 calendar days later and never warns', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
        (d) => {
          const last = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const next = expectOk(proposeNextSession(last, settings));
          const check = expectOk(checkInterval(last, next, settings));
          return (
            differenceInCalendarDays(parseISO(next), parseISO(last)) === 28 &&
            check.intervalDays === 28 &&
            check.warning === null
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('checkInterval (warn below 21 days)', () => {
  it.each([
    ['2026-03-30', 20, true],
    ['2026-03-31', 21, false],
    ['2026-04-01', 22, false],
    ['2026-04-07', 28, false],
    ['2026-03-11', 1, true],
  ])('last 2026-03-10, proposed %s: %i days, warning %s', (proposed, days, warns) => {
    const r = expectOk(checkInterval('2026-03-10', proposed, settings));
    expect(r.intervalDays).toBe(days);
    expect(r.warning !== null).toBe(warns);
    if (r.warning) expect(r.warning.message).toContain(`Only ${days} days`);
  });

  it('refuses a proposed date on or before the last session', () => {
    for (const d of ['2026-03-10', '2026-03-09']) {
      const r = checkInterval('2026-03-10', d, settings);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.field).toBe('proposedDate');
    }
  });

  it('refuses invalid dates on either side', () => {
    expect(checkInterval('2026-02-30', '2026-04-01', settings).ok).toBe(false);
    expect(checkInterval('2026-03-10', 'next week', settings).ok).toBe(false);
  });
});
