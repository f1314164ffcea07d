import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../db/clock.ts';
import type { KitDatabase } from '../db/database.ts';
import { appendRecords } from '../db/records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from '../db/testing.ts';
import { createFakeCenter, type FakeCenter } from '../../tests/sync/support/fake-center.ts';
import { manualTimers, sessionRecords } from '../../tests/sync/support/tablet.ts';
import { createSyncClient, type SyncClient, type SyncTrigger } from './client.ts';
import { startSyncLoop, type SyncLoopWindow } from './sync-loop.ts';

/** A window whose events and timers the test fires by hand. */
function fakeWindow() {
  const target = new EventTarget();
  const doc = new EventTarget() as EventTarget & { visibilityState: string };
  doc.visibilityState = 'visible';
  let nextHandle = 1;
  const intervals = new Map<number, { ms: number; run: () => void }>();
  const timeouts = new Map<number, { ms: number; run: () => void }>();
  const win = {
    addEventListener: (type: string, l: () => void) => target.addEventListener(type, l),
    removeEventListener: (type: string, l: () => void) => target.removeEventListener(type, l),
    setInterval: (run: () => void, ms: number) => (
      intervals.set(nextHandle, { ms, run }),
      nextHandle++
    ),
    clearInterval: (h: number) => void intervals.delete(h),
    setTimeout: (run: () => void, ms: number) => (
      timeouts.set(nextHandle, { ms, run }),
      nextHandle++
    ),
    clearTimeout: (h: number) => void timeouts.delete(h),
    document: doc,
    navigator: { onLine: true },
  } satisfies SyncLoopWindow;
  return {
    win,
    intervals,
    timeouts,
    fire: (type: string) => target.dispatchEvent(new Event(type)),
    setVisibility: (state: string) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

let db: KitDatabase;
let center: FakeCenter;
let client: SyncClient;
let triggers: SyncTrigger[];
beforeEach(() => {
  db = createTestDatabase();
  center = createFakeCenter();
  client = createSyncClient({
    db,
    fetch: center.fetch,
    baseUrl: '',
    getDeviceAuth: () => ({ deviceId: 'tablet-1', token: center.token }),
    clock: fixedClock(),
    random: () => 0.5,
    locks: null,
    timers: manualTimers(),
    isOnline: () => true,
  });
  triggers = [];
  const sync = client.sync.bind(client);
  client = { ...client, sync: (t) => (triggers.push(t ?? 'manual'), sync(t)) };
});
afterEach(async () => {
  await deleteTestDatabase(db);
});

describe('startSyncLoop', () => {
  it('syncs at start, when back online, back in the foreground and on the timer; stops cleanly', () => {
    const w = fakeWindow();
    const stop = startSyncLoop(client, w.win, { periodMs: 60_000 });
    expect(triggers).toEqual(['start']);
    w.fire('offline');
    expect(client.getStatus().online).toBe(false);
    w.fire('online');
    expect(client.getStatus().online).toBe(true);
    w.setVisibility('hidden');
    w.setVisibility('visible');
    expect([...w.intervals.values()].map((i) => i.ms)).toEqual([60_000]);
    [...w.intervals.values()][0]?.run();
    expect(triggers).toEqual(['start', 'online', 'visible', 'periodic']);
    stop();
    w.fire('online');
    w.setVisibility('visible');
    expect(w.intervals.size).toBe(0);
    expect(triggers).toHaveLength(4);
  });

  it('syncs once, debounced, after local writes, and keeps the pending count current', async () => {
    const w = fakeWindow();
    const stop = startSyncLoop(client, w.win, { writeDebounceMs: 2_000 });
    await vi.waitFor(() => expect(center.requests.length).toBeGreaterThan(0)); // the start sync
    const records = sessionRecords('tablet-1', 3);
    await appendRecords(db, records.slice(0, 3));
    await vi.waitFor(() => expect(client.getStatus().pendingCount).toBe(3));
    await appendRecords(db, records.slice(3));
    await vi.waitFor(() => expect(client.getStatus().pendingCount).toBe(6));
    expect([...w.timeouts.values()].map((t) => t.ms)).toEqual([2_000]); // one debounce, restarted
    [...w.timeouts.values()][0]?.run();
    await vi.waitFor(() => expect(client.getStatus().pendingCount).toBe(0));
    expect(triggers).toEqual(['start', 'local-write']);
    expect(center.stored).toHaveLength(6);
    stop();
  });
});
