/**
 * The tablet side of sync storage: what waits to be pushed (outbox), what the server has
 * confirmed, and records pulled from the server with the new cursor. Pulls are idempotent:
 * an id already stored is skipped, never overwritten (append-only), so re-pulling a page
 * after a crash or a lost response changes nothing.
 */
import Dexie from 'dexie';
import type { ClinicalRecord } from '../domain/records.ts';
import type { KitDatabase } from './database.ts';
import { invalidRecord, readOrThrow, toStorageError, type WriteResult } from './errors.ts';
import { derivedRowTables, updateDerivedRows } from './derived-rows.ts';
import { fromStorage } from './from-storage.ts';
import { validateBatch } from './records-repo.ts';

/** Opaque position in the server's record stream, as the server sent it. */
export type SyncCursor = string | number;
const PULL_CURSOR_KEY = 'pullCursor';

export type PendingRecord = {
  readonly record: ClinicalRecord;
  readonly queuedAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
};

/** Records waiting to be pushed, oldest first (at most `limit`). */
export function pendingOutbox(db: KitDatabase, limit = 500): Promise<PendingRecord[]> {
  return readOrThrow(() =>
    db.transaction('r', db.outbox, db.records, async () => {
      const rows = await db.outbox.orderBy('queuedAt').limit(limit).toArray();
      const records = await db.records.bulkGet(rows.map((r) => r.recordId));
      const pending: PendingRecord[] = [];
      rows.forEach((row, i) => {
        const record = records[i];
        if (record)
          pending.push({
            record: fromStorage([record])[0] as ClinicalRecord,
            queuedAt: row.queuedAt,
            attempts: row.attempts,
            lastError: row.lastError,
          });
      });
      return pending;
    }),
  );
}

/** Number of records waiting to be pushed (for the sync badge). */
export function outboxCount(db: KitDatabase): Promise<number> {
  return readOrThrow(() => db.outbox.count());
}

/** The server stored these records: they leave the outbox (the records themselves stay). */
export async function markSynced(
  db: KitDatabase,
  recordIds: readonly string[],
): Promise<WriteResult<number>> {
  try {
    await db.outbox.bulkDelete([...recordIds]);
    return { ok: true, value: recordIds.length };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}

/** A push failed: count the attempt and keep the reason (shown in the sync details). */
export async function markSyncFailed(
  db: KitDatabase,
  recordIds: readonly string[],
  lastError: string,
): Promise<WriteResult<number>> {
  try {
    const updated = await db.transaction('rw', db.outbox, async () => {
      const rows = (await db.outbox.bulkGet([...recordIds])).filter((r) => r !== undefined);
      await db.outbox.bulkPut(rows.map((r) => ({ ...r, attempts: r.attempts + 1, lastError })));
      return rows.length;
    });
    return { ok: true, value: updated };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}

/** The cursor of the last stored pull, or null before the first pull. */
export function getPullCursor(db: KitDatabase): Promise<SyncCursor | null> {
  return readOrThrow(
    async () =>
      ((await db.syncState.get(PULL_CURSOR_KEY))?.value as SyncCursor | undefined) ?? null,
  );
}

export type PullResult = { readonly stored: number; readonly skipped: number };

/**
 * Pulled ids that wait in the outbox leave it (the server confirmed them). Only those are
 * deleted: the outbox holds a tablet's few unsent records, and deleting every pulled id one by
 * one was a fifth of a new tablet's first sync (bench/browser/first-sync.ts).
 */
async function confirmQueued(db: KitDatabase, ids: readonly string[]): Promise<void> {
  const queued = await db.outbox.count();
  if (queued === 0) return;
  if (queued > ids.length) {
    await db.outbox.bulkDelete([...ids]);
    return;
  }
  const inOutbox = new Set(await db.outbox.toCollection().primaryKeys());
  const confirmed = ids.filter((id) => inOutbox.has(id));
  if (confirmed.length > 0) await db.outbox.bulkDelete(confirmed);
}

/**
 * The pulled records that are not stored yet, in pulled order, after adding them.
 *
 * Our own records come back from the server after every push: those are looked up first and
 * only the missing ones added, so that a pull of nothing new leaves the records table
 * untouched and the screens reading it are not woken for nothing.
 *
 * Records of other tablets are new here (the cursor moves past a record in the transaction
 * that stores it), except when pages are pulled again, e.g. after the tablet was enrolled
 * anew: they are added without a lookup, and one already stored is refused by its key and
 * left as it is. Without looking each one up first, a new tablet's first sync of 40,000
 * records takes about 10 % less time (bench/browser/first-sync.ts).
 */
async function addUnstored(
  db: KitDatabase,
  records: readonly ClinicalRecord[],
  ownDeviceId: string | null,
): Promise<ClinicalRecord[]> {
  const own = records.filter((r) => ownDeviceId === null || r.deviceId === ownDeviceId);
  const stored = new Set<string>();
  if (own.length > 0) {
    const existing = await db.records.bulkGet(own.map((r) => r.id));
    for (const [i, r] of own.entries()) if (existing[i] !== undefined) stored.add(r.id);
  }
  const candidates = records.filter((r) => !stored.has(r.id));
  if (candidates.length === 0) return [];
  try {
    await db.records.bulkAdd(candidates);
    return candidates;
  } catch (error) {
    // Only "this key is stored already" is expected; anything else fails the page.
    if (!(error instanceof Dexie.BulkError)) throw error;
    const refused = Object.entries(error.failuresByPos);
    if (refused.some(([, failure]) => failure.name !== 'ConstraintError')) throw error;
    const refusedAt = new Set(refused.map(([position]) => Number(position)));
    return candidates.filter((_, i) => !refusedAt.has(i));
  }
}

/**
 * Stores records pulled from the server and the new cursor in one transaction. Every record
 * is validated first; one invalid record (e.g. written by a newer app) refuses the whole page
 * and keeps the old cursor, so nothing is lost and the page is pulled again after an update.
 * Ids already stored are skipped (not overwritten); a pulled id still in the outbox is
 * confirmed by the server and leaves the outbox. `ownDeviceId`: this tablet's device id, or
 * null when unknown (every record is then looked up before it is added).
 */
export async function storePulledRecords(
  db: KitDatabase,
  input: readonly unknown[],
  cursor: SyncCursor,
  ownDeviceId: string | null = null,
): Promise<WriteResult<PullResult>> {
  const batch = validateBatch(input);
  if (!batch.ok) return invalidRecord(batch.error);
  const records = batch.value;
  try {
    const stored = await db.transaction(
      'rw',
      [db.records, db.outbox, db.syncState, ...derivedRowTables(db)],
      async () => {
        const fresh = await addUnstored(db, records, ownDeviceId);
        await confirmQueued(
          db,
          records.map((r) => r.id),
        );
        await db.syncState.put({ key: PULL_CURSOR_KEY, value: cursor });
        await updateDerivedRows(db, fresh, { origin: 'pulled' });
        return fresh.length;
      },
    );
    return { ok: true, value: { stored, skipped: records.length - stored } };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}
