import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNow, parseCalendarDate, parseInstant } from './clinical-time.ts';

describe('parseInstant: only the stored ISO form', () => {
  it('accepts a stored instant and returns that instant', () => {
    const r = parseInstant('2026-03-02T09:00:00.000Z', 'x', 'X');
    expect(r.ok && r.value.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
  it.each([
    ['2026-03-02T09:00:00Z', 'invalid-date'],
    ['2026-03-02 09:00', 'invalid-date'],
    ['2026-02-30T09:00:00.000Z', 'invalid-date'],
    ['2026-03-02T24:00:00.000Z', 'invalid-date'],
    [12, 'invalid-date'],
    ['', 'required'],
    [null, 'required'],
  ] as const)('refuses %p (%s)', (v, code) => {
    const r = parseInstant(v, 'x', 'X');
    expect(!r.ok && r.error).toMatchObject({ code, field: 'x' });
  });
  it('property: whatever the string, the result is a valid Date or an error', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseInstant(s, 'x', 'X');
        return !r.ok || !Number.isNaN(r.value.getTime());
      }),
    );
  });
});

describe('checkNow', () => {
  it('refuses an Invalid Date', () => {
    expect(checkNow(new Date(NaN)).ok).toBe(false);
    expect(checkNow('2026-03-02' as unknown as Date).ok).toBe(false);
    expect(checkNow(new Date('2026-03-02T09:00:00.000Z')).ok).toBe(true);
  });
});

describe('parseCalendarDate', () => {
  it('accepts real dates, refuses impossible ones', () => {
    expect(parseCalendarDate('2024-02-29', 'd', 'D').ok).toBe(true);
    expect(parseCalendarDate('2025-02-29', 'd', 'D').ok).toBe(false);
    expect(parseCalendarDate('2026-13-01', 'd', 'D').ok).toBe(false);
    expect(parseCalendarDate('02/03/2026', 'd', 'D').ok).toBe(false);
    const r = parseCalendarDate(undefined, 'd', 'D');
    expect(!r.ok && r.error.code).toBe('required');
  });
});
