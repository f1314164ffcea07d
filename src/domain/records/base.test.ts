import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateSchema, isoInstantSchema, isRealIsoDate, isRealIsoInstant } from './base.ts';

/** The reference: what a Date makes of the text, written back. */
const dateRoundTrips = (text: string) => {
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === text;
};

const digits = (length: number, max: number) =>
  fc.integer({ min: 0, max }).map((n) => String(n).padStart(length, '0'));

/** Texts of the instant's shape with any digits, so impossible days and times are common. */
const instantShaped = fc
  .tuple(
    digits(4, 9999),
    digits(2, 19),
    digits(2, 39),
    digits(2, 29),
    digits(2, 69),
    digits(2, 69),
    digits(3, 999),
  )
  .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);

describe('real dates and instants', () => {
  it('agree with a Date round trip for every text of the instant shape', () => {
    fc.assert(
      fc.property(instantShaped, (text) => {
        expect(isRealIsoInstant(text)).toBe(dateRoundTrips(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agree with a Date round trip for every text of the date shape', () => {
    fc.assert(
      fc.property(instantShaped, (instant) => {
        const text = instant.slice(0, 10);
        expect(isRealIsoDate(text)).toBe(dateRoundTrips(`${text}T00:00:00.000Z`));
      }),
      { numRuns: 20_000 },
    );
  });

  it('know leap years, month lengths and the last second of a day', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('1900-02-29')).toBe(false);
    expect(isRealIsoDate('2000-02-29')).toBe(true);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
    expect(isRealIsoDate('2026-00-10')).toBe(false);
    expect(isRealIsoInstant('2026-12-31T23:59:59.999Z')).toBe(true);
    expect(isRealIsoInstant('2026-12-31T24:00:00.000Z')).toBe(false);
    expect(isRealIsoInstant('2026-06-30T23:59:60.000Z')).toBe(false);
  });

  it('schemas refuse the shape first, then an impossible moment, in words', () => {
    const message = (schema: typeof isoInstantSchema, text: string) =>
      schema.safeParse(text).error?.issues.map((i) => i.message);
    expect(message(isoInstantSchema, '2026-02-30T10:00:00.000Z')).toEqual([
      'must be a real date and time',
    ]);
    expect(message(isoInstantSchema, '2026-02-03 10:00')).toContain(
      'must be an ISO 8601 UTC instant',
    );
    expect(message(isoDateSchema, '2026-13-01')).toEqual(['must be a real date']);
    expect(isoInstantSchema.safeParse('2026-02-28T10:00:00.000Z').success).toBe(true);
  });
});
