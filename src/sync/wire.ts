/**
 * The sync wire protocol between a tablet and the center server: one definition, imported by
 * both sides, so a field cannot mean one thing on the tablet and another on the server.
 *
 * Every request body is a discriminated union on `protocolVersion`: today only version 1
 * exists, but a version-2 tablet and a version-1 server (or the reverse) must fail with a plain
 * "unsupported protocol version" instead of misreading each other's fields. Per-record push
 * results are a discriminated union on `status`, so the tablet handles every outcome (it marks a
 * record synced only on `accepted` or `duplicate`).
 *
 * Record bodies travel as opaque JSON objects here: their shape is the clinical record schema
 * (`src/domain/records`), checked by the server record by record so that one bad record never
 * sinks the other 99 of a batch.
 *
 * Dependency-free apart from zod and the shared record base on purpose: the server imports it.
 */
import { z } from 'zod';
import {
  deviceIdSchema,
  isoInstantSchema,
  recordIdSchema,
  staffIdSchema,
} from '../domain/records/base.ts';

export const SYNC_PROTOCOL_VERSION = 1 as const;
/** Largest push batch; a bigger one is refused with HTTP 413 (the tablet splits it). */
export const MAX_PUSH_RECORDS = 100;
/** Largest pull page the server returns, whatever `limit` asks for. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;
/**
 * Device and server clocks differing by more than this are shown as a warning on the tablet
 * (issue 4). Never a reason to reject a record: both times are kept.
 */
export const CLOCK_SKEW_WARNING_MS = 2 * 60 * 1000;

/** Server sequence number: gap-free for readers, assigned in commit order (see server/src/db/write-lock.ts). */
export const serverSeqSchema = z.number().int().positive();
export const cursorSchema = z.number().int().min(0);

// ---- push ---------------------------------------------------------------------------------

export const pushRequestV1Schema = z.object({
  protocolVersion: z.literal(1),
  /** Must be the device the bearer token was issued to. */
  deviceId: deviceIdSchema,
  /** Each element is validated on its own by the server (see file comment). */
  records: z.array(z.unknown()).max(MAX_PUSH_RECORDS),
});
export const pushRequestSchema = z.discriminatedUnion('protocolVersion', [pushRequestV1Schema]);
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** `index` is the record's position in the pushed batch, so an answer maps back even without an id. */
const resultIndex = z.number().int().min(0);

export const pushRecordResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    index: resultIndex,
    id: recordIdSchema,
    serverSeq: serverSeqSchema,
  }),
  /** Same id and same canonical content as a stored record: already synced (a retried push). */
  z.object({
    status: z.literal('duplicate'),
    index: resultIndex,
    id: recordIdSchema,
    serverSeq: serverSeqSchema,
  }),
  /**
   * Same id, different content: the stored record is unchanged and wins; `serverSeq` is the
   * stored one's. A person must look at it (it is in the server's audit log too).
   */
  z.object({
    status: z.literal('conflict'),
    index: resultIndex,
    id: recordIdSchema,
    serverSeq: serverSeqSchema,
    reason: z.string(),
  }),
  /** Not stored. `field` is the path inside the record (`payload.doseMg`); `reason` names the record id too. */
  z.object({
    status: z.literal('invalid'),
    index: resultIndex,
    id: z.string().nullable(),
    field: z.string(),
    reason: z.string(),
  }),
]);
export type PushRecordResult = z.infer<typeof pushRecordResultSchema>;
export type PushRecordStatus = PushRecordResult['status'];

export const pushResponseSchema = z.object({
  protocolVersion: z.literal(1),
  serverTime: isoInstantSchema,
  results: z.array(pushRecordResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull ---------------------------------------------------------------------------------

const decimalInteger = (max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n <= max, `must be at most ${max}`);

/** Query string of GET /api/sync/pull. Strict digits: `cursor=1e3` or `cursor=-1` are refused, not guessed. */
export const pullQuerySchema = z.object({
  cursor: decimalInteger(Number.MAX_SAFE_INTEGER).optional().default(0),
  limit: decimalInteger(MAX_PULL_LIMIT)
    .refine((n) => n >= 1, 'limit must be at least 1')
    .optional()
    .default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledRecordSchema = z.object({
  serverSeq: serverSeqSchema,
  receivedAt: isoInstantSchema,
  /** The record exactly as it was accepted (same canonical content hash as the tablet's). */
  record: z.record(z.string(), z.unknown()),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.object({
  protocolVersion: z.literal(1),
  serverTime: isoInstantSchema,
  records: z.array(pulledRecordSchema),
  /** Store this with the pulled records in one transaction; pass it as `cursor` next time. */
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- devices and staff --------------------------------------------------------------------

export const enrollRequestSchema = z.object({
  /** The one-time code shown by the admin; dashes, spaces and case are ignored. */
  code: z.string().min(1).max(64),
  deviceName: z.string().trim().min(1, 'give the tablet a name').max(80),
  /**
   * The id the tablet already stamps on its records (it works offline before it is enrolled).
   * The server keeps it as the device id when no device has it yet, so those records sync
   * under the new token; otherwise it issues a fresh id. Optional: older tablets send none.
   */
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dots, dashes or underscores')
    .optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  serverTime: isoInstantSchema,
  deviceId: deviceIdSchema,
  /** Bearer token for every sync request. Shown once; the server keeps only its SHA-256. */
  token: z.string().min(32),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const STAFF_ROLES = ['nurse', 'anesthesiologist', 'admin'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffMemberSchema = z.object({
  staffId: staffIdSchema,
  displayName: z.string().trim().min(1).max(120),
  role: staffRoleSchema,
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListResponseSchema = z.object({
  serverTime: isoInstantSchema,
  staff: z.array(staffMemberSchema),
});
export type StaffListResponse = z.infer<typeof staffListResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.literal(1),
  serverTime: isoInstantSchema,
});

// ---- errors -------------------------------------------------------------------------------

/** Every non-2xx answer. `field` names the offending field; `requestId` matches the server log. */
export const errorResponseSchema = z.object({
  serverTime: isoInstantSchema,
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
