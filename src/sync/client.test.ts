import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../db/clock.ts';
import type { KitDatabase } from '../db/database.ts';
import { appendRecords } from '../db/records-repo.ts';
import { getPullCursor, outboxCount } from '../db/sync-repo.ts';
import { createTestDatabase, deleteTestDatabase } from '../db/testing.ts';
import { createFakeCenter, json, type FakeCenter } from '../../tests/sync/support/fake-center.ts';
import {
  manualTimers,
  sessionRecords,
  type ManualTimers,
} from '../../tests/sync/support/tablet.ts';
import { createSyncClient, type SyncClient, type SyncClientOptions } from './client.ts';
import { listIssues } from './queue.ts';

const DEVICE = 'tablet-1';
let db: KitDatabase;
let center: FakeCenter;
let timers: ManualTimers;
let clock: ReturnType<typeof fixedClock>;

beforeEach(() => {
  db = createTestDatabase();
  center = createFakeCenter();
  timers = manualTimers();
  clock = fixedClock('2026-03-02T08:00:00.000Z', 0);
});
afterEach(async () => {
  await deleteTestDatabase(db);
});

function makeClient(overrides: Partial<SyncClientOptions> = {}): SyncClient {
  return createSyncClient({
    db,
    fetch: center.fetch,
    baseUrl: 'http://center.test',
    getDeviceAuth: () => ({ deviceId: DEVICE, token: center.token }),
    clock,
    random: () => 0.5,
    locks: null,
    timers,
    isOnline: () => true,
    ...overrides,
  });
}

const pushes = () => center.requests.filter((r) => r.path === '/api/sync/push');
const retryTimers = () => timers.scheduled().filter((t) => t.ms !== 30_000);

