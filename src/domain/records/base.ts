/**
 * Fields every clinical record carries (protocol.md section 6): who, when (clinical time and
 * device time), which device, which protocol version, and what it supersedes. Records are
 * append-only: a correction is a new record whose `supersedes` names the old one with a
 * reason; an "entered in error" is a record of kind `entered-in-error`. Nothing is updated in
 * place or deleted, on the tablet or on the server.
 *
 * This file is dependency-free apart from zod on purpose: the server imports it too.
 */
import { z } from 'zod';

/** Time-ordered client-generated id (UUIDv7, RFC 9562), so ids sort by creation. */
export const recordIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'must be a UUIDv7',
  );

/** UTC instant as ISO 8601 with milliseconds and Z, e.g. 2026-11-25T10:40:38.000Z. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days in `month` (1-12) of `year`, proleptic Gregorian (as Date and ISO 8601 count). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` (already matching ISO_DATE) names a day that exists: no 2026-02-30, no month 13.
 * The same answer as a Date round trip (engines roll 2026-02-30 over to March instead of
 * refusing it, so Date.parse alone is not enough), without the Date objects and strings that
 * cost a fifth of validating a record on every push (bench/server/push.ts); base.test.ts
 * checks the two agree.
 */
export function isRealIsoDate(text: string): boolean {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** An ISO_INSTANT text names a real moment: a real day, hours 00-23, minutes and seconds 00-59. */
export function isRealIsoInstant(text: string): boolean {
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  return isRealIsoDate(text) && hours <= 23 && minutes <= 59 && seconds <= 59;
}

/**
 * The number written by the `count` characters of `text` from `start`, which the caller's
 * pattern has already matched as ASCII digits. Read from the character codes: no substring
 * per field, since two instants are checked on every record validated.
 */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

export const isoInstantSchema = z
  .string()
  .regex(ISO_INSTANT, 'must be an ISO 8601 UTC instant')
  .refine(isRealIsoInstant, 'must be a real date and time');

export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'must be a date YYYY-MM-DD')
  .refine(isRealIsoDate, 'must be a real date');

export const staffIdSchema = z.string().min(1).max(64);
export const deviceIdSchema = z.string().min(1).max(64);

export const supersedesSchema = z.object({
  recordId: recordIdSchema,
  reason: z.string().trim().min(3, 'a correction needs a reason').max(500),
});

export const recordBaseShape = {
  id: recordIdSchema,
  schemaVersion: z.number().int().min(1),
  /** The patient record id this belongs to (null only for center-level records). */
  patientId: recordIdSchema.nullable(),
  /** The session record id this belongs to, when it belongs to one. */
  sessionId: recordIdSchema.nullable(),
  authorStaffId: staffIdSchema,
  deviceId: deviceIdSchema,
  /** When it happened at the bedside (may be back-dated by the nurse, never in the future). */
  clinicalTime: isoInstantSchema,
  /** The device clock when the entry was made. */
  deviceTime: isoInstantSchema,
  /** `${protocol.id}@${protocol.version}` in force, e.g. kit-racemic@1.0.0. */
  protocolKey: z.string().min(1).max(80),
  /** Center settings version in force when the entry was made. */
  settingsVersion: z.number().int().min(1),
  supersedes: supersedesSchema.nullable(),
} as const;

export const recordBaseSchema = z.object(recordBaseShape);
export type RecordBase = z.infer<typeof recordBaseSchema>;
