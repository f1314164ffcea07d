/**
 * Pull: records after a cursor, in server_seq order. Safe to page through while pushes run
 * because writers commit in seq order (db/write-lock.ts). Reads take no lock.
 *
 * The answer is assembled as bytes around the stored bodies: each body is the canonical JSON of
 * a record that passed validation when it was pushed (sync/push.ts), so it already is the JSON
 * the answer must carry. Parsing every body only to serialize it again was most of a pull's
 * cost, and pulls are most of the server's work when many tablets sync at once
 * (bench/server/tablets.ts). The wire shape is unchanged (src/sync/wire.ts pullResponseSchema).
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

/** A record a push has stored, as the `records` row holds it. */
export type CommittedRecord = {
  readonly serverSeq: number;
  readonly receivedAt: string;
  /** The canonical JSON text: the row's `body`. */
  readonly body: string;
};

/**
 * The records' answer bytes, one view each into one new buffer: for each record
 * `,{"serverSeq":N,"receivedAt":"...","record":<body>}`, with the comma that separates it from
 * the one before (the first record of a page is sent without it, a view of the same bytes).
 * Encoded together so that records next to each other in a page are next to each other in
 * memory too, and go to the socket as one piece without a copy (`contiguous`).
 */
function encodeEntries(records: readonly CommittedRecord[]): Buffer[] {
  const heads = records.map(
    (r) => `,{"serverSeq":${r.serverSeq},"receivedAt":${JSON.stringify(r.receivedAt)},"record":`,
  );
  let size = 0;
  for (const [i, r] of records.entries())
    size += Buffer.byteLength(heads[i] as string) + Buffer.byteLength(r.body) + 1;
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  return records.map((r, i) => {
    const start = offset;
    offset += buffer.write(heads[i] as string, offset);
    offset += buffer.write(r.body, offset);
    offset += buffer.write('}', offset);
    return buffer.subarray(start, offset);
  });
}

/**
 * `parts` with each run of views that follow each other in one buffer joined into one view, so
 * a page goes to the socket in a few pieces (about one per push) rather than 500. Copying a
 * page's records into one buffer instead (Buffer.concat) cost as much CPU as encoding them
 * anew (115 against 116 profile samples in the tablets bench).
 */
function contiguous(parts: readonly Buffer[]): Buffer[] {
  const runs: Buffer[] = [];
  let first = parts[0];
  for (const [i, part] of parts.entries()) {
    const next = parts[i + 1];
    const end = part.byteOffset + part.length;
    if (next !== undefined && next.buffer === part.buffer && next.byteOffset === end) continue;
    const start = (first as Buffer).byteOffset;
    runs.push(Buffer.from(part.buffer, start, end - start));
    first = next;
  }
  return runs;
}

/**
 * Answer bytes of single records, by server_seq, at most `maxBytes` of them. Only a memo: which
 * records a pull returns is always asked of the database. The bytes of a seq never change once
 * committed (records are append-only, the table refuses UPDATE and DELETE), so a kept entry is
 * right for as long as it is kept.
 *
 * Dropped least recently used first, approximately ("second chance"): the oldest entry goes,
 * unless it was used since it was added or last given a chance, then it moves to the back once.
 * A use only sets a flag; moving every used entry to the back of the Map (delete + set) was
 * half of the time spent assembling a page in the tablets bench.
 */
function createEntries(maxBytes: number) {
  const entries = new Map<number, { readonly bytes: Buffer; used: boolean }>();
  let total = 0;
  return {
    has: (seq: number) => entries.has(seq),
    get(seq: number): Buffer | undefined {
      const entry = entries.get(seq);
      if (entry === undefined) return undefined;
      entry.used = true;
      return entry.bytes;
    },
    add(seq: number, bytes: Buffer): void {
      if (entries.has(seq) || bytes.length > maxBytes) return;
      entries.set(seq, { bytes, used: false });
      total += bytes.length;
      for (const [oldSeq, old] of entries) {
        if (total <= maxBytes) break;
        entries.delete(oldSeq);
        if (old.used) {
          old.used = false;
          entries.set(oldSeq, old); // visited again later in this loop, unused by then
        } else total -= old.bytes.length;
      }
    },
    stats: () => ({ count: entries.size, bytes: total }),
  };
}

