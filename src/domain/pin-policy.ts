/**
 * Staff PINs on a shared tablet (issue 4, "Staff, devices and access"): the format of a PIN and
 * the lockout after repeated wrong PINs. Pure: times come in as arguments (ISO instants or
 * Date), nothing here reads a clock. Hashing and storage live in src/db/staff-pins.ts.
 *
 * Why a lockout and not only a slow hash: a 4-digit PIN has 10,000 values, so the lockout is
 * what stops someone at the tablet from trying them (5 tries, then 5 minutes: at most 1,440
 * guesses a day per person instead of thousands an hour).
 */

export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
/** Wrong PINs in a row that lock a staff member out on this tablet. */
export const MAX_FAILED_PIN_ATTEMPTS = 5;
/** How long the lockout lasts, in ms (5 minutes). */
export const PIN_LOCKOUT_MS = 5 * 60 * 1000;

export type PinProblem =
  /** Nothing typed. */
  | 'empty'
  /** Something other than the digits 0-9. */
  | 'not-digits'
  | 'too-short'
  | 'too-long'
  /** A new PIN that anyone would guess first: one digit repeated, or a run such as 1234 / 9876. */
  | 'too-simple'
  /** The second entry of a new PIN differs from the first. */
  | 'mismatch';

export type PinCheck = { readonly ok: true } | { readonly ok: false; readonly problem: PinProblem };

const OK: PinCheck = { ok: true };
const problem = (p: PinProblem): PinCheck => ({ ok: false, problem: p });

/**
 * Is `pin` a PIN at all: 4 to 8 ASCII digits, nothing else (no spaces, no other numerals).
 * Used before every verification, so a malformed entry never costs one of the 5 attempts.
 */
export function checkPinFormat(pin: unknown): PinCheck {
  if (typeof pin !== 'string' || pin.length === 0) return problem('empty');
  if (!/^[0-9]+$/.test(pin)) return problem('not-digits');
  if (pin.length < PIN_MIN_DIGITS) return problem('too-short');
  if (pin.length > PIN_MAX_DIGITS) return problem('too-long');
  return OK;
}

/** Every step between neighbouring digits is the same +1 or -1 (1234, 98765). */
function isRun(pin: string): boolean {
  const digits = [...pin].map(Number);
  const step = (digits[1] ?? 0) - (digits[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  return digits.every((d, i) => i === 0 || d - (digits[i - 1] ?? 0) === step);
}

/**
 * A PIN someone chooses (first unlock on a tablet): the format above, not trivially guessable
 * (all one digit, or an ascending/descending run, the first guesses of anyone trying), and the
 * confirmation typed the same. NIST SP 800-63B 5.1.1.2 asks to refuse such commonly used values.
 */
export function checkNewPin(pin: unknown, confirmation: unknown): PinCheck {
  const format = checkPinFormat(pin);
  if (!format.ok) return format;
  const text = pin as string;
  if (/^(\d)\1*$/.test(text) || isRun(text)) return problem('too-simple');
  if (confirmation !== text) return problem('mismatch');
  return OK;
}

/** Wrong-PIN state of one staff member on one tablet (stored with their PIN hash). */
export type PinAttempts = {
  /** Wrong PINs in a row since the last success or the end of the last lockout. */
  readonly failedAttempts: number;
  /** ISO instant until which no PIN is checked for this person; null when not locked. */
  readonly lockedUntil: string | null;
};

export const NO_FAILED_ATTEMPTS: PinAttempts = { failedAttempts: 0, lockedUntil: null };

/**
 * Milliseconds of lockout left at `now` (0 when not locked), at most PIN_LOCKOUT_MS. While it
 * is above 0 a PIN must not even be compared (that would tell a guesser whether it was right).
 * If the device clock was turned back during a lockout, the lock holds until the clock passes
 * `lockedUntil` again, but never shows more than 5 minutes.
 */
export function lockoutRemainingMs(attempts: PinAttempts, now: Date): number {
  if (attempts.lockedUntil === null) return 0;
  const until = Date.parse(attempts.lockedUntil);
  // An unreadable stored time locks (fail closed) rather than opens.
  if (Number.isNaN(until)) return PIN_LOCKOUT_MS;
  return Math.min(Math.max(until - now.getTime(), 0), PIN_LOCKOUT_MS);
}

/** The state after a wrong PIN at `now`: the 5th in a row locks for 5 minutes from `now`. */
export function afterWrongPin(attempts: PinAttempts, now: Date): PinAttempts {
  // A lockout that has run out starts a fresh series of 5.
  const expired = attempts.lockedUntil !== null && lockoutRemainingMs(attempts, now) === 0;
  const failed = (expired ? 0 : attempts.failedAttempts) + 1;
  if (failed >= MAX_FAILED_PIN_ATTEMPTS) {
    return {
      failedAttempts: failed,
      lockedUntil: new Date(now.getTime() + PIN_LOCKOUT_MS).toISOString(),
    };
  }
  return { failedAttempts: failed, lockedUntil: null };
}

/** Wrong PINs left before the lockout, at `now` (0 while locked). */
export function attemptsLeft(attempts: PinAttempts, now: Date): number {
  if (lockoutRemainingMs(attempts, now) > 0) return 0;
  const expired = attempts.lockedUntil !== null;
  return MAX_FAILED_PIN_ATTEMPTS - (expired ? 0 : attempts.failedAttempts);
}
