/**
 * Staff of the center, as the server reads them. `staff-member` records are the one source of
 * truth, on tablets and here: the `staff` table is only their projection (staff-projection.ts),
 * written in the same transaction as the record, so GET /api/staff and the author checks of a
 * push always agree with what tablets pull. No PIN is stored here: PINs stay on the tablets.
 */
import type { Kysely } from 'kysely';
import type { StaffMember, StaffRole } from '../../src/sync/wire.ts';
import type { CenterDatabase, StaffTable } from './db/types.ts';

/**
 * The server's own administrator identity: it authors the staff-member records that the admin
 * API creates (an admin token holder is not a staff member and has no PIN on any tablet). The
 * server always knows it; it is not a row of `staff`, is never listed to tablets, and no
 * staff-member record may name it.
 */
export const BOOTSTRAP_ADMIN_ID = 'center-admin';

/** `deviceId` of records the server itself creates (admin API); never given to a tablet (auth/devices.ts). */
export const SERVER_DEVICE_ID = 'center-server';

export type StaffRow = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly active: boolean;
  readonly deactivatedAt: string | null;
};

const BOOTSTRAP_ADMIN: StaffRow = {
  staffId: BOOTSTRAP_ADMIN_ID,
  displayName: 'Center administrator (server)',
  role: 'admin',
  active: true,
  deactivatedAt: null,
};

export function toStaffRow(
  row: Pick<StaffTable, 'staff_id' | 'display_name' | 'role' | 'active' | 'deactivated_at'>,
): StaffRow {
  return {
    staffId: row.staff_id,
    displayName: row.display_name,
    // The column has a CHECK constraint limiting it to the three roles.
    role: row.role as StaffRole,
    active: row.active === 1,
    deactivatedAt: row.deactivated_at,
  };
}

const STAFF_COLUMNS = ['staff_id', 'display_name', 'role', 'active', 'deactivated_at'] as const;

/** The people of the center (the bootstrap admin is not one of them). */
export async function listStaff(db: Kysely<CenterDatabase>): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('staff')
    .select(STAFF_COLUMNS)
    .orderBy('display_name')
    .orderBy('staff_id')
    .execute();
  return rows.map(toStaffRow);
}

/** Everyone a record may name as author, by id: the staff plus the bootstrap admin. */
export async function loadStaffMap(db: Kysely<CenterDatabase>): Promise<Map<string, StaffRow>> {
  // Read in every push transaction: unsorted (a map needs no order).
  const rows = await db.selectFrom('staff').select(STAFF_COLUMNS).execute();
  const map = new Map(rows.map((row) => [row.staff_id, toStaffRow(row)]));
  map.set(BOOTSTRAP_ADMIN_ID, BOOTSTRAP_ADMIN);
  return map;
}

export function toStaffMember(row: StaffRow): StaffMember {
  return { staffId: row.staffId, displayName: row.displayName, role: row.role, active: row.active };
}
