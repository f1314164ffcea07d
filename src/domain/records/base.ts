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
export const isoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be an ISO 8601 UTC instant')
  // Round-trip, not just Date.parse: engines roll 2026-02-30 over to March instead of refusing it.
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString() === s,
    'must be a real date and time',
  );

/** Calendar date YYYY-MM-DD (birth dates, appointment days, lab dates). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00.000Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'must be a real date');

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
