// @vitest-environment node
/**
 * (f) "The tab is closed between storing pulled records and the cursor": that cannot happen,
 * because both are written in one IndexedDB transaction (storePulledRecords). Shown by killing
 * the transaction at the last moment (when the cursor is written, after the records were
 * added): neither the records nor the cursor move, and the next pull gets every record exactly
 * once. A control run without the fault checks that the trap really fires on the cursor write.
 */
import 'fake-indexeddb/auto';
import { randomInt } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKitDatabase, type KitDatabase } from '../../src/db/database.ts';
import { getPullCursor } from '../../src/db/sync-repo.ts';
import { startCenter, type Center } from './support/center.ts';
import {
  addFactoryStaff,
  type AnyRecord,
  enrollTablet,
  expectExactlyOnce,
  syncUntilSettled,
} from './support/fleet.ts';

/** A tablet database whose transaction is aborted ("tab closed") when it writes the pull cursor. */
type Trap = { killAt: number | null; cursorWrites: number; fired: number };

function databaseThatDiesOnCursorWrite(): { db: KitDatabase; trap: Trap } {
  const trap: Trap = { killAt: null, cursorWrites: 0, fired: 0 };
  const db = openKitDatabase(`tab-closed-${randomInt(1e9)}`);
  db.use({
    stack: 'dbcore',
    name: 'tab-closes-on-cursor-write',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'syncState') return table;
        return {
          ...table,
          mutate: (request) => {
            const writesCursor =
              request.type === 'put' &&
              request.values.some((v: { key?: unknown }) => v.key === 'pullCursor');
            if (writesCursor) trap.cursorWrites += 1;
            if (writesCursor && trap.cursorWrites === trap.killAt) {
              trap.fired += 1;
              request.trans.abort(); // the tab is gone: IndexedDB rolls the transaction back
              return Promise.reject(new DOMException('The tab was closed', 'AbortError'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return { db, trap };
}

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

describe('(f) pulled records and the cursor are stored together or not at all', () => {
  it('a transaction killed at the cursor write leaves records and cursor unmoved; the re-pull stores each record once', async () => {
    const other = await enrollTablet(center, 'chair-1');
    const created = await other.record(297); // 300 records + the staff: pages of 100, 100, 100, 4+
    await syncUntilSettled([other]);
    const total = staffRecords.length + 300;

    const { db, trap } = databaseThatDiesOnCursorWrite();
    const tablet = await enrollTablet(center, 'chair-2', undefined, {
      db,
      client: { pullLimit: 100 },
    });

    // Killed while storing the very first page.
    trap.killAt = 1;
    expect(await tablet.client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'storage' },
    });
    expect(trap.fired).toBe(1);
    expect(await db.records.count()).toBe(0);
    expect(await getPullCursor(db)).toBeNull();
    expect(await db.patientIndex.count()).toBe(0);

    // Killed while storing the second page: the first page stays, with its own cursor.
    trap.cursorWrites = 0;
    trap.killAt = 2;
    expect(await tablet.client.sync()).toMatchObject({
      kind: 'failed',
      error: { code: 'storage' },
    });
    expect(trap.fired).toBe(2);
    expect(await db.records.count()).toBe(100);
    expect(await getPullCursor(db)).toBe(100);

    // The next pull continues from the stored cursor and stores each record exactly once.
    trap.killAt = null;
    expect(await tablet.client.sync()).toMatchObject({ kind: 'synced', pulled: total - 100 });
    expect(await getPullCursor(db)).toBe(total);
    await syncUntilSettled([other, tablet]);
    await expectExactlyOnce(center, [other, tablet], [...staffRecords, ...created]);
  });

  it('control: without the trap the same pull stores all pages (the trap is what failed above)', async () => {
    const other = await enrollTablet(center, 'chair-1');
    const created = await other.record(297);
    await syncUntilSettled([other]);
    const total = staffRecords.length + 300;
    const { db, trap } = databaseThatDiesOnCursorWrite();
    const tablet = await enrollTablet(center, 'chair-2', undefined, {
      db,
      client: { pullLimit: 100 },
    });
    expect(await tablet.client.sync()).toMatchObject({ kind: 'synced', pulled: total });
    expect(trap.cursorWrites).toBe(Math.ceil(total / 100));
    expect(trap.fired).toBe(0);
    await expectExactlyOnce(center, [other, tablet], [...staffRecords, ...created]);
  });
});
