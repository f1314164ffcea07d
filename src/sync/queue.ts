/**
 * The tablet's push queue as the sync client sees it, on top of src/db's outbox:
 * - `outboxBatch` reads records exactly as stored (not upgraded on read like `pendingOutbox`):
 *   a retried push must carry the same content as the first try, or an app update between the
 *   two would turn "duplicate" into "conflict".
 * - Records the server will not take as they are (conflict, invalid) are *parked*: moved out of
 *   the outbox into a listed issue in one transaction, so they are neither retried forever nor
 *   dropped. The record itself never moves: it stays in `records` like any other.
 * Issues live in the `syncState` key-value table under `sync-issue:<record id>`.
 */
import type { KitDatabase, OutboxRow } from '../db/database.ts';
import { readOrThrow } from '../db/errors.ts';
import type { SyncIssue } from './status.ts';

const ISSUE_PREFIX = 'sync-issue:';
const LAST_SYNC_KEY = 'lastSuccessfulSyncAt';

export type OutboxBatch = {
  /** Stored records, oldest queued first, as plain JSON objects. */
  readonly records: readonly Record<string, unknown>[];
  /** Outbox rows whose record is not on the tablet (should not happen: same transaction). */
  readonly missing: readonly OutboxRow[];
};

export function outboxBatch(db: KitDatabase, limit: number): Promise<OutboxBatch> {
  return readOrThrow(() =>
    db.transaction('r', db.outbox, db.records, async () => {
      const rows = await db.outbox.orderBy('queuedAt').limit(limit).toArray();
      const stored = await db.records.bulkGet(rows.map((r) => r.recordId));
      const records: Record<string, unknown>[] = [];
      const missing: OutboxRow[] = [];
      rows.forEach((row, i) => {
        const record = stored[i];
        if (record === undefined) missing.push(row);
        else records.push(record);
      });
      return { records, missing };
    }),
  );
}

/** Moves records from the outbox to the issue list, in one transaction. */
export async function parkRecords(db: KitDatabase, issues: readonly SyncIssue[]): Promise<void> {
  if (issues.length === 0) return;
  await db.transaction('rw', db.outbox, db.syncState, async () => {
    await db.outbox.bulkDelete(issues.map((i) => i.recordId));
    await db.syncState.bulkPut(issues.map((i) => ({ key: ISSUE_PREFIX + i.recordId, value: i })));
  });
}

function isIssue(value: unknown): value is SyncIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SyncIssue>;
  return typeof v.recordId === 'string' && (v.status === 'conflict' || v.status === 'invalid');
}

/** Every listed issue, oldest first. */
export function listIssues(db: KitDatabase): Promise<SyncIssue[]> {
  return readOrThrow(async () => {
    const rows = await db.syncState.where('key').startsWith(ISSUE_PREFIX).toArray();
    return rows
      .map((r) => r.value)
      .filter(isIssue)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.recordId < b.recordId ? -1 : 1));
  });
}

/**
 * Puts parked records back in the outbox (a person fixed the cause, e.g. added the author as
 * staff on the server) and removes their issues, in one transaction. Returns how many.
 */
export async function requeueIssues(
  db: KitDatabase,
  recordIds: readonly string[],
  nowIso: string,
): Promise<number> {
  return db.transaction('rw', db.outbox, db.syncState, db.records, async () => {
    const keys = recordIds.map((id) => ISSUE_PREFIX + id);
    const rows = (await db.syncState.bulkGet(keys)).filter((r) => r !== undefined);
    const ids = rows
      .map((r) => r.value)
      .filter(isIssue)
      .map((i) => i.recordId);
    const present = (await db.records.bulkGet(ids)).filter((r) => r !== undefined);
    await db.outbox.bulkPut(
      present.map((r) => ({ recordId: r.id, queuedAt: nowIso, attempts: 0, lastError: null })),
    );
    await db.syncState.bulkDelete(ids.map((id) => ISSUE_PREFIX + id));
    return present.length;
  });
}

export function getLastSuccessfulSync(db: KitDatabase): Promise<string | null> {
  return readOrThrow(async () => {
    const value = (await db.syncState.get(LAST_SYNC_KEY))?.value;
    return typeof value === 'string' ? value : null;
  });
}

export async function setLastSuccessfulSync(db: KitDatabase, iso: string): Promise<void> {
  await db.syncState.put({ key: LAST_SYNC_KEY, value: iso });
}

export type QueueSnapshot = {
  readonly pendingCount: number;
  readonly issues: readonly SyncIssue[];
  readonly lastSuccessfulSyncAt: string | null;
};

/**
 * What the status shows from storage (shared by every tab of the tablet). Plain reads, no
 * explicit transaction: inside liveQuery Dexie runs them in its own read transaction.
 */
export async function queueSnapshot(db: KitDatabase): Promise<QueueSnapshot> {
  const [pendingCount, issues, lastSuccessfulSyncAt] = await Promise.all([
    readOrThrow(() => db.outbox.count()),
    listIssues(db),
    getLastSuccessfulSync(db),
  ]);
  return { pendingCount, issues, lastSuccessfulSyncAt };
}