/** A page's records as answer bytes, `{"serverSeq":...},{...}`, in pieces. */
type PageBody = {
  readonly records: readonly Buffer[];
  readonly byteLength: number;
  readonly next: number;
};

function answer(serverTime: string, body: PageBody, hasMore: boolean): PullPage {
  const head = Buffer.from(
    `{"protocolVersion":1,"serverTime":${JSON.stringify(serverTime)},"records":[`,
  );
  const tail = Buffer.from(`],"cursor":${body.next},"hasMore":${hasMore}}`);
  return {
    chunks: [head, ...body.records, tail],
    byteLength: head.length + body.byteLength + tail.length,
    cursor: body.next,
    hasMore,
  };
}

export type PullStats = {
  /** Full pages answered from memory / assembled. */
  readonly hits: number;
  readonly misses: number;
  /** Bytes of the full pages kept. */
  readonly bytes: number;
  /** Records of assembled pages whose bytes were kept / read from the database. */
  readonly recordHits: number;
  readonly recordReads: number;
  /** Records and bytes kept. */
  readonly records: number;
  readonly recordBytes: number;
};

export type PullPages = {
  pull(cursor: number, limit: number, serverTime: string): Promise<PullPage>;
  /**
   * Keeps the answer bytes of records a push stored. Call only after their transaction has
   * committed: a rolled-back insert's seq is handed out again to the next record in SQLite
   * (its AUTOINCREMENT counter rolls back with the insert), and its bytes would then be sent
   * for that other record.
   */
  readonly committed: (records: readonly CommittedRecord[]) => void;
  stats(): PullStats;
};

export type PullMemory = {
  /** Budget for full pages (see createPullPages). */
  readonly pageBytes?: number;
  /** Budget for single records (see createPullPages). */
  readonly recordBytes?: number;
};

/**
 * Pulls with answer bytes kept in memory, at two levels.
 *
 * Full pages: when many tablets catch up at once (after a morning offline, or 50 syncing
 * together: bench/server/tablets.ts), they ask for the same pages. A full page holds the first
 * `limit` records after `cursor` and there were more after it, so its last seq is below the
 * newest committed one. Writers commit in seq order (db/write-lock.ts), so no record can ever
 * appear between `cursor` and that last seq: the page never changes. Still worth keeping next
 * to the single records (it saves the query for the seqs): the tablets bench's server used
 * 1243-1324 ms CPU with it, 1357-1526 ms without.
 *
 * Single records: a page that is not full (the newest records, most pulls when tablets sync
 * often) can still grow and is never kept whole. Its seqs are read from the database every
 * time (so a record committed by anyone, another server on the same PostgreSQL included,
 * appears in the next pull), and only the bodies not kept are read (readPage). Reading each
 * body from SQLite and encoding it again was 13 % of the server's CPU in the tablets bench;
 * assembling a page now takes a quarter of the JavaScript time (50 profile samples, from 210).
 * Records are kept when a push commits them (`committed`) and when a pull reads them for a
 * page that is not full. Kept only from pulls, each new record was read once on SQLite but
 * 24-28 times on PostgreSQL (concurrent pulls read the same range), and the server used
 * 25-100 % more CPU there.
 */
