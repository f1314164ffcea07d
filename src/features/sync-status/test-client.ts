/**
 * A sync client over the test's tablet database and a scripted center, for the component
 * tests (the client logic itself is tested in src/sync).
 */
import type { KitDatabase } from '../../db/database.ts';
import { fixedClock } from '../../db/clock.ts';
import { createSyncClient, type SyncClient } from '../../sync/client.ts';
import { createFakeCenter, type FakeCenter } from '../../../tests/sync/support/fake-center.ts';
import { manualTimers } from '../../../tests/sync/support/tablet.ts';

export function testSyncClient(
  db: KitDatabase,
  options: { readonly enrolled?: boolean; readonly online?: boolean } = {},
): { client: SyncClient; center: FakeCenter } {
  const center = createFakeCenter();
  center.serverTime = '2026-03-02T10:42:00.000Z'; // the tablet clock's time: no skew
  const client = createSyncClient({
    db,
    fetch: center.fetch,
    baseUrl: 'http://center.test',
    getDeviceAuth: () =>
      options.enrolled === false ? null : { deviceId: 'tablet-test', token: center.token },
    clock: fixedClock('2026-03-02T10:42:00.000Z'),
    random: () => 0.5,
    locks: null,
    timers: manualTimers(),
    isOnline: () => options.online ?? true,
  });
  return { client, center };
}
