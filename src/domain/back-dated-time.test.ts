import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackDatedTime } from './back-dated-time.ts';

// Local wall-clock times, so the tests hold in any time zone the runner uses.
const local = (h: number, m: number, s = 0, dayOffset = 0) =>
  new Date(2026, 2, 2 + dayOffset, h, m, s, 0);
const now = local(10, 55, 30);
const start = local(8, 0, 20).toISOString();
const opts = { earliest: start, now };

describe('parseBackDatedTime', () => {
  it('empty means now, to the millisecond', () => {
    expect(parseBackDatedTime('', opts)).toEqual({ ok: true, value: now.toISOString() });
    expect(parseBackDatedTime('   ', opts)).toEqual({ ok: true, value: now.toISOString() });
    expect(parseBackDatedTime(undefined, opts)).toEqual({ ok: true, value: now.toISOString() });
  });

  it.each(['10:40', '10.40', '10h40', '10u40', '1040', ' 10:40 '])(
    'reads %s as 10:40 today',
    (t) => {
      expect(parseBackDatedTime(t, opts)).toEqual({ ok: true, value: local(10, 40).toISOString() });
    },
  );

  it('accepts a single-digit hour', () => {
    expect(parseBackDatedTime('9:05', opts)).toEqual({
      ok: true,
      value: local(9, 5).toISOString(),
    });
  });

  it('session start boundary: the start minute is allowed, one minute before is refused', () => {
    expect(parseBackDatedTime('08:00', opts)).toEqual({
      ok: true,
      value: local(8, 0).toISOString(),
    });
    const r = parseBackDatedTime('07:59', opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('clinicalTime');
      expect(r.error.message).toContain('before this session started (08:00)');
    }
  });

  it('now boundary: the current minute is allowed, the next minute is refused as future', () => {
    expect(parseBackDatedTime('10:55', opts)).toEqual({
      ok: true,
      value: local(10, 55).toISOString(),
    });
    const r = parseBackDatedTime('10:56', { ...opts, label: 'Time given', field: 'givenAt' });
    expect(r).toMatchObject({ ok: false, error: { field: 'givenAt', code: 'invalid-date' } });
    if (!r.ok) expect(r.error.message).toContain('Time given 10:56 is later than now (10:55)');
  });

  it('a session across midnight: 23:50 typed at 00:10 is yesterday evening', () => {
    const n = local(0, 10, 0, 1);
    const r = parseBackDatedTime('23:50', { earliest: local(22, 0).toISOString(), now: n });
    expect(r).toEqual({ ok: true, value: local(23, 50).toISOString() });
  });

  it.each(['24:00', '10:60', '1:5', 'ten', '10:40:00', '-1:00', '10,40'])('refuses %s', (t) => {
    const r = parseBackDatedTime(t, opts);
    expect(r.ok).toBe(false);
  });

  it('refuses a broken clock or session start', () => {
    expect(parseBackDatedTime('10:00', { earliest: start, now: new Date(NaN) }).ok).toBe(false);
    expect(parseBackDatedTime('10:00', { earliest: 'yesterday', now }).ok).toBe(false);
  });

  it('never returns a time after now or before the session start minute', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), (input) => {
        const r = parseBackDatedTime(input, opts);
        if (!r.ok) return;
        const ms = Date.parse(r.value);
        expect(ms).toBeLessThanOrEqual(now.getTime());
        expect(ms).toBeGreaterThanOrEqual(local(8, 0).getTime());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${h}:${String(m).padStart(2, '0')}`;
        const r = parseBackDatedTime(text, opts);
        const t = local(h, m).getTime();
        const inside = t >= local(8, 0).getTime() && t <= now.getTime();
        expect(r.ok).toBe(inside);
      }),
    );
  });
});