describe('push', () => {
  it('sends the outbox in batches of at most 100 and marks each record synced from its answer', async () => {
    const records = sessionRecords(DEVICE, 247);
    await appendRecords(db, records);
    const client = makeClient();
    expect(await client.sync()).toEqual({ kind: 'synced', pushed: 250, parked: 0, pulled: 0 });
    expect(pushes().map((r) => (r.body as { records: unknown[] }).records.length)).toEqual([
      100, 100, 50,
    ]);
    expect(pushes()[0]?.body).toMatchObject({ protocolVersion: 1, deviceId: DEVICE });
    expect(await outboxCount(db)).toBe(0);
    expect(await db.records.count()).toBe(250); // records stay on the tablet
    expect(center.stored.map((s) => s.record.id)).toEqual(records.map((r) => r.id));
    expect(client.getStatus()).toMatchObject({
      pendingCount: 0,
      lastError: null,
      lastSuccessfulSyncAt: '2026-03-02T08:00:00.000Z',
      syncing: false,
    });
  });

  it('treats duplicate as synced (a retry whose first answer was lost)', async () => {
    const records = sessionRecords(DEVICE, 2);
    await appendRecords(db, records);
    let lose = true;
    center.override = async (request) => {
      if (request.path !== '/api/sync/push' || !lose) return undefined;
      lose = false;
      await center.fetch('http://center.test/api/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${center.token}` },
        body: JSON.stringify(request.body),
      });
      throw new TypeError('Failed to fetch');
    };
    const client = makeClient();
    expect((await client.sync()).kind).toBe('failed');
    expect(await outboxCount(db)).toBe(5);
    expect(await client.sync('manual')).toMatchObject({ kind: 'synced', pushed: 5 });
    expect(center.stored).toHaveLength(5);
    expect(await outboxCount(db)).toBe(0);
  });

  it('parks a conflict: the tablet keeps its record, it leaves the queue and is listed', async () => {
    const [record, ...rest] = sessionRecords(DEVICE, 1);
    if (!record) throw new Error('fixture');
    await appendRecords(db, [record, ...rest]);
    center.stored.push({ serverSeq: 1, record: { ...record, authorStaffId: 'someone-else' } });
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', pushed: 3, parked: 1 });
    expect(await outboxCount(db)).toBe(0);
    expect(await db.records.get(record.id)).toEqual(record);
    expect(client.getStatus().conflicts).toEqual([
      expect.objectContaining({
        recordId: record.id,
        status: 'conflict',
        recordKind: 'patient',
        serverSeq: 1,
      }),
    ]);
    // Never retried: the next sync sends nothing for it.
    center.requests.length = 0;
    await client.sync();
    expect(pushes()).toHaveLength(0);
    expect(client.getStatus().conflicts).toHaveLength(1);
  });

  it('parks an invalid record with the reason, and Retry sends it again once the cause is fixed', async () => {
    const good = sessionRecords(DEVICE, 1, 1);
    const bad = sessionRecords(DEVICE, 1, 2, 'nurse-unknown');
    await appendRecords(db, [...good, ...bad]);
    center.unknownStaff.add('nurse-unknown');
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', pushed: 4, parked: 4 });
    const failures = client.getStatus().failures;
    expect(failures).toHaveLength(4);
    expect(failures[0]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(failures[0]?.reason).toMatch(/not a staff member/);
    expect(client.getStatus().lastError).toBeNull();
    center.unknownStaff.clear();
    expect(await client.retryFailed()).toMatchObject({ kind: 'synced', pushed: 4, parked: 0 });
    expect(client.getStatus().failures).toEqual([]);
    expect(center.stored).toHaveLength(8);
  });

  it('splits a batch the server finds too large (413) until it fits', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 7));
    center.maxBatch = 3;
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', pushed: 10 });
    expect(center.stored).toHaveLength(10);
    expect(pushes().map((r) => (r.body as { records: unknown[] }).records.length)).toEqual([
      10, 5, 3, 2, 5, 3, 2,
    ]);
  });

  it('parks a single record that is still too large, instead of retrying it forever', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 1));
    center.maxBatch = 0;
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', parked: 4 });
    expect(client.getStatus().failures.map((f) => f.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/too large/)]),
    );
  });

  it('keeps a record the server did not answer for in the queue and stops instead of looping', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 1));
    center.override = (request) =>
      request.path === '/api/sync/push'
        ? json(200, { protocolVersion: 1, serverTime: center.serverTime, results: [] })
        : undefined;
    const client = makeClient();
    expect(await client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'unreadable-answer' },
    });
    expect(pushes()).toHaveLength(1);
    expect(await outboxCount(db)).toBe(4);
    const row = await db.outbox.toCollection().first();
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/did not answer/);
  });

  it('believes no 200 that is not a sync answer (a captive portal page)', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 1));
    center.override = () => new Response('<html>Log in to hospital Wi-Fi</html>', { status: 200 });
    const client = makeClient();
    expect(await client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'unreadable-answer' },
    });
    expect(await outboxCount(db)).toBe(4);
  });
});

