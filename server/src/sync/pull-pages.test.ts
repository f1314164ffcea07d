// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import { pullResponseSchema } from '../../../src/sync/wire.ts';
import { createGroupWriter } from '../db/group-commit.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { CenterDb } from '../db/types.ts';
import { createWriteSerializer, type WriteSerializer } from '../db/write-lock.ts';
import { TEST_DIALECTS, type TestDatabase } from '../test-support/databases.ts';
import { latestSeq, startTestServer, withStaff, type TestServer } from '../test-support/harness.ts';
import { makeRecord } from '../test-support/records.ts';
import { contentHash } from './canonical.ts';
import { createPullPages, type CommittedRecord, type PullPage, type PullPages } from './pull.ts';
import { pushRecords } from './push.ts';
import { insertRecords } from './store-record.ts';

const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-01T10:05:00.000Z';

describe.each(TEST_DIALECTS)('pull pages kept in memory ($name)', (dialect) => {
  let test: TestDatabase;
  const serialize = createWriteSerializer();
  const store = (count: number) =>
    serialize(test.db, (trx) =>
      insertRecords(
        trx,
        Array.from({ length: count }, () => {
          const record = makeRecord('tablet-a') as unknown as ClinicalRecord;
          return { record, ...contentHash(record) };
        }),
        T1,
      ),
    );
  const parse = (page: PullPage) =>
    pullResponseSchema.parse(JSON.parse(Buffer.concat(page.chunks).toString('utf8')));

  beforeEach(async () => {
    test = await dialect.open();
    await migrateToLatest(test.db);
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('answers a full page again from memory, the same records with a fresh server time', async () => {
    const seqs = await store(5);
    const pages = createPullPages(test.db);
    const first = parse(await pages.pull(0, 2, T1));
    const again = parse(await pages.pull(0, 2, T2));
    expect(pages.stats()).toMatchObject({ hits: 1, misses: 1 });
    expect(first.records.map((r) => r.serverSeq)).toEqual(seqs.slice(0, 2));
    expect(again).toEqual({ ...first, serverTime: T2 });
    expect(again.hasMore).toBe(true);
  });

  it('never keeps the newest page, which can still grow', async () => {
    const seqs = await store(3);
    const pages = createPullPages(test.db);
    const cursor = seqs[1] ?? 0;
    expect(parse(await pages.pull(cursor, 2, T1)).records).toHaveLength(1);
    const more = await store(2);
    const grown = parse(await pages.pull(cursor, 2, T2));
    expect(grown.records.map((r) => r.serverSeq)).toEqual([seqs[2], more[0]]);
    expect(pages.stats().hits).toBe(0);
  });

  it('keeps at most maxBytes, dropping the least recently used page', async () => {
    await store(8);
    const probe = createPullPages(test.db);
    const pageBytes = (await probe.pull(0, 2, T1)).byteLength;
    const pages = createPullPages(test.db, { pageBytes: pageBytes * 2 });
    for (const cursor of [0, 2, 4]) await pages.pull(cursor, 2, T1);
    expect(pages.stats().bytes).toBeLessThanOrEqual(pageBytes * 2);
    await pages.pull(0, 2, T1); // dropped: read again
    expect(pages.stats()).toMatchObject({ hits: 0, misses: 4 });
    await pages.pull(4, 2, T1); // kept
    expect(pages.stats().hits).toBe(1);
  });

  it('counts a page once when two pulls read it at the same time', async () => {
    await store(4);
    const pages = createPullPages(test.db);
    const [a, b] = await Promise.all([pages.pull(0, 2, T1), pages.pull(0, 2, T1)]);
    expect(Buffer.concat(a.chunks).equals(Buffer.concat(b.chunks))).toBe(true);
    const size = (await pages.pull(0, 2, T1)).byteLength;
    expect(pages.stats().bytes).toBeLessThan(size);
  });
});

/**
 * The answer as the server sent it before record bytes were kept (and as it must stay), built
 * here straight from the rows: the reference every answer is compared with, byte for byte.
 */
async function answerFromRows(db: CenterDb, cursor: number, limit: number, serverTime: string) {
  const rows = await db.kysely
    .selectFrom('records')
    .select(['server_seq', 'received_at', 'body'])
    .where('server_seq', '>', cursor)
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const records = page
    .map(
      (r) =>
        `{"serverSeq":${r.server_seq},"receivedAt":${JSON.stringify(r.received_at)},"record":${r.body}}`,
    )
    .join(',');
  const next = page.at(-1)?.server_seq ?? cursor;
  return Buffer.from(
    `{"protocolVersion":1,"serverTime":${JSON.stringify(serverTime)},"records":[${records}],"cursor":${next},"hasMore":${rows.length > limit}}`,
  );
}

const bytesOf = (page: PullPage) => {
  const bytes = Buffer.concat(page.chunks);
  expect(bytes.length).toBe(page.byteLength);
  return bytes;
};

describe.each(TEST_DIALECTS)('pull answers from kept record bytes ($name)', (dialect) => {
  let test: TestDatabase;
  const serialize = createWriteSerializer();
  /** Stores `count` records straight through the database; returns them as committed. */
  const store = async (count: number, receivedAt = T1): Promise<CommittedRecord[]> => {
    const items = Array.from({ length: count }, (_, i) => {
      // Text beyond ASCII (2-, 3- and 4-byte UTF-8, an escaped lone surrogate) in some bodies.
      const note = i % 3 === 0 ? `café ☕ 𝄞 ${'\ud800'} ${i}` : `plain ${i}`;
      const record = { ...makeRecord('tablet-a'), note } as unknown as ClinicalRecord;
      return { record, ...contentHash(record) };
    });
    const seqs = await serialize(test.db, (trx) => insertRecords(trx, items, receivedAt));
    return items.map((item, i) => ({
      serverSeq: seqs[i] as number,
      receivedAt,
      body: item.canonical,
    }));
  };
  /** Every page from `from`, `limit` at a time, checked byte for byte against the rows. */
  const pullAllChecked = async (pages: PullPages, from: number, limit: number) => {
    let cursor = from;
    const seqs: number[] = [];
    for (;;) {
      const page = await pages.pull(cursor, limit, T2);
      expect(bytesOf(page).equals(await answerFromRows(test.db, cursor, limit, T2))).toBe(true);
      const parsed = pullResponseSchema.parse(JSON.parse(bytesOf(page).toString('utf8')));
      seqs.push(...parsed.records.map((r) => r.serverSeq));
      cursor = page.cursor;
      if (!page.hasMore) return seqs;
    }
  };

  beforeEach(async () => {
    test = await dialect.open();
    await migrateToLatest(test.db);
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('answers byte for byte what the rows hold, whether the bytes were kept at push, at a pull or not at all', async () => {
    const pushed = await store(7);
    const later = await store(6, T2);
    const pages = createPullPages(test.db, { pageBytes: 0 }); // every page assembled
    const none = createPullPages(test.db, { pageBytes: 0, recordBytes: 0 }); // nothing kept
    pages.committed(pushed);
    for (const limit of [1, 3, 5, 500]) {
      for (const cursor of [0, pushed[2]?.serverSeq ?? 0, later[3]?.serverSeq ?? 0]) {
        const kept = bytesOf(await pages.pull(cursor, limit, T1));
        expect(kept.equals(await answerFromRows(test.db, cursor, limit, T1))).toBe(true);
        expect(kept.equals(bytesOf(await none.pull(cursor, limit, T1)))).toBe(true);
      }
    }
    expect(pages.stats()).toMatchObject({ records: 13 });
    expect(pages.stats().recordHits).toBeGreaterThan(pages.stats().recordReads);
    expect(none.stats()).toMatchObject({ records: 0, recordHits: 0 });
  });

  it('pages over kept and not kept records mixed: reads only the bodies it lacks', async () => {
    const records = await store(10);
    const pages = createPullPages(test.db, { pageBytes: 0 });
    // Pages of 4: [0 kept, 1, 2 kept, 3] (seqs first, then the range 1-3 of which 2 is kept),
    // [4, 5 kept, 6 kept, 7] and [8, 9] (read whole: the record after the cursor is not kept).
    // What is read for a full page is not kept (the page is); for the last one it is.
    pages.committed(records.filter((_, i) => [0, 2, 5, 6].includes(i)));
    const seqs = await pullAllChecked(pages, 0, 4);
    expect(seqs).toEqual(records.map((r) => r.serverSeq));
    expect(pages.stats()).toMatchObject({ recordHits: 4, recordReads: 6, records: 6 });
    await pullAllChecked(pages, 0, 4);
    expect(pages.stats()).toMatchObject({ recordHits: 10, recordReads: 10, records: 6 });
  });

  it('still pulls a record another writer committed, which this server never kept', async () => {
    const mine = await store(3);
    const pages = createPullPages(test.db);
    pages.committed(mine);
    const cursor = mine[0]?.serverSeq ?? 0;
    expect(await pullAllChecked(pages, cursor, 5)).toEqual(mine.slice(1).map((r) => r.serverSeq));
    const theirs = await store(2); // another server on the same database, an import script
    expect(await pullAllChecked(pages, cursor, 5)).toEqual(
      [...mine.slice(1), ...theirs].map((r) => r.serverSeq),
    );
    expect(pages.stats().recordReads).toBe(2);
  });

  it('keeps at most recordBytes, dropping first what was used least recently', async () => {
    const records = await store(6);
    const sizes = records.map((record) => {
      const probe = createPullPages(test.db);
      probe.committed([record]);
      return probe.stats().recordBytes;
    });
    const [s0 = 0, , s2 = 0, s3 = 0] = sizes;
    const budget = s0 + s2 + s3; // the first, third and fourth fit
    const pages = createPullPages(test.db, { pageBytes: 0, recordBytes: budget });
    pages.committed(records.slice(0, 3));
    await pages.pull(0, 1, T1); // uses the first
    pages.committed(records.slice(3, 4)); // one too many: the second goes, not the first
    expect(pages.stats()).toMatchObject({ records: 3, recordBytes: budget, recordReads: 0 });
    await pages.pull(0, 1, T1);
    expect(pages.stats()).toMatchObject({ recordHits: 2, recordReads: 0 }); // the first: kept
    await pages.pull(records[0]?.serverSeq ?? 0, 3, T1);
    expect(pages.stats()).toMatchObject({ recordHits: 4, recordReads: 1 }); // the second: read
    pages.committed(records.slice(4)); // more than fit
    expect(pages.stats().records).toBeLessThan(6);
    expect(pages.stats().recordBytes).toBeLessThanOrEqual(budget);
    expect(await pullAllChecked(pages, 0, 6)).toEqual(records.map((r) => r.serverSeq));
  });
});

describe.each(TEST_DIALECTS)('push keeps record bytes only once committed ($name)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect);
    await withStaff(server);
  });
  afterEach(async () => server.close());

  const writer = (serializer: WriteSerializer) => createGroupWriter(server.db, serializer);
  const failingCommit: WriteSerializer = (db, work) =>
    createWriteSerializer()(db, async (trx) => {
      await work(trx);
      throw new Error('commit failed');
    });

  it('keeps what a push stored; nothing of a push whose transaction failed, even when its seq is used again', async () => {
    const pages = createPullPages(server.db, { pageBytes: 0 });
    const now = new Date(T1);
    const from = await latestSeq(server);
    const push = (serializer: WriteSerializer, record: unknown) =>
      pushRecords({ write: writer(serializer), now, committed: pages.committed }, 'tablet-a', [
        record,
      ]);
    // The bytes are kept after the answer, a turn of the event loop later.
    const answered = () => new Promise((resolve) => setImmediate(resolve));
    await expect(push(failingCommit, makeRecord('tablet-a'))).rejects.toThrow('commit failed');
    await answered();
    expect(pages.stats().records).toBe(0);
    // SQLite gives the next record the seq the rolled-back one had: its bytes must not be sent.
    const [accepted] = await push(createWriteSerializer(), makeRecord('tablet-a'));
    expect(accepted?.status).toBe('accepted');
    if (dialect.name === 'sqlite') expect(accepted).toMatchObject({ serverSeq: from + 1 });
    await answered();
    expect(pages.stats().records).toBe(1);
    const page = bytesOf(await pages.pull(from, 10, T2));
    expect(page.equals(await answerFromRows(server.db, from, 10, T2))).toBe(true);
    expect(pages.stats()).toMatchObject({ recordHits: 1, recordReads: 0 });
  });
});
