// @vitest-environment node
/**
 * A pull must never skip a record (db/write-lock.ts): records become visible in server_seq
 * order even while many tablets push at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../../src/sync/wire.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { startTestServer, withStaff } from '../test-support/harness.ts';
import type { Tablet, TestServer } from '../test-support/harness.ts';
import { makeRecord } from '../test-support/records.ts';

async function pullPage(server: TestServer, tablet: Tablet, cursor: number, limit: number) {
  const response = await server.pull(tablet, cursor, limit);
  expect(response.statusCode).toBe(200);
  return pullResponseSchema.parse(response.json());
}

async function pushOk(server: TestServer, tablet: Tablet, records: readonly unknown[]) {
  const response = await server.push(tablet, records);
  expect(response.statusCode).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

describe.each(TEST_DIALECTS)('no gap visible to readers ($name)', (dialect) => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('concurrent pushes from several tablets and a tablet pulling all along: every record pulled exactly once, in seq order', async () => {
    // Random pauses inside the write transaction widen the window in which an unserialized
    // writer could commit a smaller seq after a larger one.
    server = await startTestServer(dialect, {
      afterInsert: () => sleep(Math.random() < 0.3 ? 2 : 0),
    });
    const s = server;
    const start = await withStaff(s);
    const tablets = await Promise.all([s.enroll('A'), s.enroll('B'), s.enroll('C'), s.enroll('D')]);
    const reader = await s.enroll('reader');

    let pushing = true;
    const seen: number[] = [];
    const seenIds: string[] = [];
    const puller = (async () => {
      let cursor = start; // after the staff-member records of the test staff
      for (;;) {
        const stillPushing = pushing; // read before pulling: the last drain starts after the pushes end
        const page = await pullPage(s, reader, cursor, 7);
        for (const pulled of page.records) {
          expect(pulled.serverSeq).toBeGreaterThan(cursor);
          seen.push(pulled.serverSeq);
          seenIds.push(pulled.record.id as string);
          cursor = pulled.serverSeq;
        }
        expect(page.cursor).toBe(cursor);
        if (!stillPushing && !page.hasMore) return;
        if (page.records.length === 0) await sleep(1);
      }
    })();

    const batchesPerTablet = 6;
    const pushed = await Promise.all(
      tablets.map(async (tablet) => {
        const ids: string[] = [];
        for (let batch = 0; batch < batchesPerTablet; batch += 1) {
          const records = Array.from({ length: 1 + ((batch * 7) % 9) }, () =>
            makeRecord(tablet.deviceId),
          );
          const answers = await pushOk(s, tablet, records);
          expect(answers.every((a) => a.status === 'accepted')).toBe(true);
          ids.push(...records.map((r) => r.id));
        }
        return ids;
      }),
    );
    pushing = false;
    await puller;

    const allIds = pushed.flat();
    expect(seenIds).toHaveLength(allIds.length);
    expect(new Set(seenIds)).toEqual(new Set(allIds));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('a pull during a slow push sees neither that push nor a later one until the slow one commits', async () => {
    let releaseSlow: () => void = () => undefined;
    const slowHeld = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let slowId = '';
    let slowStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    server = await startTestServer(dialect, {
      afterInsert: async (id) => {
        if (id !== slowId) return;
        slowStarted();
        await slowHeld;
      },
    });
    const s = server;
    const start = await withStaff(s);
    const [a, b] = await Promise.all([s.enroll('A'), s.enroll('B')]);
    const reader = await s.enroll('reader');
    const slow = makeRecord(a.deviceId);
    slowId = slow.id;

    const slowPush = pushOk(s, a, [slow]);
    await started;
    const fastPush = pushOk(s, b, [makeRecord(b.deviceId)]);
    await sleep(50); // give the fast push every chance to (wrongly) commit first
    const during = await pullPage(s, reader, start, 100);
    expect(during.records).toEqual([]);

    releaseSlow();
    const [[slowAnswer], [fastAnswer]] = await Promise.all([slowPush, fastPush]);
    const seqOf = (answer: typeof slowAnswer) =>
      answer !== undefined && 'serverSeq' in answer ? answer.serverSeq : -1;
    expect(seqOf(fastAnswer)).toBeGreaterThan(seqOf(slowAnswer));
    const after = await pullPage(s, reader, during.cursor, 100);
    expect(after.records.map((r) => r.serverSeq)).toEqual([seqOf(slowAnswer), seqOf(fastAnswer)]);
  });

  // The control experiment: without serialization the skip is real, so the tests above can fail.
  // SQLite cannot show it: Kysely runs every SQLite transaction on one connection, one at a time.
  it.skipIf(dialect.name === 'sqlite')(
    'control: with writer serialization switched off, a tablet does skip a record (PostgreSQL only)',
    async () => {
      let releaseSlow: () => void = () => undefined;
      const slowHeld = new Promise<void>((resolve) => {
        releaseSlow = resolve;
      });
      let slowId = '';
      server = await startTestServer(dialect, {
        serializeWrites: false,
        afterInsert: async (id) => {
          if (id === slowId) await slowHeld;
        },
      });
      const s = server;
      const start = await withStaff(s);
      const [a, b] = await Promise.all([s.enroll('A'), s.enroll('B')]);
      const reader = await s.enroll('reader');
      const slow = makeRecord(a.deviceId);
      slowId = slow.id;

      const slowPush = pushOk(s, a, [slow]); // takes seq n, then waits before committing
      await sleep(50);
      await pushOk(s, b, [makeRecord(b.deviceId)]); // takes seq n+1 and commits
      const first = await pullPage(s, reader, start, 100);
      expect(first.records).toHaveLength(1);
      releaseSlow();
      await slowPush;
      const second = await pullPage(s, reader, first.cursor, 100);
      expect(second.records).toEqual([]); // the slow record (smaller seq) is behind the cursor: skipped
      const everything = await pullPage(s, reader, start, 100);
      expect(everything.records).toHaveLength(2);
    },
  );
});

noticePostgresSkipped('no gap visible to readers');