describe('failures and backoff', () => {
  it('after a network error schedules a retry with jittered backoff; polite triggers wait, others try now', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 1));
    center.override = () => {
      throw new TypeError('Failed to fetch');
    };
    const client = makeClient({ random: () => 0.25 });
    expect(await client.sync('start')).toMatchObject({
      kind: 'failed',
      error: { code: 'offline' },
    });
    // attempt 0: ceiling 2 s, 0.25 -> 500 ms
    expect(retryTimers().map((t) => t.ms)).toEqual([500]);
    expect(client.getStatus().nextRetryAt).toBe('2026-03-02T08:00:00.500Z');
    expect(await client.sync('periodic')).toEqual({ kind: 'skipped', reason: 'backoff' });
    expect(await client.sync('local-write')).toEqual({ kind: 'skipped', reason: 'backoff' });
    await client.sync('online'); // fails again: attempt 1, ceiling 4 s
    expect(retryTimers().map((t) => t.ms)).toEqual([1000]);
    await client.sync('manual');
    await client.sync('manual');
    await client.sync('manual'); // attempt 4: ceiling 32 s
    expect(retryTimers().map((t) => t.ms)).toEqual([8000]);
    expect(await outboxCount(db)).toBe(4);
    expect((await db.outbox.toCollection().first())?.attempts).toBe(5);

    center.override = null;
    retryTimers()[0]?.run();
    await vi.waitFor(() => expect(client.getStatus().lastError).toBeNull());
    expect(retryTimers()).toEqual([]);
    expect(await outboxCount(db)).toBe(0);
  });

  it('never waits longer than the cap (5 minutes)', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 0));
    center.override = () =>
      json(503, { serverTime: center.serverTime, error: { code: 'down', message: 'down' } });
    const client = makeClient({ random: () => 0.999999 });
    for (let i = 0; i < 12; i += 1) await client.sync('manual');
    expect(client.getStatus().lastError).toMatchObject({
      code: 'server-unavailable',
      detail: 'down: down',
    });
    expect(retryTimers().map((t) => t.ms)).toEqual([299_999]);
  });

  it('stops on 401 and asks for enrollment: no retries with the refused token', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 1));
    let token = 'revoked-token-0123456789abcdef';
    const client = makeClient({ getDeviceAuth: () => ({ deviceId: DEVICE, token }) });
    expect(await client.sync('start')).toMatchObject({
      kind: 'failed',
      error: { code: 'enrollment' },
    });
    expect(client.getStatus().needsEnrollment).toBe(true);
    expect(retryTimers()).toEqual([]);
    expect(await client.sync('online')).toEqual({ kind: 'skipped', reason: 'not-enrolled' });
    expect(pushes()).toHaveLength(1);
    expect(await outboxCount(db)).toBe(4); // nothing lost
    token = center.token; // enrolled again
    expect(await client.sync('online')).toMatchObject({ kind: 'synced', pushed: 4 });
    expect(client.getStatus().needsEnrollment).toBe(false);
  });

  it('treats 403 (token of another device) as needing enrollment too', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 0));
    center.override = () =>
      json(403, {
        serverTime: center.serverTime,
        error: { code: 'device-mismatch', message: 'not yours' },
      });
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'failed', error: { code: 'enrollment' } });
    expect(client.getStatus().needsEnrollment).toBe(true);
  });

  it('does nothing but say so when the tablet is not enrolled', async () => {
    const client = makeClient({ getDeviceAuth: () => null });
    expect(await client.sync()).toEqual({ kind: 'skipped', reason: 'not-enrolled' });
    expect(client.getStatus().needsEnrollment).toBe(true);
    expect(center.requests).toHaveLength(0);
  });

  it('skips polite triggers while the browser says offline', async () => {
    const client = makeClient({ isOnline: () => false });
    expect(await client.sync('periodic')).toEqual({ kind: 'skipped', reason: 'offline' });
    expect((await client.sync('manual')).kind).toBe('synced');
  });

  it('times out a request that hangs', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 0));
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const client = makeClient({ fetch: hanging });
    const run = client.sync();
    await vi.waitFor(() => expect(timers.scheduled().some((t) => t.ms === 30_000)).toBe(true));
    timers
      .scheduled()
      .find((t) => t.ms === 30_000)
      ?.run();
    expect(await run).toMatchObject({
      kind: 'failed',
      error: { code: 'server-unavailable', detail: 'the request timed out' },
    });
  });
});

