// @vitest-environment node
/**
 * Fault tests of the whole sync path (issue 4 acceptance): the tablet's real sync client and
 * Dexie database (fake-indexeddb) against the real center server on SQLite, through a fetch
 * that loses requests and answers, duplicates them, and restarts the server. After each: the
 * server and every tablet hold exactly the records created, none lost, none doubled.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPullCursor } from '../../src/db/sync-repo.ts';
import { startCenter, type Center } from './support/center.ts';
import { faultyFetch, seededRandom, type Fault } from './support/faulty-fetch.ts';
import {
  addFactoryStaff,
  type AnyRecord,
  enrollTablet,
  expectExactlyOnce,
  syncUntilSettled,
} from './support/fleet.ts';

let center: Center;
/** Records the center made itself (its staff list), which every tablet pulls too. */
let staffRecords: AnyRecord[];
beforeEach(async () => {
  center = await startCenter();
  staffRecords = await addFactoryStaff(center);
});
afterEach(async () => {
  await center.dispose();
});

const isPush = (path: string) => path === '/api/sync/push';

describe('sync under faults, against the real server', () => {
  it('(a) the server commits but the answer is lost: the retry answers duplicate, synced once', async () => {
    let lost = 0;
    const net = faultyFetch(({ path }) => (isPush(path) && lost++ < 2 ? 'drop-response' : 'pass'));
    const tablet = await enrollTablet(center, 'chair-1', net);
    const created = await tablet.record(150); // 153 records: batches of 100 and 53

    expect(await tablet.client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'offline' },
    });
    expect(await center.recordIds()).toHaveLength(staffRecords.length + 100); // committed, though the tablet never heard
    expect(tablet.client.getStatus().pendingCount).toBe(153);
    expect(await tablet.client.sync()).toMatchObject({ kind: 'failed' }); // lost again
    expect(await tablet.client.sync()).toMatchObject({ kind: 'synced', pushed: 153 });
    expect(net.counts['drop-response']).toBe(2);
    await expectExactlyOnce(center, [tablet], [...staffRecords, ...created]);
  });

  it('(b) same id, different content: conflict; the server keeps the original, the tablet keeps its own and shows it', async () => {
    const a = await enrollTablet(center, 'chair-1');
    const b = await enrollTablet(center, 'chair-2');
    const created = await a.record(2);
    await syncUntilSettled([a]);
    const original = created[4]!; // an observation
    // Tablet B holds a different record under the same id (a restored backup, a bug).
    const clash = { ...b.factory.observation(original), id: original.id };
    await b.write([clash]);
    const more = await b.record(1);

    expect(await b.client.sync()).toMatchObject({ kind: 'synced', parked: 1 });
    const [conflict] = b.client.getStatus().conflicts;
    expect(conflict).toMatchObject({
      recordId: original.id,
      status: 'conflict',
      recordKind: 'observation',
    });
    expect(conflict?.reason).toMatch(/different content/);
    expect(await center.recordBody(original.id)).toEqual(JSON.parse(JSON.stringify(original)));
    expect(await b.db.records.get(original.id)).toEqual(clash);
    // It is never retried and never dropped.
    await syncUntilSettled([a, b]);
    expect(b.client.getStatus().conflicts.map((c) => c.recordId)).toEqual([original.id]);
    await expectExactlyOnce(center, [a, b], [...staffRecords, ...created, ...more], {
      'chair-2': [original.id],
    });
  });

  it('(c) the server restarts mid-batch: down when a batch arrives, and again after answering one', async () => {
    let pushes = 0;
    const plan = ({ path }: { path: string }): Fault => {
      if (!isPush(path)) return 'pass';
      pushes += 1;
      return pushes === 2
        ? 'restart-before'
        : pushes === 3
          ? 'restart-after'
          : pushes === 5
            ? 'drop-response'
            : 'pass';
    };
    const net = faultyFetch(plan, {
      stop: () => center.stop(),
      start: () => center.start(),
      restart: () => center.restart(),
    });
    const tablet = await enrollTablet(center, 'chair-1', net);
    const other = await enrollTablet(center, 'chair-2');
    const created = [...(await tablet.record(397)), ...(await other.record(20))];

    const attempts = await syncUntilSettled([tablet, other]);
    expect(net.counts['restart-before']).toBe(1);
    expect(net.counts['restart-after']).toBe(1);
    expect(attempts).toBeGreaterThan(2);
    await expectExactlyOnce(center, [tablet, other], [...staffRecords, ...created]);
  });

  it('(d) 30 % of requests dropped (seeded), before or after the server: everything gets through once', async () => {
    const random = seededRandom(20261125);
    const plan = (): Fault => {
      const r = random();
      return r < 0.15 ? 'drop-request' : r < 0.3 ? 'drop-response' : 'pass';
    };
    const tablets = [
      await enrollTablet(center, 'chair-1', faultyFetch(plan)),
      await enrollTablet(center, 'chair-2', faultyFetch(plan)),
      await enrollTablet(center, 'chair-3', faultyFetch(plan)),
    ];
    const created: AnyRecord[] = [];
    for (const [i, t] of tablets.entries()) created.push(...(await t.record(120 + 40 * i)));
    await syncUntilSettled(tablets);
    // More records while the network keeps failing.
    for (const t of tablets) created.push(...(await t.record(30)));
    await syncUntilSettled(tablets);

    const dropped = tablets.reduce(
      (n, t) => n + t.net.counts['drop-request'] + t.net.counts['drop-response'],
      0,
    );
    const passed = tablets.reduce((n, t) => n + t.net.counts.pass, 0);
    expect(dropped).toBeGreaterThan(5);
    expect(dropped / (dropped + passed)).toBeGreaterThan(0.15);
    expect(dropped / (dropped + passed)).toBeLessThan(0.45);
    await expectExactlyOnce(center, tablets, [...staffRecords, ...created]);
  });

  it('(e) every request delivered twice at once: stored once, pulled once', async () => {
    const random = seededRandom(7);
    const a = await enrollTablet(
      center,
      'chair-1',
      faultyFetch(() => 'duplicate', { random }),
    );
    const b = await enrollTablet(
      center,
      'chair-2',
      faultyFetch(() => 'duplicate', { random }),
    );
    const created = [...(await a.record(180)), ...(await b.record(60))];
    await syncUntilSettled([a, b]);
    expect(a.net.counts.duplicate).toBeGreaterThanOrEqual(4);
    await expectExactlyOnce(center, [a, b], [...staffRecords, ...created]);
    const ids = await center.recordIds();
    expect(await getPullCursor(a.db)).toBe(ids.length); // seq 1..n, no gaps
  });
});
