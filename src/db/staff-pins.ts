/**
 * Staff PINs on this tablet (issue 4, "Staff, devices and access"): a salted PBKDF2-SHA-256 hash
 * through WebCrypto, the wrong-PIN counter and the lockout (rules in domain/pin-policy.ts). The
 * PIN itself is never stored, logged or synced; rows stay on the tablet where they were set.
 *
 * Why PBKDF2 and not a plain hash: it makes every guess against a copied database cost ~0.1-1 s
 * of CPU. It cannot make a 4-digit PIN strong against someone holding the tablet's storage (10,000
 * guesses are still minutes of work), so the real protection is the lockout below, which stops
 * guessing at the tablet itself, plus the device's own encryption. OWASP's 2023 password storage
 * guidance asks for 600,000 iterations of PBKDF2-HMAC-SHA-256; the count is stored per row so it
 * can be raised later without invalidating PINs already set.
 *
 * Every function returns an outcome (never throws): storage failures come back as a
 * StorageError with a message a nurse can act on.
 */
import {
  afterWrongPin,
  attemptsLeft,
  checkNewPin,
  checkPinFormat,
  lockoutRemainingMs,
  NO_FAILED_ATTEMPTS,
  type PinProblem,
} from '../domain/pin-policy.ts';
import type { KitDatabase, StaffPinRow } from './database.ts';
import { toStorageError, type StorageError } from './errors.ts';

export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export type RandomBytes = (n: number) => Uint8Array;
const cryptoRandomBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

