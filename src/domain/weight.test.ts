import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateWeightKg } from './weight.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import { expectOk } from './result.ts';

const limits = DEFAULT_CENTER_SETTINGS.limits;
const now = new Date('2026-11-25T10:00:00.000Z');
const today = '2026-11-25T08:30:00.000Z';
const check = (input: unknown, measuredAt: Date | string = today) =>
  validateWeightKg(input, limits, measuredAt, now);
const codeOf = (input: unknown, measuredAt: Date | string = today) => {
  const r = check(input, measuredAt);
  return r.ok ? (r.value.softLimit?.kind ?? 'ok') : r.error.code;
};

describe('validateWeightKg', () => {
  it('accepts 70 kg weighed today, with no soft limit', () => {
    const w = expectOk(check(70));
    expect(w.weightKg).toBe(70);
    expect(w.softLimit).toBeNull();
    expect(w.measuredAt).toBe(today);
  });

  it('accepts a decimal comma from an nl-BE keyboard', () => {
    expect(expectOk(check('70,5')).weightKg).toBe(70.5);
  });

  it.each([
    [29.9, 'below-hard-limit'],
    [30, 'weight-low'],
    [30.1, 'weight-low'],
    [39.9, 'weight-low'],
    [40, 'ok'],
    [40.1, 'ok'],
    [149.9, 'ok'],
    [150, 'ok'],
    [150.1, 'weight-high'],
    [299.9, 'weight-high'],
    [300, 'weight-high'],
    [300.1, 'looks-like-pounds'],
    [661.3, 'looks-like-pounds'],
    [661.4, 'above-hard-limit'],
    [700, 'above-hard-limit'],
    [29_999, 'above-hard-limit'],
    [30_000, 'looks-like-grams'],
    [300_000, 'looks-like-grams'],
    [300_001, 'above-hard-limit'],
    [1e12, 'above-hard-limit'],
  ])('weight boundary %s kg -> %s', (input, expected) => {
    expect(codeOf(input)).toBe(expected);
  });

  it('refuses a weight in pounds with the conversion shown, never converting it', () => {
    const r = check(340);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('looks-like-pounds');
      expect(r.error.field).toBe('weightKg');
      expect(r.error.message).toContain('340 lb is 154.2 kg');
      expect(r.error.message).toContain('kg');
      // Dutch (nl-BE): same facts, same numbers and units.
      expect(r.error.messageNl).toContain('pond');
      expect(r.error.messageNl).toContain('340 lb is 154.2 kg');
      expect(r.error.messageNl).toContain('Weeg de patiënt opnieuw');
    }
  });

  it('asks to check the scale unit for 154 (154 lb would be 69.9 kg) via the soft limit', () => {
    const w = expectOk(check(154));
    expect(w.softLimit?.kind).toBe('weight-high');
    expect(w.softLimit?.message).toContain('154 lb would be 69.9 kg');
  });

  it('refuses a weight in grams: 70000 g is 70.0 kg', () => {
    const r = check('70000');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('looks-like-grams');
      expect(r.error.message).toContain('70000 g is 70.0 kg');
      expect(r.error.messageNl).toContain('gram');
      expect(r.error.messageNl).toContain('70000 g is 70.0 kg');
    }
  });

  it('refuses more than 1 decimal instead of rounding (70.55 kg)', () => {
    expect(codeOf('70.55')).toBe('too-many-decimals');
    expect(codeOf(70.05)).toBe('too-many-decimals');
    expect(codeOf('70.5')).toBe('ok');
  });

  it('refuses a stale weight: 24 h old is fine, 24 h + 1 ms is not (weigh the patient today)', () => {
    const oneDayMs = 24 * 3_600_000;
    expect(codeOf(70, new Date(now.getTime() - oneDayMs))).toBe('ok');
    const r = check(70, new Date(now.getTime() - oneDayMs - 1));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('weightMeasuredAt');
      expect(r.error.code).toBe('stale-measurement');
      expect(r.error.message).toContain('weigh the patient today');
      expect(r.error.messageNl).toContain('meer dan 24 h geleden');
      expect(r.error.messageNl).toContain('weeg de patiënt vandaag');
    }
    expect(codeOf(70, '2026-11-20T09:00:00.000Z')).toBe('stale-measurement');
  });

  it('refuses a weighing time in the future beyond 5 min of clock skew, or not a date', () => {
    expect(codeOf(70, new Date(now.getTime() + 5 * 60_000))).toBe('ok');
    expect(codeOf(70, new Date(now.getTime() + 5 * 60_000 + 1))).toBe('invalid-date');
    expect(codeOf(70, 'yesterday')).toBe('invalid-date');
    expect(codeOf(70, new Date(Number.NaN))).toBe('invalid-date');
    expect(validateWeightKg(70, limits, today, 'not a time').ok).toBe(false);
  });

  it.each([
    [''],
    ['abc'],
    ['70 kg'],
    ['70lb'],
    [null],
    [undefined],
    [{}],
    [[70]],
    [-70],
    [0],
    [Number.NaN],
    [Infinity],
  ])('refuses %s', (input) => {
    expect(check(input).ok).toBe(false);
  });

  it('property: no bad input ever yields a weight', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything().filter((v) => typeof v !== 'number' && typeof v !== 'string'),
          fc.string().filter((s) => !/^\s*\d+([.,]\d)?\s*$/.test(s)),
          fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0),
          fc.double({ max: 29.99, noNaN: true }),
          fc.double({ min: 300.01, noNaN: true }),
        ),
        (bad) => !check(bad).ok,
      ),
      { numRuns: 5000 },
    );
  });

  it('property: every accepted weight is 30-300 kg with at most 1 decimal, returned unchanged', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = check(x);
        if (!r.ok) return true;
        return r.value.weightKg === x && x >= 30 && x <= 300 && Math.round(x * 10) / 10 === x;
      }),
      { numRuns: 5000 },
    );
  });

  it('property: every 1-decimal weight in 30-300 kg weighed today is accepted as typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 3000 }), (tenths) => {
        const text = (tenths / 10).toFixed(1).replace('.', ',');
        const r = check(text);
        return r.ok && r.value.weightKg === tenths / 10;
      }),
      { numRuns: 3000 },
    );
  });
});
