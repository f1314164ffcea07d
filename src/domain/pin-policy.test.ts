import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FAILED_PIN_ATTEMPTS,
  NO_FAILED_ATTEMPTS,
  PIN_LOCKOUT_MS,
  afterWrongPin,
  attemptsLeft,
  checkNewPin,
  checkPinFormat,
  lockoutRemainingMs,
  type PinAttempts,
} from './pin-policy.ts';

const T = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);

describe('checkPinFormat', () => {
  it('accepts 4 to 8 digits and refuses one digit less or more', () => {
    expect(checkPinFormat('123')).toEqual({ ok: false, problem: 'too-short' });
    expect(checkPinFormat('2580')).toEqual({ ok: true });
    expect(checkPinFormat('25809174')).toEqual({ ok: true });
    expect(checkPinFormat('258091741')).toEqual({ ok: false, problem: 'too-long' });
  });

  it('refuses empty input, spaces, signs, decimals and non-ASCII numerals', () => {
    expect(checkPinFormat('')).toEqual({ ok: false, problem: 'empty' });
    for (const pin of [' 2580', '2580 ', '25 80', '-258', '25.80', '٢٥٨٠', '２５８０', 'abcd'])
      expect(checkPinFormat(pin), pin).toEqual({ ok: false, problem: 'not-digits' });
  });

  it('never accepts anything that is not a string of digits (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = checkPinFormat(value);
        if (result.ok) expect(value).toMatch(/^[0-9]{4,8}$/);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4,8}$/), (pin) => {
        expect(checkPinFormat(pin)).toEqual({ ok: true });
      }),
    );
  });
});

describe('checkNewPin', () => {
  it('refuses the PINs anyone tries first', () => {
    for (const pin of ['0000', '1111', '99999999', '1234', '4321', '0123', '23456789', '9876'])
      expect(checkNewPin(pin, pin), pin).toEqual({ ok: false, problem: 'too-simple' });
  });

  it('accepts other PINs when the confirmation matches, and says when it does not', () => {
    expect(checkNewPin('2580', '2580')).toEqual({ ok: true });
    expect(checkNewPin('1235', '1235')).toEqual({ ok: true });
    expect(checkNewPin('1212', '1212')).toEqual({ ok: true });
    expect(checkNewPin('2580', '2581')).toEqual({ ok: false, problem: 'mismatch' });
    expect(checkNewPin('2580', '')).toEqual({ ok: false, problem: 'mismatch' });
    expect(checkNewPin('25', '25')).toEqual({ ok: false, problem: 'too-short' });
  });
});

describe('lockout', () => {
  const wrong = (times: number, start: PinAttempts = NO_FAILED_ATTEMPTS, now = T) => {
    let state = start;
    for (let i = 0; i < times; i += 1) state = afterWrongPin(state, now);
    return state;
  };

  it('counts down 5 tries, and the 5th wrong PIN locks for 5 minutes from that moment', () => {
    expect(attemptsLeft(NO_FAILED_ATTEMPTS, T)).toBe(5);
    const four = wrong(4);
    expect(four).toEqual({ failedAttempts: 4, lockedUntil: null });
    expect(attemptsLeft(four, T)).toBe(1);
    expect(lockoutRemainingMs(four, T)).toBe(0);
    const five = afterWrongPin(four, at(30_000));
    expect(five).toEqual({ failedAttempts: 5, lockedUntil: '2026-03-02T08:05:30.000Z' });
    expect(MAX_FAILED_PIN_ATTEMPTS).toBe(5);
    expect(PIN_LOCKOUT_MS).toBe(300_000);
  });

  it('stays locked until the last millisecond and opens exactly at lockedUntil', () => {
    const locked = wrong(5);
    expect(lockoutRemainingMs(locked, T)).toBe(PIN_LOCKOUT_MS);
    expect(lockoutRemainingMs(locked, at(PIN_LOCKOUT_MS - 1))).toBe(1);
    expect(attemptsLeft(locked, at(PIN_LOCKOUT_MS - 1))).toBe(0);
    expect(lockoutRemainingMs(locked, at(PIN_LOCKOUT_MS))).toBe(0);
    expect(attemptsLeft(locked, at(PIN_LOCKOUT_MS))).toBe(5);
  });

  it('gives a fresh series of 5 after a lockout has run out', () => {
    const after = afterWrongPin(wrong(5), at(PIN_LOCKOUT_MS));
    expect(after).toEqual({ failedAttempts: 1, lockedUntil: null });
    const again = wrong(4, after, at(PIN_LOCKOUT_MS + 1000));
    expect(again.lockedUntil).toBe(at(PIN_LOCKOUT_MS * 2 + 1000).toISOString());
  });

  it('holds the lock when the clock is turned back, showing at most 5 minutes', () => {
    const locked = wrong(5);
    expect(lockoutRemainingMs(locked, at(-3_600_000))).toBe(PIN_LOCKOUT_MS);
  });

  it('fails closed on an unreadable stored time', () => {
    expect(lockoutRemainingMs({ failedAttempts: 5, lockedUntil: 'garbage' }, T)).toBe(
      PIN_LOCKOUT_MS,
    );
  });

  it('never locks for longer than 5 minutes, whatever the sequence of wrong PINs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), { maxLength: 30 }), (gaps) => {
        let state = NO_FAILED_ATTEMPTS;
        let now = T.getTime();
        for (const gap of gaps) {
          now += gap;
          const remaining = lockoutRemainingMs(state, new Date(now));
          expect(remaining).toBeGreaterThanOrEqual(0);
          expect(remaining).toBeLessThanOrEqual(PIN_LOCKOUT_MS);
          if (remaining === 0) state = afterWrongPin(state, new Date(now));
          expect(state.failedAttempts).toBeLessThanOrEqual(MAX_FAILED_PIN_ATTEMPTS);
        }
      }),
    );
  });
});