const toB64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** PBKDF2-SHA-256 of `pin` with `salt`, 32 bytes. */
export async function derivePinHash(
  pin: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so timing says nothing about the PIN. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export type SetPinOutcome =
  | { readonly kind: 'ok' }
  /** The PIN or its confirmation breaks a rule of pin-policy.ts; nothing stored. */
  | { readonly kind: 'invalid'; readonly problem: PinProblem }
  /** This person already has a PIN on this tablet: a PIN is never overwritten by setting it. */
  | { readonly kind: 'already-set' }
  | { readonly kind: 'storage-error'; readonly error: StorageError };

export type SetPinOptions = { readonly iterations?: number; readonly randomBytes?: RandomBytes };

/**
 * Sets the first PIN of `staffId` on this tablet (typed twice: `pin`, `confirmation`). Refuses
 * when one exists already (two tablets' tabs, or someone else claiming the name): a forgotten
 * PIN is removed with `removeStaffPin` first. `now` is the device time of setting it.
 */
export async function setStaffPin(
  db: KitDatabase,
  staffId: string,
  pin: string,
  confirmation: string,
  now: Date,
  options: SetPinOptions = {},
): Promise<SetPinOutcome> {
  const check = checkNewPin(pin, confirmation);
  if (!check.ok) return { kind: 'invalid', problem: check.problem };
  try {
    if ((await db.staffPins.get(staffId)) !== undefined) return { kind: 'already-set' };
    const iterations = options.iterations ?? PBKDF2_ITERATIONS;
    const salt = (options.randomBytes ?? cryptoRandomBytes)(SALT_BYTES);
    const hash = await derivePinHash(pin, salt, iterations);
    const row: StaffPinRow = {
      staffId,
      algorithm: 'PBKDF2-SHA-256',
      iterations,
      saltB64: toB64(salt),
      hashB64: toB64(hash),
      setAt: now.toISOString(),
      ...NO_FAILED_ATTEMPTS,
    };
    // Checked again inside the write: the hash took time, another tab may have set one since.
    return await db.transaction('rw', db.staffPins, async () => {
      if ((await db.staffPins.get(staffId)) !== undefined) return { kind: 'already-set' } as const;
      await db.staffPins.add(row);
      return { kind: 'ok' } as const;
    });
  } catch (error) {
    return { kind: 'storage-error', error: toStorageError(error) };
  }
}

export type VerifyPinOutcome =
  | { readonly kind: 'ok' }
  /** Wrong PIN, counted. `lockedUntil` is set when this one started the lockout. */
  | { readonly kind: 'wrong'; readonly attemptsLeft: number; readonly lockedUntil: string | null }
  /** Locked out: the PIN was not even compared. */
  | { readonly kind: 'locked-out'; readonly lockedUntil: string }
  /** No PIN for this person on this tablet yet. */
  | { readonly kind: 'no-pin' }
  /** Not a PIN at all (empty, letters, too short/long): not counted as an attempt. */
  | { readonly kind: 'invalid'; readonly problem: PinProblem }
  | { readonly kind: 'storage-error'; readonly error: StorageError };

const lockedUntilOf = (row: StaffPinRow, now: Date): string =>
  row.lockedUntil ?? new Date(now.getTime() + lockoutRemainingMs(row, now)).toISOString();

/**
 * Checks `pin` for `staffId` at device time `now`. While locked out nothing is compared; a
 * wrong PIN is counted (the 5th in a row locks for 5 minutes), a right one clears the count.
 * Malformed input is refused before comparing and costs no attempt.
 */
export async function verifyStaffPin(
  db: KitDatabase,
  staffId: string,
  pin: string,
  now: Date,
): Promise<VerifyPinOutcome> {
  try {
    const row = await db.staffPins.get(staffId);
    if (row === undefined) return { kind: 'no-pin' };
    if (lockoutRemainingMs(row, now) > 0)
      return { kind: 'locked-out', lockedUntil: lockedUntilOf(row, now) };
    const format = checkPinFormat(pin);
    if (!format.ok) return { kind: 'invalid', problem: format.problem };
    const hash = await derivePinHash(pin, fromB64(row.saltB64), row.iterations);
    const right = sameBytes(hash, fromB64(row.hashB64));
    return await db.transaction('rw', db.staffPins, async (): Promise<VerifyPinOutcome> => {
      // Re-read: another tab may have counted attempts or reset the PIN while we hashed.
      const current = await db.staffPins.get(staffId);
      if (current === undefined) return { kind: 'no-pin' };
      if (current.hashB64 !== row.hashB64) return { kind: 'wrong', ...attemptsOf(current, now) };
      if (lockoutRemainingMs(current, now) > 0)
        return { kind: 'locked-out', lockedUntil: lockedUntilOf(current, now) };
      if (right) {
        if (current.failedAttempts !== 0 || current.lockedUntil !== null)
          await db.staffPins.update(staffId, { ...NO_FAILED_ATTEMPTS });
        return { kind: 'ok' };
      }
      const next = afterWrongPin(current, now);
      await db.staffPins.update(staffId, {
        failedAttempts: next.failedAttempts,
        lockedUntil: next.lockedUntil,
      });
      return { kind: 'wrong', ...attemptsOf(next, now) };
    });
  } catch (error) {
    return { kind: 'storage-error', error: toStorageError(error) };
  }
}

function attemptsOf(row: Pick<StaffPinRow, 'failedAttempts' | 'lockedUntil'>, now: Date) {
  return { attemptsLeft: attemptsLeft(row, now), lockedUntil: row.lockedUntil };
}

/** What the lock screen needs to know about one person's PIN, without the hash. */
export type PinState =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly attemptsLeft: number }
  | { readonly kind: 'locked-out'; readonly lockedUntil: string; readonly remainingMs: number };

/** The state of a stored row at `now` (undefined row: no PIN on this tablet). */
export function pinStateOf(row: StaffPinRow | undefined, now: Date): PinState {
  if (row === undefined) return { kind: 'none' };
  const remainingMs = lockoutRemainingMs(row, now);
  if (remainingMs > 0)
    return { kind: 'locked-out', lockedUntil: lockedUntilOf(row, now), remainingMs };
  return { kind: 'set', attemptsLeft: attemptsLeft(row, now) };
}

/**
 * Forgets the PIN of `staffId` on this tablet (a forgotten PIN: the person sets a new one at
 * their next unlock). Callers decide who may do this; records are not touched.
 */
export async function removeStaffPin(
  db: KitDatabase,
  staffId: string,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: StorageError }> {
  try {
    await db.staffPins.delete(staffId);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}
