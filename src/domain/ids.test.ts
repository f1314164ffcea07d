import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordIdGenerator, newRecordId, recordIdTimeMs, seededRandomBytes } from './ids.ts';
import { recordIdSchema } from './records/base.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const zeros = (n: number) => new Uint8Array(n);
const ones = (n: number) => new Uint8Array(n).fill(0xff);

describe('newRecordId (UUIDv7, RFC 9562)', () => {
  it('has the v7 layout: 48-bit ms, version 7, variant 10', () => {
    // RFC 9562 appendix A.6 example timestamp: 0x017F22E279B0 = 1645557742000 ms.
    expect(newRecordId(1645557742000, zeros)).toBe('017f22e2-79b0-7000-8000-000000000000');
    expect(newRecordId(1645557742000, ones)).toBe('017f22e2-79b0-7fff-bfff-ffffffffffff');
    expect(newRecordId(0, zeros)).toBe('00000000-0000-7000-8000-000000000000');
    expect(newRecordId(2 ** 48 - 1, zeros)).toBe('ffffffff-ffff-7000-8000-000000000000');
  });

  it('is deterministic for the same inputs and valid for the record schema', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, bytes) => {
          const a = newRecordId(ms, () => bytes);
          expect(a).toBe(newRecordId(ms, () => bytes));
          expect(a).toMatch(UUID_V7);
          expect(recordIdSchema.safeParse(a).success).toBe(true);
          expect(recordIdTimeMs(a)).toBe(ms);
        },
      ),
    );
  });

  it('sorts by time: a later millisecond always gives a greater id, whatever the random bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, step, r1, r2) =>
          newRecordId(ms, () => r1) < newRecordId(Math.min(ms + step, 2 ** 48 - 1), () => r2),
      ),
    );
  });

  it('throws on a time that is not whole ms in range, or short random output (programming errors)', () => {
    for (const ms of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 48])
      expect(() => newRecordId(ms, zeros)).toThrow(RangeError);
    expect(() => newRecordId(0, () => new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('createRecordIdGenerator: monotonic per device', () => {
  it('increases strictly within one millisecond, across ms, and when the clock steps back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }), {
          minLength: 2,
          maxLength: 300,
        }),
        fc.integer(),
        (times, seed) => {
          const next = createRecordIdGenerator(seededRandomBytes(seed));
          const ids = times.map((t) => next(t));
          for (let i = 1; i < ids.length; i += 1)
            expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
          for (const id of ids) expect(id).toMatch(UUID_V7);
        },
      ),
    );
  });

  it('moves to the next millisecond when the 12-bit counter is exhausted', () => {
    const next = createRecordIdGenerator(ones); // counter seeded at 0x7ff: 0x7ff..0xfff = 2049 ids
    const ids = Array.from({ length: 2100 }, () => next(1000));
    expect(recordIdTimeMs(ids[0] as string)).toBe(1000);
    expect(recordIdTimeMs(ids[2048] as string)).toBe(1000);
    expect(recordIdTimeMs(ids[2049] as string)).toBe(1001);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('seededRandomBytes', () => {
  it('repeats for a seed and differs between seeds', () => {
    expect(seededRandomBytes(7)(16)).toEqual(seededRandomBytes(7)(16));
    expect(seededRandomBytes(7)(16)).not.toEqual(seededRandomBytes(8)(16));
  });
});
