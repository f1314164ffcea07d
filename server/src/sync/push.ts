/**
 * Push: store a batch of records, answering each one accepted / duplicate / conflict / invalid.
 *
 * Order of checks, and why:
 * 1. Shape (validateIncomingRecord): a malformed record is never stored or compared.
 * 2. Same id already stored? Equal canonical hash -> duplicate (a retried push whose answer was
 *    lost), different -> conflict (the stored record wins, unchanged; audited). This comes
 *    before the staff/role checks so a retry is still `duplicate` after, say, the author left.
 * 3. Context: pushed by its own device, author is staff of the center (or was, at the record's
 *    clinical time), sign-offs authored and signed by anesthesiologists, staff-member records
 *    authored by an admin.
 * 4. Insert, the accepted records of a batch together (store-record.ts), in a write
 *    transaction shared with the other pushes that arrived at the same time
 *    (db/group-commit.ts); the database assigns server_seq in commit order (db/write-lock.ts).
 *    A staff-member record also updates the staff table (its projection) in the same
 *    transaction, before later records are judged.
 */
import { recordLabel } from '../../../src/domain/records.ts';
import type { PushRecordResult } from '../../../src/sync/wire.ts';
import { writeAudit } from '../audit.ts';
import type { GroupWriter } from '../db/group-commit.ts';
import { shapedQuery } from '../db/query-shapes.ts';
import type { WriteTransaction } from '../db/write-lock.ts';
import { loadStaffMap } from '../staff.ts';
import type { StaffRow } from '../staff.ts';
import { applyStaffRecord } from '../staff-projection.ts';
import { validateIncomingRecord } from '../validation.ts';
import type { IncomingRecord } from '../validation.ts';
import { contentHash } from './canonical.ts';
import type { CommittedRecord } from './pull.ts';
import { contextProblem } from './record-context.ts';
import { createInsertQueue } from './store-record.ts';

/** A single clinical record is a few kB; this stops one record from being a megabyte of text. */
export const MAX_RECORD_CHARS = 64 * 1024;

export type PushDeps = {
  /** Runs the store step in the shared write transaction (db/group-commit.ts). */
  readonly write: GroupWriter;
  readonly now: Date;
  /** Test hook: runs inside the write transaction after each insert (to widen race windows). */
  readonly afterInsert?: ((recordId: string) => Promise<void>) | undefined;
  /** Told the records stored, once their transaction has committed (sync/pull.ts keeps them). */
  readonly committed?: ((records: readonly CommittedRecord[]) => void) | undefined;
};

type Prepared = {
  readonly index: number;
  readonly record: IncomingRecord;
  readonly canonical: string;
  readonly hash: string;
};

function idOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  return typeof json.id === 'string' ? json.id.slice(0, 80) : null;
}

/** `reason` is a sentence naming the record (id and kind) and the field. */
function invalid(
  index: number,
  id: string | null,
  field: string,
  reason: string,
): PushRecordResult {
  return { status: 'invalid', index, id, field, reason };
}

/** Step 1: shape and size, outside the write lock (pure CPU work). */
function prepare(index: number, json: unknown): Prepared | PushRecordResult {
  const checked = validateIncomingRecord(json);
  if (!checked.ok) return invalid(index, idOf(json), checked.field, checked.reason);
  const { canonical, hash } = contentHash(json);
  if (canonical.length > MAX_RECORD_CHARS) {
    const reason = `${recordLabel(json)} is larger than ${MAX_RECORD_CHARS} characters.`;
    return invalid(index, checked.record.id, 'record', reason);
  }
  return { index, record: checked.record, canonical, hash };
}

type Stored = { readonly hash: string; readonly seq: number };

