/**
 * Staff changes made with the admin token (POST /api/admin/staff): each one becomes a
 * `staff-member` record authored by the bootstrap admin, stored like a pushed record (same
 * write lock, so it gets a server_seq in commit order) and projected into `staff` in the same
 * transaction. Tablets then receive it by the normal pull; nothing else carries staff to them.
 */
import { randomBytes } from 'node:crypto';
import { createRecordIdGenerator } from '../../src/domain/ids.ts';
import { RECORD_KIND_INFO } from '../../src/domain/records/registry.ts';
import { DEFAULT_CENTER_SETTINGS } from '../../src/domain/settings.ts';
import type { StaffMember } from '../../src/sync/wire.ts';
import type { CenterDb } from './db/types.ts';
import type { WriteSerializer, WriteTransaction } from './db/write-lock.ts';
import { ApiError } from './http/errors.ts';
import { BOOTSTRAP_ADMIN_ID, SERVER_DEVICE_ID, toStaffRow } from './staff.ts';
import type { StaffRow } from './staff.ts';
import { applyStaffRecord } from './staff-projection.ts';
import type { StaffRecord } from './staff-projection.ts';
import { contentHash } from './sync/canonical.ts';
import { insertRecord } from './sync/store-record.ts';
import { parseRecord } from './validation.ts';

/** Monotonic UUIDv7 ids for the records this server process creates. */
const nextRecordId = createRecordIdGenerator((n) => new Uint8Array(randomBytes(n)));

export type SavedStaff = {
  readonly created: boolean;
  readonly staff: StaffRow;
  /** The staff-member record now in force for this person; null only if nothing changed and the row predates records. */
  readonly recordId: string | null;
  /** Set when a new record was stored. */
  readonly serverSeq: number | null;
};

type InForce = { readonly protocolKey: string; readonly settingsVersion: number };

/**
 * Protocol key and settings version in force, for the record's base fields: the highest
 * settings version stored (how the tablet picks it, src/app/center-config.ts), else the defaults.
 */
async function inForce(trx: WriteTransaction): Promise<InForce> {
  const rows = await trx
    .selectFrom('records')
    .select('body')
    .where('kind', '=', 'settings-version')
    .execute();
  let best: InForce = {
    protocolKey: DEFAULT_CENTER_SETTINGS.activeProtocolKey,
    settingsVersion: DEFAULT_CENTER_SETTINGS.version,
  };
  for (const { body } of rows) {
    const parsed = parseRecord(JSON.parse(body));
    if (!parsed.ok || parsed.value.kind !== 'settings-version') continue;
    const { version, activeProtocolKey } = parsed.value.payload.settings;
    if (version > best.settingsVersion)
      best = { protocolKey: activeProtocolKey, settingsVersion: version };
  }
  return best;
}

/**
 * Builds and validates the record. Its clinical time is the server's now, or 1 ms after the
 * record in force if that one is later (a tablet clock ahead of the server's): the admin's
 * change must be the latest for that person everywhere, or it would silently not apply.
 */
function buildRecord(
  member: StaffMember,
  now: Date,
  sourceClinicalTime: string | null,
  base: InForce,
): StaffRecord {
  const floor = sourceClinicalTime === null ? -Infinity : Date.parse(sourceClinicalTime) + 1;
  const clinicalMs = Math.max(now.getTime(), floor);
  const record = {
    id: nextRecordId(now.getTime()),
    schemaVersion: RECORD_KIND_INFO['staff-member'].schemaVersion,
    kind: 'staff-member',
    patientId: null,
    sessionId: null,
    authorStaffId: BOOTSTRAP_ADMIN_ID,
    deviceId: SERVER_DEVICE_ID,
    clinicalTime: new Date(clinicalMs).toISOString(),
    deviceTime: now.toISOString(),
    protocolKey: base.protocolKey,
    settingsVersion: base.settingsVersion,
    supersedes: null,
    payload: {
      staffId: member.staffId,
      displayName: member.displayName,
      role: member.role,
      active: member.active,
    },
  };
  const parsed = parseRecord(record);
  if (!parsed.ok) {
    const field = parsed.error.field.replace(/^payload\./, '');
    throw new ApiError(400, 'invalid-request', `staff: ${field} ${parsed.error.message}`, field);
  }
  return parsed.value as StaffRecord;
}

async function saveInTransaction(
  trx: WriteTransaction,
  member: StaffMember,
  now: Date,
  actor: string,
): Promise<SavedStaff> {
  const existing = await trx
    .selectFrom('staff')
    .selectAll()
    .where('staff_id', '=', member.staffId)
    .executeTakeFirst();
  if (
    existing?.source_record_id != null &&
    existing.display_name === member.displayName &&
    existing.role === member.role &&
    existing.active === (member.active ? 1 : 0)
  ) {
    // Nothing changed: no new record (a repeated admin call is not history).
    return {
      created: false,
      staff: toStaffRow(existing),
      recordId: existing.source_record_id,
      serverSeq: null,
    };
  }
  const record = buildRecord(
    member,
    now,
    existing?.source_clinical_time ?? null,
    await inForce(trx),
  );
  const { canonical, hash } = contentHash(record);
  const serverSeq = await insertRecord(trx, record, {
    canonical,
    hash,
    receivedAt: now.toISOString(),
  });
  const projected = await applyStaffRecord(trx, record, { now, actor });
  // Cannot happen (the clinical time is after the row's source), but never report a change that did not apply.
  if (!projected.applied) throw new Error(`staff record ${record.id} did not apply`);
  return { created: projected.created, staff: projected.staff, recordId: record.id, serverSeq };
}

/** Creates or changes a staff member (admin API). Throws ApiError 400 for a reserved id or a bad field. */
export async function saveStaffAsRecord(
  db: CenterDb,
  serializeWrite: WriteSerializer,
  member: StaffMember,
  now: Date,
): Promise<SavedStaff> {
  if (member.staffId === BOOTSTRAP_ADMIN_ID) {
    throw new ApiError(
      400,
      'staff-id-reserved',
      `staff: staffId ${BOOTSTRAP_ADMIN_ID} is the server's own administrator identity; choose another id`,
      'staffId',
    );
  }
  return serializeWrite(db, (trx) => saveInTransaction(trx, member, now, 'admin'));
}

/**
 * Start-up: gives every staff row that predates staff-member records (migration 0004) a record
 * with its current values, so tablets receive those people too. Idempotent; usually a no-op.
 * Returns how many rows it converted.
 */
export async function backfillStaffRecords(
  db: CenterDb,
  serializeWrite: WriteSerializer,
  now: Date,
): Promise<number> {
  return serializeWrite(db, async (trx) => {
    const legacy = await trx
      .selectFrom('staff')
      .selectAll()
      .where('source_record_id', 'is', null)
      .orderBy('staff_id')
      .execute();
    for (const row of legacy) {
      const member = toStaffRow(row);
      await saveInTransaction(trx, member, now, 'system');
    }
    return legacy.length;
  });
}
