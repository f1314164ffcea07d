import { describe, expect, it } from 'vitest';
import { withSyncLock, type LockManagerLike } from './sync-lock.ts';

/** A Web Locks double with the real `ifAvailable` semantics for one process. */
function fakeLockManager(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe.each([
  ['in-process fallback', () => null],
  ['Web Locks', fakeLockManager],
])('withSyncLock (%s)', (_label, makeLocks) => {
  it('lets one holder in and tells the second at once that it is busy', async () => {
    const locks = makeLocks();
    let release: () => void = () => undefined;
    const first = withSyncLock(
      locks,
      'kit-sync:a',
      () => new Promise<string>((r) => (release = () => r('one'))),
    );
    expect(await withSyncLock(locks, 'kit-sync:a', () => Promise.resolve('two'))).toEqual({
      acquired: false,
    });
    // Another tablet database is another lock.
    expect(await withSyncLock(locks, 'kit-sync:b', () => Promise.resolve('b'))).toEqual({
      acquired: true,
      value: 'b',
    });
    release();
    expect(await first).toEqual({ acquired: true, value: 'one' });
    expect(await withSyncLock(locks, 'kit-sync:a', () => Promise.resolve('three'))).toEqual({
      acquired: true,
      value: 'three',
    });
  });

  it('releases the lock when the work throws', async () => {
    const locks = makeLocks();
    await expect(
      withSyncLock(locks, 'kit-sync:c', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await withSyncLock(locks, 'kit-sync:c', () => Promise.resolve(1))).toEqual({
      acquired: true,
      value: 1,
    });
  });
});
