// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import { pullResponseSchema } from '../../../src/sync/wire.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createWriteSerializer } from '../db/write-lock.ts';
import { TEST_DIALECTS, type TestDatabase } from '../test-support/databases.ts';
import { makeRecord } from '../test-support/records.ts';
import { contentHash } from './canonical.ts';
import { createPullPages, type PullPage } from './pull.ts';
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
    const pages = createPullPages(test.db, pageBytes * 2);
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
