import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { observationSchedule } from './observation-schedule.ts';
import { observationSchedule as reExported } from './monitoring.ts';

it('is re-exported from monitoring.ts', () => {
  expect(reExported).toBe(observationSchedule);
});

describe('observationSchedule', () => {
  const at = (hhmmss: string) => `2026-03-02T${hhmmss}.000Z`;
  const now = (hhmmss: string) => new Date(at(hhmmss));
  const base = {
    infusionStartedAt: at('09:00:00'),
    infusionEndedAt: null,
    dischargedAt: null,
    observationTimes: [] as string[],
    intervalMin: 15,
  };

  it('is not-started before the infusion and finished after discharge', () => {
    expect(observationSchedule({ ...base, infusionStartedAt: null, now: now('08:50:00') })).toEqual(
      {
        ok: true,
        value: { status: 'not-started', nextDueAt: null, dueInMin: null, overdueByMin: null },
      },
    );
    const r = observationSchedule({
      ...base,
      infusionEndedAt: at('13:00:00'),
      dischargedAt: at('13:40:00'),
      now: now('13:41:00'),
    });
    expect(r.ok && r.value.status).toBe('finished');
  });
  it.each([
    ['09:10:00', 'ok', 5],
    ['09:11:59', 'ok', 3 + 1 / 60],
    ['09:12:00', 'due-soon', 3],
    ['09:15:00', 'due-soon', 0],
    ['09:20:00', 'overdue', -5],
  ] as const)(
    'first observation due 15 min after the start: at %s it is %s',
    (t, status, dueIn) => {
      const r = observationSchedule({ ...base, now: now(t) });
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.status).toBe(status);
        expect(r.value.nextDueAt).toBe(at('09:15:00'));
        expect(r.value.dueInMin).toBeCloseTo(dueIn, 10);
        expect(r.value.overdueByMin).toBe(dueIn < 0 ? -dueIn : null);
      }
    },
  );
  it('is overdue one millisecond after the due time', () => {
    const r = observationSchedule({ ...base, now: new Date(Date.parse(at('09:15:00')) + 1) });
    expect(r.ok && r.value.status).toBe('overdue');
  });
  it('counts from the latest observation, in any order, ignoring baseline vitals before the start', () => {
    const r = observationSchedule({
      ...base,
      observationTimes: [at('09:29:00'), at('08:45:00'), at('09:14:00')],
      now: now('09:35:00'),
    });
    expect(r.ok && r.value.nextDueAt).toBe(at('09:44:00'));
    const b = observationSchedule({
      ...base,
      observationTimes: [at('08:45:00')],
      now: now('09:05:00'),
    });
    expect(b.ok && b.value.nextDueAt).toBe(at('09:15:00'));
  });
  it('keeps scheduling after the infusion ends until discharge', () => {
    const r = observationSchedule({
      ...base,
      infusionEndedAt: at('13:00:00'),
      observationTimes: [at('13:00:00')],
      now: now('13:20:00'),
    });
    expect(r.ok && r.value).toMatchObject({
      status: 'overdue',
      nextDueAt: at('13:15:00'),
      overdueByMin: 5,
    });
  });
  it('a sleeping tablet: now jumps one hour, the overdue time is right when it wakes', () => {
    const before = observationSchedule({
      ...base,
      observationTimes: [at('09:15:00')],
      now: now('09:20:00'),
    });
    const after = observationSchedule({
      ...base,
      observationTimes: [at('09:15:00')],
      now: now('10:20:00'),
    });
    expect(before.ok && before.value).toMatchObject({ status: 'ok', dueInMin: 10 });
    expect(after.ok && after.value).toMatchObject({
      status: 'overdue',
      dueInMin: -50,
      overdueByMin: 50,
    });
  });
  it.each([
    [4, false],
    [5, true],
    [30, true],
    [31, false],
    [15.5, false],
    [NaN, false],
  ])('interval %p min valid: %p', (intervalMin, valid) => {
    const r = observationSchedule({ ...base, intervalMin, now: now('09:01:00') });
    expect(r.ok).toBe(valid);
    if (!r.ok) expect(r.error.field).toBe('intervalMin');
  });
  it('uses the interval given (5 min)', () => {
    const r = observationSchedule({ ...base, intervalMin: 5, now: now('09:06:00') });
    expect(r.ok && r.value).toMatchObject({ status: 'overdue', nextDueAt: at('09:05:00') });
  });
  it('refuses an observation or start later than now, bad timestamps and a broken clock', () => {
    const f = observationSchedule({
      ...base,
      observationTimes: [at('09:30:00')],
      now: now('09:20:00'),
    });
    expect(!f.ok && f.error).toMatchObject({ code: 'invalid-date', field: 'observationTimes[0]' });
    const s = observationSchedule({ ...base, now: now('08:59:00') });
    expect(!s.ok && s.error.field).toBe('infusionStartedAt');
    const bad = observationSchedule({
      ...base,
      observationTimes: ['2026-03-02 09:10'],
      now: now('09:20:00'),
    });
    expect(!bad.ok && bad.error.code).toBe('invalid-date');
    const clock = observationSchedule({ ...base, now: new Date('garbage') });
    expect(!clock.ok && clock.error.field).toBe('now');
  });
  it('refuses an infusion end before the start or after now', () => {
    const before = observationSchedule({
      ...base,
      infusionEndedAt: at('08:59:00'),
      now: now('09:20:00'),
    });
    expect(!before.ok && before.error.field).toBe('infusionEndedAt');
    const later = observationSchedule({
      ...base,
      infusionEndedAt: at('09:21:00'),
      now: now('09:20:00'),
    });
    expect(!later.ok && later.error.field).toBe('infusionEndedAt');
  });
  it('property: status agrees with the sign of dueInMin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 * 3600 * 1000 }),
        fc.integer({ min: 5, max: 30 }),
        (offsetMs, intervalMin) => {
          const r = observationSchedule({
            ...base,
            intervalMin,
            now: new Date(Date.parse(base.infusionStartedAt) + offsetMs),
          });
          if (!r.ok || r.value.dueInMin === null) return false;
          const d = r.value.dueInMin;
          return (
            Number.isFinite(d) &&
            (r.value.status === 'overdue') === d < 0 &&
            (r.value.status === 'ok') === d > 3
          );
        },
      ),
    );
  });
});
