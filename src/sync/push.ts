/**
 * Push: send the outbox in batches of at most MAX_PUSH_RECORDS and act on the server's answer
 * for each record. A record leaves the outbox only on `accepted` or `duplicate` (the server
 * holds exactly this content); `conflict` and `invalid` park it for a person (queue.ts); a
 * record the server did not answer for stays queued. HTTP 413 splits the batch in halves.
 */
import { withSortedKeys } from './canonical-json.ts';
import type { KitDatabase } from '../db/database.ts';
import { markSynced, markSyncFailed } from '../db/sync-repo.ts';
import { outboxBatch, parkRecords } from './queue.ts';
import type { SyncIssue } from './status.ts';
import type { Failure, Transport } from './transport.ts';
import { MAX_PUSH_RECORDS, type PushRecordResult } from './wire.ts';

export type PushTally = { readonly synced: number; readonly parked: number };
export type PushRun =
  | ({ readonly ok: true } & PushTally)
  | ({ readonly ok: false; readonly failure: Failure | StorageFailure } & PushTally);
export type StorageFailure = { readonly kind: 'storage'; readonly detail: string };

type Json = Record<string, unknown>;

const idOf = (record: Json): string => String(record.id);
const kindOf = (record: Json): string => (typeof record.kind === 'string' ? record.kind : 'record');

/** Words kept on each still-queued record (`lastError`), for the sync details. */
function describe(failure: Failure): string {
  return failure.kind === 'retryable' || failure.kind === 'auth'
    ? failure.detail
    : 'the batch was too large';
}

function issueFrom(record: Json, result: PushRecordResult, at: string): SyncIssue | null {
  const base = { recordId: idOf(record), recordKind: kindOf(record), at };
  if (result.status === 'conflict')
    return {
      ...base,
      status: 'conflict',
      field: null,
      reason: result.reason,
      serverSeq: result.serverSeq,
    };
  if (result.status === 'invalid')
    return {
      ...base,
      status: 'invalid',
      field: result.field,
      reason: result.reason,
      serverSeq: null,
    };
  return null;
}

async function applyAnswer(
  db: KitDatabase,
  records: readonly Json[],
  results: readonly PushRecordResult[],
  nowIso: () => string,
): Promise<PushTally & { readonly storageError: string | null }> {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const synced: string[] = [];
  const issues: SyncIssue[] = [];
  const unanswered: string[] = [];
  const at = nowIso();
  records.forEach((record, index) => {
    const result = byIndex.get(index);
    // An answer naming another id is not an answer for this record.
    if (result === undefined || (result.id !== null && result.id !== idOf(record))) {
      unanswered.push(idOf(record));
    } else if (result.status === 'accepted' || result.status === 'duplicate') {
      synced.push(idOf(record));
    } else {
      const issue = issueFrom(record, result, at);
      if (issue !== null) issues.push(issue);
    }
  });
  const marked = await markSynced(db, synced);
  if (!marked.ok) return { synced: 0, parked: 0, storageError: marked.error.message };
  try {
    await parkRecords(db, issues);
  } catch (error) {
    return { synced: synced.length, parked: 0, storageError: String(error) };
  }
  if (unanswered.length > 0)
    await markSyncFailed(
      db,
      unanswered,
      'The center did not answer for this record; it will be sent again.',
    );
  return { synced: synced.length, parked: issues.length, storageError: null };
}

type BatchRun =
  | ({ readonly ok: true } & PushTally)
  | ({ readonly ok: false; readonly failure: Failure | StorageFailure } & PushTally);

async function pushBatch(
  db: KitDatabase,
  transport: Transport,
  records: readonly Json[],
  nowIso: () => string,
): Promise<BatchRun> {
  // Keys in sorted order: the server then hashes the text as sent instead of re-sorting it
  // (src/sync/canonical-json.ts). Same content either way.
  const answer = await transport.push(records.map(withSortedKeys));
  if (answer.kind === 'too-large') {
    if (records.length === 1) {
      const [record] = records as [Json];
      await parkRecords(db, [
        {
          recordId: idOf(record),
          recordKind: kindOf(record),
          status: 'invalid',
          field: 'record',
          reason: `${kindOf(record)} record ${idOf(record)} is too large for the center to accept.`,
          at: nowIso(),
          serverSeq: null,
        },
      ]);
      return { ok: true, synced: 0, parked: 1 };
    }
    const half = Math.ceil(records.length / 2);
    const first = await pushBatch(db, transport, records.slice(0, half), nowIso);
    if (!first.ok) return first;
    const second = await pushBatch(db, transport, records.slice(half), nowIso);
    return {
      ...second,
      synced: first.synced + second.synced,
      parked: first.parked + second.parked,
    };
  }
  if (answer.kind !== 'ok') {
    await markSyncFailed(db, records.map(idOf), describe(answer));
    return { ok: false, failure: answer, synced: 0, parked: 0 };
  }
  const applied = await applyAnswer(db, records, answer.body.results, nowIso);
  if (applied.storageError !== null)
    return { ok: false, failure: { kind: 'storage', detail: applied.storageError }, ...applied };
  return { ok: true, synced: applied.synced, parked: applied.parked };
}

/**
 * Pushes until the outbox is empty or a batch fails. Stops (instead of looping) when a batch
 * makes no progress, e.g. a server that answers for none of the records.
 */
export async function pushOutbox(
  db: KitDatabase,
  transport: Transport,
  nowIso: () => string,
): Promise<PushRun> {
  let synced = 0;
  let parked = 0;
  for (;;) {
    const batch = await outboxBatch(db, MAX_PUSH_RECORDS);
    if (batch.missing.length > 0) {
      await parkRecords(
        db,
        batch.missing.map((row) => ({
          recordId: row.recordId,
          recordKind: 'record',
          status: 'invalid' as const,
          field: null,
          reason: `Record ${row.recordId} is queued but not stored on this tablet; it cannot be sent.`,
          at: nowIso(),
          serverSeq: null,
        })),
      );
      parked += batch.missing.length;
    }
    if (batch.records.length === 0) return { ok: true, synced, parked };
    const run = await pushBatch(db, transport, batch.records, nowIso);
    synced += run.synced;
    parked += run.parked;
    if (!run.ok) return { ...run, synced, parked };
    if (run.synced + run.parked === 0) {
      return {
        ok: false,
        failure: {
          kind: 'retryable',
          code: 'unreadable-answer',
          detail: 'the center answered for none of the records sent',
        },
        synced,
        parked,
      };
    }
  }
}
