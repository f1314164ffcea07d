/**
 * Pull: records after a cursor, in server_seq order. Safe to page through while pushes run
 * because writers commit in seq order (db/write-lock.ts). Reads take no lock.
 *
 * The answer is assembled as bytes around the stored bodies: each body is the canonical JSON of
 * a record that passed validation when it was pushed (sync/push.ts), so it already is the JSON
 * the answer must carry. Parsing every body only to serialize it again was most of a pull's
 * cost, and pulls are most of the server's work when many tablets sync at once
 * (bench/server/tablets.ts). The pieces are written straight into one buffer: 0.8 ms for a page
 * of 500 records, where one long concatenated string cost 2.1 ms (flattening it, then encoding
 * it) and reading the bodies as blobs 1.3 ms (bench/server/pull.ts measures the whole pull).
 * The wire shape is unchanged (src/sync/wire.ts pullResponseSchema).
 */
import type { CenterDb } from '../db/types.ts';

export type PullPage = {
  /**
   * `{"protocolVersion":1,...}`: the whole answer, UTF-8 JSON, in pieces that are written to
   * the socket one after the other. Not joined into one buffer: the records part of a page
   * is a few hundred kB, and copying it into every answer was a tenth of the server's CPU
   * when 50 tablets pulled at once (bench/server/tablets.ts).
   */
  readonly chunks: readonly Buffer[];
  /** Total bytes of `chunks` (the Content-Length). */
  readonly byteLength: number;
  readonly cursor: number;
  readonly hasMore: boolean;
};

/** UTF-8 bytes of `parts`, joined, written into one buffer of the exact size. */
function joinUtf8(parts: readonly string[]): Buffer {
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part);
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const part of parts) offset += buffer.write(part, offset);
  return buffer;
}

/** A full page's records, as answer bytes: `{"serverSeq":...},{...}`. */
type PageBody = { readonly records: Buffer; readonly next: number };

async function readPage(
  db: CenterDb,
  cursor: number,
  limit: number,
): Promise<PageBody & { readonly hasMore: boolean }> {
  const rows = await db.reader
    .selectFrom('records')
    .select(['server_seq', 'received_at', 'body'])
    .where('server_seq', '>', cursor)
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const parts: string[] = [];
  for (const [i, row] of page.entries()) {
    parts.push(
      `${i > 0 ? ',' : ''}{"serverSeq":${row.server_seq},"receivedAt":${JSON.stringify(row.received_at)},"record":`,
      row.body,
      '}',
    );
  }
  return {
    records: joinUtf8(parts),
    next: page.at(-1)?.server_seq ?? cursor,
    hasMore: rows.length > limit,
  };
}

function answer(serverTime: string, body: PageBody, hasMore: boolean): PullPage {
  const head = Buffer.from(
    `{"protocolVersion":1,"serverTime":${JSON.stringify(serverTime)},"records":[`,
  );
  const tail = Buffer.from(`],"cursor":${body.next},"hasMore":${hasMore}}`);
  return {
    chunks: [head, body.records, tail],
    byteLength: head.length + body.records.length + tail.length,
    cursor: body.next,
    hasMore,
  };
}

export type PullPages = {
  pull(cursor: number, limit: number, serverTime: string): Promise<PullPage>;
  /** Pages answered from memory and from the database, since start. */
  stats(): { readonly hits: number; readonly misses: number; readonly bytes: number };
};

/**
 * Pulls with full pages kept in memory. When many tablets catch up at once (after a morning
 * offline, or 50 syncing together: bench/server/tablets.ts), they ask for the same pages, and
 * reading and assembling 500 records was most of a pull's cost.
 *
 * Why a full page can be kept: it holds the first `limit` records after `cursor` and there
 * were more after it, so its last seq is below the newest committed one. Writers commit in seq
 * order (db/write-lock.ts), so no record can ever appear between `cursor` and that last seq:
 * the page never changes. A page that is not full (the newest records) can still grow and is
 * always read fresh. Kept least recently used first, up to `maxBytes`.
 */
export function createPullPages(db: CenterDb, maxBytes = 32 * 1024 * 1024): PullPages {
  const pages = new Map<string, PageBody>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  return {
    async pull(cursor, limit, serverTime) {
      const key = `${cursor}:${limit}`;
      const kept = pages.get(key);
      if (kept !== undefined) {
        hits += 1;
        pages.delete(key);
        pages.set(key, kept);
        return answer(serverTime, kept, true);
      }
      misses += 1;
      const page = await readPage(db, cursor, limit);
      // Not when a concurrent pull of the same page (PostgreSQL reads overlap) kept it first.
      if (page.hasMore && page.records.length <= maxBytes && !pages.has(key)) {
        pages.set(key, { records: page.records, next: page.next });
        bytes += page.records.length;
        for (const [oldKey, old] of pages) {
          if (bytes <= maxBytes) break;
          pages.delete(oldKey);
          bytes -= old.records.length;
        }
      }
      return answer(serverTime, page, page.hasMore);
    },
    stats: () => ({ hits, misses, bytes }),
  };
}
