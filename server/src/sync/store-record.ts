/**
 * The one INSERT into `records`, shared by push and by the admin API (which creates
 * staff-member records). Call it only inside a serialized write transaction (db/write-lock.ts):
 * that is what makes server_seq order commit order.
 */
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import type { WriteTransaction } from '../db/write-lock.ts';

export async function insertRecord(
  trx: WriteTransaction,
  record: ClinicalRecord,
  stored: { readonly canonical: string; readonly hash: string; readonly receivedAt: string },
): Promise<number> {
  const inserted = await trx
    .insertInto('records')
    .values({
      id: record.id,
      kind: record.kind,
      patient_id: record.patientId,
      session_id: record.sessionId,
      author_staff_id: record.authorStaffId,
      device_id: record.deviceId,
      clinical_time: record.clinicalTime,
      device_time: record.deviceTime,
      received_at: stored.receivedAt,
      content_hash: stored.hash,
      body: stored.canonical,
    })
    .returning('server_seq')
    .executeTakeFirstOrThrow();
  return inserted.server_seq;
}
