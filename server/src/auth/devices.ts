/**
 * Tablet enrollment and device tokens. An admin creates a one-time code; the tablet exchanges it
 * for a device id and a bearer token; an admin can revoke the device, after which its token
 * opens nothing (records it already pushed stay, they are clinical records).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { CenterDatabase } from '../db/types.ts';
import { SERVER_DEVICE_ID } from '../staff.ts';
import {
  generateDeviceToken,
  generateEnrollmentCode,
  normalizeEnrollmentCode,
  sha256Hex,
} from './tokens.ts';

export const DEFAULT_ENROLLMENT_CODE_TTL_MINUTES = 30;
export const MAX_ENROLLMENT_CODE_TTL_MINUTES = 24 * 60;

export async function createEnrollmentCode(
  db: Kysely<CenterDatabase>,
  options: { readonly now: Date; readonly ttlMinutes: number; readonly createdBy: string },
): Promise<{ readonly code: string; readonly expiresAt: string }> {
  const code = generateEnrollmentCode();
  const codeHash = sha256Hex(normalizeEnrollmentCode(code));
  const expiresAt = new Date(options.now.getTime() + options.ttlMinutes * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('enrollment_codes')
      .values({
        code_hash: codeHash,
        created_at: options.now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        used_by_device_id: null,
        created_by: options.createdBy,
      })
      .execute();
    await writeAudit(trx, {
      at: options.now,
      actor: 'admin',
      action: 'enrollment-code-created',
      subject: codeHash.slice(0, 12),
      detail: { expiresAt, createdBy: options.createdBy },
    });
  });
  return { code, expiresAt };
}

export type EnrollFailure =
  'enrollment-code-unknown' | 'enrollment-code-expired' | 'enrollment-code-used';

export type EnrollOutcome =
  | { readonly ok: true; readonly deviceId: string; readonly token: string }
  | { readonly ok: false; readonly reason: EnrollFailure };

/**
 * Spends a one-time code. The conditional UPDATE (used_at IS NULL AND not expired) is the
 * single point of truth, so two tablets racing with one code cannot both enroll.
 *
 * `proposedDeviceId`: the id a tablet already stamped on the records it made before it was
 * enrolled (it works offline from its first start). Kept when no device ever had it and it is
 * not the server's own id, so those records are accepted as this device's (a push takes only
 * records naming the pushing device); otherwise a fresh UUID, and the tablet lists the older
 * records as refused instead of losing them. Taking over an existing id is never possible,
 * not even a revoked one: a revocation stays final.
 */
export async function enrollDevice(
  db: Kysely<CenterDatabase>,
  options: {
    readonly code: string;
    readonly deviceName: string;
    readonly now: Date;
    readonly proposedDeviceId?: string | undefined;
  },
): Promise<EnrollOutcome> {
  const codeHash = sha256Hex(normalizeEnrollmentCode(options.code));
  const at = options.now.toISOString();
  const token = generateDeviceToken();
  return db.transaction().execute(async (trx): Promise<EnrollOutcome> => {
    const proposed = options.proposedDeviceId;
    const proposedFree =
      proposed !== undefined &&
      proposed !== SERVER_DEVICE_ID &&
      (await trx
        .selectFrom('devices')
        .select('id')
        .where('id', '=', proposed)
        .executeTakeFirst()) === undefined;
    const deviceId = proposedFree ? proposed : randomUUID();
    const spent = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: at, used_by_device_id: deviceId })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) {
      const row = await trx
        .selectFrom('enrollment_codes')
        .select(['used_at', 'expires_at'])
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      const reason: EnrollFailure =
        row === undefined
          ? 'enrollment-code-unknown'
          : row.used_at !== null
            ? 'enrollment-code-used'
            : 'enrollment-code-expired';
      return { ok: false, reason };
    }
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        name: options.deviceName,
        token_hash: sha256Hex(token),
        enrolled_at: at,
        revoked_at: null,
      })
      .execute();
    await writeAudit(trx, {
      at: options.now,
      actor: `device:${deviceId}`,
      action: 'device-enrolled',
      subject: deviceId,
      detail: { name: options.deviceName },
    });
    return { ok: true, deviceId, token };
  });
}

export type AuthenticatedDevice = { readonly id: string; readonly name: string };

/**
 * Looks a bearer token up by its SHA-256 (tokens.ts sha256Hex). A database index lookup on a
 * SHA-256 of 256 random bits leaks nothing usable through timing, so no constant-time compare
 * is needed here. Requests check tokens through device-tokens.ts, which remembers them briefly.
 */
export async function findDeviceByTokenHash(
  db: Kysely<CenterDatabase>,
  tokenHash: string,
): Promise<{ readonly device: AuthenticatedDevice; readonly revoked: boolean } | null> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'name', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined) return null;
  return { device: { id: row.id, name: row.name }, revoked: row.revoked_at !== null };
}

/**
 * Revokes a device; revoking twice keeps the first time. Null when the device is unknown.
 * The server revokes through device-tokens.ts, which also forgets the device's token.
 */
export async function revokeDevice(
  db: Kysely<CenterDatabase>,
  deviceId: string,
  now: Date,
): Promise<{ readonly revokedAt: string } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('devices')
      .select(['revoked_at'])
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (row === undefined) return null;
    if (row.revoked_at !== null) return { revokedAt: row.revoked_at };
    const revokedAt = now.toISOString();
    await trx
      .updateTable('devices')
      .set({ revoked_at: revokedAt })
      .where('id', '=', deviceId)
      .execute();
    await writeAudit(trx, { at: now, actor: 'admin', action: 'device-revoked', subject: deviceId });
    return { revokedAt };
  });
}

export async function listDevices(db: Kysely<CenterDatabase>) {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'enrolled_at', 'revoked_at'])
    .orderBy('enrolled_at')
    .execute();
  return rows.map((row) => ({
    deviceId: row.id,
    name: row.name,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
  }));
}
