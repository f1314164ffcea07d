/**
 * The `staff` table as a projection of `staff-member` records: called in the same write
 * transaction as the record's INSERT (push or admin API), so the table can never disagree with
 * the records every tablet pulls.
 *
 * Which record wins: the latest by (clinicalTime, id), exactly the order the tablet uses to
 * build its own staff list (src/db/records-repo.ts recordsOfKind, src/app/center-config.ts
 * staffFrom). A record that arrives late but is older (a tablet that was offline) is stored
 * like any record but does not change the row, on the server or on any tablet.
 *
 * Deactivation keeps its moment: `deactivated_at` is the clinical time of the record that
 * first made the person inactive, so records they made offline before it are still accepted
 * (sync/record-context.ts); reactivating clears it.
 */
import type { RecordOfKind } from '../../src/domain/records.ts';
import { writeAudit } from './audit.ts';
import type { WriteTransaction } from './db/write-lock.ts';
import type { StaffRow } from './staff.ts';

export type StaffRecord = RecordOfKind<'staff-member'>;

export type ProjectionResult =
  /** The row now reflects this record; `created` when the person was new. */
  | { readonly applied: true; readonly created: boolean; readonly staff: StaffRow }
  /** An older record than the one the row already reflects: stored, row unchanged. */
  | { readonly applied: false };

/** (clinicalTime, id) of `a` is after that of `b`. ISO instants with ms and Z sort as strings. */
function isLater(a: { time: string; id: string }, b: { time: string; id: string }): boolean {
  return a.time > b.time || (a.time === b.time && a.id > b.id);
}

export async function applyStaffRecord(
  trx: WriteTransaction,
  record: StaffRecord,
  context: { readonly now: Date; readonly actor: string },
): Promise<ProjectionResult> {
  const { staffId, displayName, role, active } = record.payload;
  const existing = await trx
    .selectFrom('staff')
    .select(['active', 'deactivated_at', 'source_record_id', 'source_clinical_time'])
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  if (
    existing?.source_record_id != null &&
    existing.source_clinical_time != null &&
    !isLater(
      { time: record.clinicalTime, id: record.id },
      { time: existing.source_clinical_time, id: existing.source_record_id },
    )
  ) {
    return { applied: false };
  }
  const deactivatedAt = active
    ? null
    : existing?.active === 0
      ? existing.deactivated_at
      : record.clinicalTime;
  const at = context.now.toISOString();
  const values = {
    display_name: displayName,
    role,
    active: active ? 1 : 0,
    updated_at: at,
    deactivated_at: deactivatedAt,
    source_record_id: record.id,
    source_clinical_time: record.clinicalTime,
  };
  if (existing === undefined) {
    await trx
      .insertInto('staff')
      .values({ staff_id: staffId, created_at: at, ...values })
      .execute();
  } else {
    await trx.updateTable('staff').set(values).where('staff_id', '=', staffId).execute();
  }
  await writeAudit(trx, {
    at: context.now,
    actor: context.actor,
    action: 'staff-saved',
    subject: staffId,
    detail: {
      role,
      active,
      created: existing === undefined,
      recordId: record.id,
      authorStaffId: record.authorStaffId,
    },
  });
  return {
    applied: true,
    created: existing === undefined,
    staff: { staffId, displayName, role, active, deactivatedAt },
  };
}
