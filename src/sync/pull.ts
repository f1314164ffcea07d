/**
 * Pull: page through the server's records after our cursor (the server's sequence number,
 * never a device clock: tablet clocks disagree, sequence numbers do not). Each page and its
 * new cursor are stored in ONE transaction (storePulledRecords), so a tab closed mid-page
 * leaves both as they were and the page is simply pulled again.
 *
 * Before storing, a pulled id that is still in our outbox with *different* content is parked
 * as a conflict: storePulledRecords treats a pulled id as "the server confirmed it" and would
 * otherwise clear it from the outbox without anyone seeing the difference.
 */
import type { KitDatabase } from '../db/database.ts';
import { getPullCursor, storePulledRecords } from '../db/sync-repo.ts';
import { sameContent } from './canonical-json.ts';
import { parkRecords } from './queue.ts';
import type { SyncIssue } from './status.ts';
import type { Failure, Transport } from './transport.ts';
import type { PulledRecord } from './wire.ts';

export type PullFailure =
  | Failure
  | { readonly kind: 'storage'; readonly detail: string }
  | { readonly kind: 'app-update-needed'; readonly detail: string };

export type PullRun =
  | { readonly ok: true; readonly stored: number; readonly pages: number }
  | { readonly ok: false; readonly failure: PullFailure; readonly stored: number };

/** A safety stop for a server that keeps saying hasMore: the next sync continues from the cursor. */
export const MAX_PULL_PAGES_PER_SYNC = 1000;

function cursorNumber(value: string | number | null): number {
  const n = typeof value === 'string' ? Number(value) : (value ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

async function parkDivergent(
  db: KitDatabase,
  pulled: readonly PulledRecord[],
  nowIso: () => string,
): Promise<void> {
  // Nothing waits to be sent (a new tablet's first sync, most pulls): no lookup of 500 ids.
  if ((await db.outbox.count()) === 0) return;
  const ids = pulled.map((p) => String(p.record.id));
  const queued = await db.outbox.bulkGet(ids);
  const candidates = pulled.filter((_, i) => queued[i] !== undefined);
  if (candidates.length === 0) return;
  const local = await db.records.bulkGet(candidates.map((p) => String(p.record.id)));
  const issues: SyncIssue[] = [];
  candidates.forEach((p, i) => {
    const mine = local[i];
    if (mine === undefined || sameContent(mine, p.record)) return;
    issues.push({
      recordId: mine.id,
      recordKind: mine.kind,
      status: 'conflict',
      field: null,
      reason: `The center already holds record ${mine.id} (seq ${p.serverSeq}) with different content; the center's copy is kept and this tablet's copy was not sent.`,
      at: nowIso(),
      serverSeq: p.serverSeq,
    });
  });
  await parkRecords(db, issues);
}

/** `ownDeviceId`: this tablet's device id (storePulledRecords looks up only its records first). */
export async function pullAll(
  db: KitDatabase,
  transport: Transport,
  nowIso: () => string,
  limit?: number,
  ownDeviceId: string | null = null,
): Promise<PullRun> {
  let cursor = cursorNumber(await getPullCursor(db));
  let stored = 0;
  for (let pages = 1; pages <= MAX_PULL_PAGES_PER_SYNC; pages += 1) {
    const answer = await transport.pull(cursor, limit);
    if (answer.kind !== 'ok') return { ok: false, failure: answer, stored };
    const page = answer.body;
    if (page.hasMore && page.cursor <= cursor) {
      const detail = `the center said there is more after ${cursor} but did not move on`;
      return {
        ok: false,
        failure: { kind: 'retryable', code: 'unreadable-answer', detail },
        stored,
      };
    }
    await parkDivergent(db, page.records, nowIso);
    const result = await storePulledRecords(
      db,
      page.records.map((r) => r.record),
      page.cursor,
      ownDeviceId,
    );
    if (!result.ok) {
      const failure: PullFailure =
        result.error.type === 'invalid-record'
          ? { kind: 'app-update-needed', detail: result.error.message }
          : { kind: 'storage', detail: result.error.message };
      return { ok: false, failure, stored };
    }
    stored += result.value.stored;
    cursor = page.cursor;
    if (!page.hasMore) return { ok: true, stored, pages };
  }
  return { ok: true, stored, pages: MAX_PULL_PAGES_PER_SYNC };
}