describe('pull', () => {
  it("pages by the server's cursor while hasMore, storing records and cursor", async () => {
    const others = sessionRecords('tablet-2', 1197, 3);
    others.forEach((record, i) => center.stored.push({ serverSeq: i + 1, record: { ...record } }));
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', pulled: 1200 });
    const cursors = center.requests
      .filter((r) => r.path === '/api/sync/pull')
      .map((r) => r.query.get('cursor'));
    expect(cursors).toEqual(['0', '500', '1000']);
    expect(await getPullCursor(db)).toBe(1200);
    expect(await db.records.count()).toBe(1200);
    expect(await outboxCount(db)).toBe(0); // pulled records are not pushed back
    await client.sync();
    expect(center.requests.at(-1)?.query.get('cursor')).toBe('1200');
  });

  it('parks a queued record when the pulled one with its id differs, instead of silently confirming it', async () => {
    const [record] = sessionRecords(DEVICE, 0);
    if (!record) throw new Error('fixture');
    await appendRecords(db, [record]);
    center.stored.push({ serverSeq: 1, record: { ...record, authorStaffId: 'someone-else' } });
    // Push answers are lost, so only the pull sees the server's copy.
    center.override = (request) => (request.path === '/api/sync/push' ? json(500, {}) : undefined);
    const client = makeClient();
    const { pullAll } = await import('./pull.ts');
    const { createTransport } = await import('./transport.ts');
    const transport = createTransport({
      fetch: center.fetch,
      baseUrl: '',
      deviceId: DEVICE,
      token: center.token,
      nowMs: clock.nowMs,
      timers,
      timeoutMs: 1000,
      onServerTime: () => undefined,
    });
    expect(await pullAll(db, transport, clock.nowIso)).toMatchObject({ ok: true, stored: 0 });
    expect(await db.records.get(record.id)).toEqual(record);
    expect((await listIssues(db)).map((i) => [i.recordId, i.status])).toEqual([
      [record.id, 'conflict'],
    ]);
    await client.refresh();
    expect(client.getStatus().conflicts).toHaveLength(1);
  });

  it('an unreadable page (newer app) keeps the cursor and asks for an update', async () => {
    const [record] = sessionRecords('tablet-2', 0);
    center.stored.push({ serverSeq: 1, record: { ...record, schemaVersion: 99 } });
    const client = makeClient();
    expect(await client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'app-update-needed' },
    });
    expect(await getPullCursor(db)).toBeNull();
  });
});

describe('clock skew', () => {
  it('warns when the clocks differ by more than 2 minutes, and never refuses a record for it', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 0));
    center.serverTime = '2026-03-02T07:57:59.000Z'; // tablet 2 min 1 s ahead
    const client = makeClient();
    expect(await client.sync()).toMatchObject({ kind: 'synced', pushed: 3 });
    expect(client.getStatus()).toMatchObject({ clockSkewMs: 121_000, clockSkewWarning: true });
    center.serverTime = '2026-03-02T08:01:59.000Z'; // 1 min 59 s behind
    await client.sync();
    expect(client.getStatus()).toMatchObject({ clockSkewMs: -119_000, clockSkewWarning: false });
  });
});

describe('one sync at a time', () => {
  it('a second sync while one runs answers busy, then runs once more after it', async () => {
    await appendRecords(db, sessionRecords(DEVICE, 0));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const plain = center.fetch;
    const client = makeClient({
      fetch: async (input, init) => {
        await gate;
        return plain(input, init);
      },
    });
    const first = client.sync();
    expect(await client.sync('local-write')).toEqual({ kind: 'busy' });
    release();
    expect((await first).kind).toBe('synced');
    await vi.waitFor(() =>
      expect(center.requests.filter((r) => r.path === '/api/sync/pull')).toHaveLength(2),
    );
  });

  it('uses Web Locks when present: a lock held by another tab means busy', async () => {
    const names: string[] = [];
    const heldElsewhere = {
      request: <T>(
        name: string,
        _o: { ifAvailable: true },
        callback: (lock: unknown) => Promise<T>,
      ) => {
        names.push(name);
        return callback(null);
      },
    };
    const client = makeClient({ locks: heldElsewhere });
    expect(await client.sync()).toEqual({ kind: 'busy' });
    expect(names).toEqual([`kit-sync:${db.name}`]);
    expect(center.requests).toHaveLength(0);
  });
});
