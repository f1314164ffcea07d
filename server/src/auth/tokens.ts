/**
 * Secrets the server hands out: device tokens, enrollment codes, the admin token. Only their
 * SHA-256 is stored, so a copy of the database lets nobody sync or administer. Plain SHA-256
 * (no salt, no slow KDF) is right for these: they are 60-256 random bits, not passwords.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of UTF-8 text as hex. The one-shot crypto.hash: no Hash object per call (every pushed record is hashed). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** 32 random bytes, base64url (43 characters): the tablet's bearer token. */
export function generateDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export const generateAdminToken = generateDeviceToken;

/** Constant-time comparison of two hex digests (different lengths are simply unequal). */
export function hexDigestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

// Crockford base32: no I, L, O, U, so a code read aloud or typed on a tablet is not misread.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A one-time enrollment code such as `7KQ2-M9XD-4TPV` (60 random bits). */
export function generateEnrollmentCode(): string {
  // 256 is a multiple of 32, so masking a random byte is unbiased.
  const chars = [...randomBytes(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte & 31]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)]
    .map((group) => group.join(''))
    .join('-');
}

/**
 * The code as typed, reduced to its canonical form: case, spaces and dashes ignored, and the
 * letters Crockford base32 treats as look-alikes mapped (O->0, I/L->1).
 */
export function normalizeEnrollmentCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
