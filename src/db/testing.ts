/**
 * Test helpers shared by db, UI and app tests: a fresh, uniquely named database per test
 * (fake-indexeddb is loaded by tests/support/setup.ts), closed and deleted afterwards.
 */
import { openKitDatabase, type KitDatabase, type OpenOptions } from './database.ts';

let counter = 0;

/** A new empty database with a unique name. Call `deleteTestDatabase` in afterEach. */
export function createTestDatabase(options: OpenOptions = {}): KitDatabase {
  counter += 1;
  return openKitDatabase(`kit-test-${counter}-${globalThis.crypto.randomUUID()}`, options);
}

export async function deleteTestDatabase(db: KitDatabase): Promise<void> {
  db.close();
  await db.delete({ disableAutoOpen: true });
}