export function createPullPages(db: CenterDb, memory: PullMemory = {}): PullPages {
  const maxPageBytes = memory.pageBytes ?? 32 * 1024 * 1024;
  const pages = new Map<string, PageBody>();
  // 64 MiB: about 100,000 records of the bench's size (670 bytes an entry), years of a center
  // (a 10-year center of 500 patients has about 300,000 records): the records tablets pull
  // again and again, the newest, stay. Small next to the server's peak RSS of 214 MiB with 50
  // tablets (bench/server/tablets.ts). Entries are counted by their own length; one dropped
  // while others encoded with it are kept stays in memory until they are dropped too.
  const entries = createEntries(memory.recordBytes ?? 64 * 1024 * 1024);
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let recordHits = 0;
  let recordReads = 0;

  const seqs = () => db.reader.selectFrom('records').select('server_seq as serverSeq');
  const withBodies = () =>
    db.reader
      .selectFrom('records')
      .select(['server_seq as serverSeq', 'received_at as receivedAt', 'body']);

  /** The records after `cursor` as answer bytes, bodies read only for seqs not kept. */
  async function readPage(cursor: number, limit: number) {
    // Kept are mostly the newest records (kept when pushed), which tablets that sync often ask
    // for: then the seqs are read first, and only the bodies not kept. When the record after
    // the cursor is not kept, most likely none of the page is (a tablet catching up on old
    // records): it is read whole, in one query. Reading the seqs first cost 0.7 ms more a page
    // of 500 there, 70 % more than reading it whole (SQLite walks the same table pages).
    const whole = !entries.has(cursor + 1);
    const query = whole ? withBodies() : seqs();
    const rows = await query
      .where('server_seq', '>', cursor)
      .orderBy('server_seq')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const found = page.map((row) => entries.get(row.serverSeq));
    let missing: CommittedRecord[] = [];
    if (whole) missing = (page as CommittedRecord[]).filter((_, i) => found[i] === undefined);
    else {
      const first = found.indexOf(undefined);
      const last = found.lastIndexOf(undefined);
      // One range, not an IN list: one SQL text stays prepared (db/open.ts), and the records
      // not kept are almost always one run. Nothing can appear in or vanish from a range of
      // committed seqs (db/write-lock.ts, append-only): these are the page's records from
      // `first` to `last` (checked below).
      if (first !== -1) {
        const range = await withBodies()
          .where('server_seq', '>=', page[first]?.serverSeq ?? 0)
          .where('server_seq', '<=', page[last]?.serverSeq ?? 0)
          .orderBy('server_seq')
          .execute();
        missing = range.filter((_, i) => found[first + i] === undefined);
      }
    }
    const read = encodeEntries(missing);
    // What is read for a full page is not kept record by record: the page is kept whole
    // (`pages`). Keeping its records too made a tablet's catch-up on 100,000 records cost
    // 12 % more CPU (pages of 500, in process), and would push out the newest records.
    const keep = rows.length <= limit;
    let next = 0;
    for (const [i, { serverSeq: seq }] of page.entries()) {
      if (found[i] !== undefined) continue;
      const entry = read[next];
      if (entry === undefined || missing[next]?.serverSeq !== seq)
        throw new Error('pull: records changed while a page was read');
      next += 1;
      found[i] = entry;
      if (keep) entries.add(seq, entry);
    }
    recordReads += missing.length;
    const parts = found as Buffer[];
    recordHits += parts.length;
    let byteLength = 0;
    for (const part of parts) byteLength += part.length;
    if (parts[0] !== undefined) {
      parts[0] = parts[0].subarray(1); // no comma before the first record
      byteLength -= 1;
    }
    return {
      records: contiguous(parts),
      byteLength,
      next: page.at(-1)?.serverSeq ?? cursor,
      hasMore: rows.length > limit,
    };
  }

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
      const page = await readPage(cursor, limit);
      // Not when a concurrent pull of the same page (PostgreSQL reads overlap) kept it first.
      if (page.hasMore && page.byteLength <= maxPageBytes && !pages.has(key)) {
        pages.set(key, page);
        bytes += page.byteLength;
        for (const [oldKey, old] of pages) {
          if (bytes <= maxPageBytes) break;
          pages.delete(oldKey);
          bytes -= old.byteLength;
        }
      }
      return answer(serverTime, page, page.hasMore);
    },
    committed(records) {
      const encoded = encodeEntries(records);
      for (const [i, { serverSeq }] of records.entries())
        entries.add(serverSeq, encoded[i] as Buffer);
    },
    stats: () => {
      const kept = entries.stats();
      return {
        hits,
        misses,
        bytes,
        recordHits: recordHits - recordReads,
        recordReads,
        records: kept.count,
        recordBytes: kept.bytes,
      };
    },
  };
}
