/**
 * Staff of the center, kept on the server and synced to enrolled tablets (GET /api/staff).
 * Rows are mutable (a role changes, someone leaves); clinical records name staff by id and are
 * never touched. No PIN is stored here: PINs stay on the tablets.
 */
import type { Kysely } from 'kysely';
import type { StaffMember, StaffRole } from '../../src/sync/wire.ts';
import { writeAudit } from './audit.ts';
import type { CenterDatabase, StaffTable } from './db/types.ts';

export type StaffRow = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly active: boolean;
  readonly deactivatedAt: string | null;
};

function toStaffRow(
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

export async function listStaff(db: Kysely<CenterDatabase>): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['staff_id', 'display_name', 'role', 'active', 'deactivated_at'])
    .orderBy('display_name')
    .orderBy('staff_id')
    .execute();
  return rows.map(toStaffRow);
}

export async function loadStaffMap(
  db: Kysely<CenterDatabase>,
): Promise<ReadonlyMap<string, StaffRow>> {
  return new Map((await listStaff(db)).map((row) => [row.staffId, row]));
}

export function toStaffMember(row: StaffRow): StaffMember {
  return { staffId: row.staffId, displayName: row.displayName, role: row.role, active: row.active };
}

/**
 * Creates or updates a staff member. Deactivating records when (so records made offline before
 * that moment are still accepted); reactivating clears it.
 */
export async function saveStaff(
  db: Kysely<CenterDatabase>,
  member: StaffMember,
  now: Date,
): Promise<{ readonly created: boolean; readonly staff: StaffRow }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('staff')
      .select(['active', 'deactivated_at'])
      .where('staff_id', '=', member.staffId)
      .executeTakeFirst();
    const deactivatedAt = member.active
      ? null
      : existing?.active === 0
        ? existing.deactivated_at
        : at;
    const values = {
      display_name: member.displayName,
      role: member.role,
      active: member.active ? 1 : 0,
      updated_at: at,
      deactivated_at: deactivatedAt,
    };
    if (existing === undefined) {
      await trx
        .insertInto('staff')
        .values({ staff_id: member.staffId, created_at: at, ...values })
        .execute();
    } else {
      await trx.updateTable('staff').set(values).where('staff_id', '=', member.staffId).execute();
    }
    await writeAudit(trx, {
      at: now,
      actor: 'admin',
      action: 'staff-saved',
      subject: member.staffId,
      detail: { role: member.role, active: member.active, created: existing === undefined },
    });
    return { created: existing === undefined, staff: { ...member, deactivatedAt } };
  });
}
