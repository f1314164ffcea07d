import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordIdTimeMs } from '../ids.ts';
import { recordIdSchema } from '../records.ts';
import { addMonths, ageOn, weekday } from './calendar.ts';
import { mulberry32, normal, randInt, shuffle } from './prng.ts';
import { demoRecordId } from './record-writer.ts';

describe('mulberry32', () => {
  it('is deterministic and uniform in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
  it('randInt stays within its bounds, both included', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, lo, span) => {
          const rng = mulberry32(seed);
          for (let i = 0; i < 20; i++) {
            const x = randInt(rng, lo, lo + span);
            expect(Number.isInteger(x) && x >= lo && x <= lo + span).toBe(true);
          }
        },
      ),
    );
  });
  it('shuffle is a permutation; normal is finite', () => {
    const rng = mulberry32(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...shuffle(rng, items)].sort((x, y) => x - y)).toEqual(items);
    expect(Array.from({ length: 1000 }, () => normal(rng, 0, 1)).every(Number.isFinite)).toBe(true);
  });
});

describe('demoRecordId', () => {
  it('is a valid UUIDv7 that carries its time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer(), (ms, seed) => {
        const id = demoRecordId(ms, mulberry32(seed));
        expect(recordIdSchema.safeParse(id).success).toBe(true);
        expect(recordIdTimeMs(id)).toBe(ms);
      }),
    );
  });
});

describe('calendar (UTC, any machine time zone)', () => {
  it('addMonths keeps the day or takes the month end', () => {
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(addMonths('2019-01-15', 6)).toBe('2019-07-15');
    expect(addMonths('2020-03-10', -12 * 30)).toBe('1990-03-10');
  });
  it('weekday moves a weekend day to Monday', () => {
    expect(weekday('2019-06-01')).toBe('2019-06-03'); // Saturday
    expect(weekday('2019-06-02')).toBe('2019-06-03'); // Sunday
    expect(weekday('2019-06-04')).toBe('2019-06-04');
  });
  it('ageOn counts the birthday itself', () => {
    expect(ageOn('1998-03-01', '2016-03-01')).toBe(18);
    expect(ageOn('1998-03-02', '2016-03-01')).toBe(17);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
  });
});
