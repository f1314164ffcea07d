import { describe, expect, it } from 'vitest';
import { isoInstantSchema, recordIdSchema } from '../domain/records.ts';
import { recordIdTimeMs } from '../domain/ids.ts';
import { fixedClock, systemClock } from './clock.ts';

describe('systemClock', () => {
  it('gives ISO instants in the stored format and increasing UUIDv7 ids of the current time', () => {
    const clock = systemClock();
    const before = Date.now();
    const ids = Array.from({ length: 200 }, () => clock.newRecordId());
    const after = Date.now();
    expect(isoInstantSchema.safeParse(clock.nowIso()).success).toBe(true);
    for (const id of ids) expect(recordIdSchema.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(recordIdTimeMs(ids[0] as string)).toBeGreaterThanOrEqual(before);
    expect(recordIdTimeMs(ids.at(-1) as string)).toBeLessThanOrEqual(after + 1);
  });
});

describe('fixedClock', () => {
  it('is repeatable, advances by its step and can be set', () => {
    const a = fixedClock('2026-01-05T08:00:00.000Z', 1000);
    const b = fixedClock('2026-01-05T08:00:00.000Z', 1000);
    expect([a.nowIso(), a.nowIso()]).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T08:00:01.000Z',
    ]);
    expect(a.newRecordId()).not.toBe(b.newRecordId()); // b was read less often, so a later time
    const c = fixedClock('2026-01-05T08:00:00.000Z', 0, 3);
    const d = fixedClock('2026-01-05T08:00:00.000Z', 0, 3);
    expect(c.newRecordId()).toBe(d.newRecordId());
    c.set('2027-06-01T00:00:00.000Z');
    expect(c.now().toISOString()).toBe('2027-06-01T00:00:00.000Z');
  });
});
