import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PIN_LOCKOUT_MS } from '../domain/pin-policy.ts';
import type { KitDatabase } from './database.ts';
import {
  derivePinHash,
  PBKDF2_ITERATIONS,
  pinStateOf,
  removeStaffPin,
  setStaffPin,
  verifyStaffPin,
} from './staff-pins.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

const T = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);
// Few iterations keep the tests fast; the count is stored per row, verification reads it.
const FAST = { iterations: 1000 };

const opened: KitDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await deleteTestDatabase(db);
});
const fresh = () => {
  const db = createTestDatabase();
  opened.push(db);
  return db;
};

describe('derivePinHash', () => {
  it('is PBKDF2-SHA-256 (RFC 7914 section 11 test vector)', async () => {
    // PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64): first 32 bytes.
    const hash = await derivePinHash('passwd', new TextEncoder().encode('salt'), 1);
    expect(Buffer.from(hash).toString('hex')).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    );
  });

  it('uses 600,000 iterations by default (OWASP 2023)', () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });
});

describe('setStaffPin', () => {
  it('stores only a salted hash, never the PIN', async () => {
    const db = fresh();
    expect(await setStaffPin(db, 'nurse-an', '2580', '2580', T, FAST)).toEqual({ kind: 'ok' });
    const row = await db.staffPins.get('nurse-an');
    expect(row).toMatchObject({
      staffId: 'nurse-an',
      algorithm: 'PBKDF2-SHA-256',
      iterations: 1000,
      setAt: T.toISOString(),
      failedAttempts: 0,
      lockedUntil: null,
    });
    expect(JSON.stringify(row)).not.toContain('2580');
    expect(atob(row!.saltB64)).toHaveLength(16);
    expect(atob(row!.hashB64)).toHaveLength(32);
  });

  it('gives two people with the same PIN different hashes (random salt)', async () => {
    const db = fresh();
    await setStaffPin(db, 'a', '2580', '2580', T, FAST);
    await setStaffPin(db, 'b', '2580', '2580', T, FAST);
    const [a, b] = await db.staffPins.bulkGet(['a', 'b']);
    expect(a?.saltB64).not.toBe(b?.saltB64);
    expect(a?.hashB64).not.toBe(b?.hashB64);
  });

  it('refuses a simple PIN, a mismatch, and overwriting an existing PIN; nothing changes', async () => {
    const db = fresh();
    expect(await setStaffPin(db, 'x', '1234', '1234', T, FAST)).toEqual({
      kind: 'invalid',
      problem: 'too-simple',
    });
    expect(await setStaffPin(db, 'x', '2580', '2581', T, FAST)).toEqual({
      kind: 'invalid',
      problem: 'mismatch',
    });
    expect(await db.staffPins.count()).toBe(0);
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    const before = await db.staffPins.get('x');
    expect(await setStaffPin(db, 'x', '3691', '3691', T, FAST)).toEqual({ kind: 'already-set' });
    expect(await db.staffPins.get('x')).toEqual(before);
  });
});

describe('verifyStaffPin', () => {
  it('accepts the right PIN and refuses others', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    expect(await verifyStaffPin(db, 'x', '2580', T)).toEqual({ kind: 'ok' });
    expect(await verifyStaffPin(db, 'x', '2581', T)).toEqual({
      kind: 'wrong',
      attemptsLeft: 4,
      lockedUntil: null,
    });
    expect(await verifyStaffPin(db, 'nobody', '2580', T)).toEqual({ kind: 'no-pin' });
  });

  it('a malformed entry is refused without costing an attempt', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    expect(await verifyStaffPin(db, 'x', '', T)).toEqual({ kind: 'invalid', problem: 'empty' });
    expect(await verifyStaffPin(db, 'x', '25a0', T)).toMatchObject({ kind: 'invalid' });
    expect((await db.staffPins.get('x'))?.failedAttempts).toBe(0);
  });

  it('locks out after 5 wrong PINs, even for the right PIN, until lockedUntil; then counts afresh', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    for (let i = 4; i >= 1; i -= 1)
      expect(await verifyStaffPin(db, 'x', '0000', T)).toMatchObject({ attemptsLeft: i });
    const until = at(PIN_LOCKOUT_MS).toISOString();
    expect(await verifyStaffPin(db, 'x', '0000', T)).toEqual({
      kind: 'wrong',
      attemptsLeft: 0,
      lockedUntil: until,
    });
    expect(await verifyStaffPin(db, 'x', '2580', at(1000))).toEqual({
      kind: 'locked-out',
      lockedUntil: until,
    });
    expect(await verifyStaffPin(db, 'x', '2580', at(PIN_LOCKOUT_MS - 1))).toEqual({
      kind: 'locked-out',
      lockedUntil: until,
    });
    expect(pinStateOf(await db.staffPins.get('x'), at(PIN_LOCKOUT_MS - 1))).toEqual({
      kind: 'locked-out',
      lockedUntil: until,
      remainingMs: 1,
    });
    expect(await verifyStaffPin(db, 'x', '2580', at(PIN_LOCKOUT_MS))).toEqual({ kind: 'ok' });
    expect(await db.staffPins.get('x')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('a right PIN clears the count of earlier wrong ones', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    await verifyStaffPin(db, 'x', '0000', T);
    await verifyStaffPin(db, 'x', '2580', T);
    expect(pinStateOf(await db.staffPins.get('x'), T)).toEqual({ kind: 'set', attemptsLeft: 5 });
  });

  it('removeStaffPin forgets the PIN so a new one can be set', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '2580', '2580', T, FAST);
    expect(await removeStaffPin(db, 'x')).toEqual({ ok: true });
    expect(pinStateOf(await db.staffPins.get('x'), T)).toEqual({ kind: 'none' });
    expect(await setStaffPin(db, 'x', '3691', '3691', T, FAST)).toEqual({ kind: 'ok' });
  });

  it('never accepts any other 4-8 digit PIN (property)', async () => {
    const db = fresh();
    await setStaffPin(db, 'x', '25801', '25801', T, FAST);
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9]{4,8}$/).filter((p) => p !== '25801'),
        async (pin) => {
          // Far apart in time, so the lockout never stops the comparison.
          const result = await verifyStaffPin(db, 'x', pin, at(Math.random() * 1e12));
          expect(result.kind).not.toBe('ok');
        },
      ),
      { numRuns: 25 },
    );
  });
});