async function storeBatch(
  trx: WriteTransaction,
  prepared: readonly Prepared[],
  deviceId: string,
  staff: Map<string, StaffRow>,
  deps: PushDeps,
): Promise<{ results: PushRecordResult[]; stored: CommittedRecord[] }> {
  const known = new Map<string, Stored>();
  const ids = [...new Set(prepared.map((p) => p.record.id))];
  if (ids.length > 0) {
    const { rows } = await trx.executeQuery(
      shapedQuery<{ id: string; content_hash: string; server_seq: number }>(
        trx,
        `records.known.${ids.length}`,
        ids,
        (slot) =>
          trx
            .selectFrom('records')
            .select(['id', 'content_hash', 'server_seq'])
            .where(
              'id',
              'in',
              ids.map((_, i) => slot(i)),
            ),
      ),
    );
    for (const row of rows) known.set(row.id, { hash: row.content_hash, seq: row.server_seq });
  }
  const receivedAt = deps.now.toISOString();
  const results: PushRecordResult[] = [];
  const stored: CommittedRecord[] = [];
  // Accepted records wait here and are inserted together, in pushed order.
  const queue = createInsertQueue<Prepared>(trx, receivedAt);
  const flush = async () => {
    for (const [{ index, record, hash, canonical }, serverSeq] of await queue.flush()) {
      if (deps.afterInsert !== undefined) await deps.afterInsert(record.id);
      known.set(record.id, { hash, seq: serverSeq });
      results.push({ status: 'accepted', index, id: record.id, serverSeq });
      stored.push({ serverSeq, receivedAt, body: canonical });
    }
  };
  for (const item of prepared) {
    const { index, record, hash } = item;
    // The same id twice in one batch: the first copy must be stored before the second is judged.
    if (queue.has(record.id)) await flush();
    const stored = known.get(record.id);
    if (stored !== undefined) {
      if (stored.hash === hash) {
        results.push({ status: 'duplicate', index, id: record.id, serverSeq: stored.seq });
        continue;
      }
      await writeAudit(trx, {
        at: deps.now,
        actor: `device:${deviceId}`,
        action: 'record-conflict',
        subject: record.id,
        detail: { storedSeq: stored.seq, storedHash: stored.hash, incomingHash: hash },
      });
      results.push({
        status: 'conflict',
        index,
        id: record.id,
        serverSeq: stored.seq,
        reason: `record ${record.id} is already stored (seq ${stored.seq}) with different content; the stored record is kept unchanged and this copy was not stored`,
      });
      continue;
    }
    const problem = contextProblem(record, deviceId, staff);
    if (problem !== null) {
      const reason = `${recordLabel(record)}: ${problem.field} ${problem.message}.`;
      results.push(invalid(index, record.id, problem.field, reason));
      continue;
    }
    queue.add(item);
    if (record.kind === 'staff-member') {
      // The staff table is the projection of these records: same transaction, in pushed order
      // (staff-projection.ts).
      await flush();
      const projected = await applyStaffRecord(trx, record, {
        now: deps.now,
        actor: `device:${deviceId}`,
      });
      // Later records of this batch (by the person just added) are judged with it.
      if (projected.applied) staff.set(projected.staff.staffId, projected.staff);
    }
  }
  await flush();
  return { results, stored };
}

/** Stores what it can of a batch; one answer per pushed record, in the pushed order. */
export async function pushRecords(
  deps: PushDeps,
  deviceId: string,
  records: readonly unknown[],
): Promise<PushRecordResult[]> {
  const checked = records.map((json, index) => prepare(index, json));
  const prepared = checked.filter((c): c is Prepared => 'record' in c);
  const batch =
    prepared.length === 0
      ? { results: [], stored: [] }
      : await deps.write(async (trx) =>
          storeBatch(trx, prepared, deviceId, await loadStaffMap(trx), deps),
        );
  // Only after the COMMIT returned (deps.write resolves then, db/group-commit.ts): a record
  // whose insert was rolled back must never be kept (PullPages.committed says why). And after
  // the answer has gone out: keeping the bytes (2.2 us a record, about 2 % of a push's CPU)
  // is no part of it; a pull that comes first reads those bodies from the database.
  const { committed } = deps;
  if (committed !== undefined && batch.stored.length > 0)
    setImmediate(() => committed(batch.stored));
  const results = [
    ...checked.filter((c): c is PushRecordResult => 'status' in c),
    ...batch.results,
  ];
  return results.sort((a, b) => a.index - b.index);
}
