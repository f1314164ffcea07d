/**
 * One sync at a time per tablet, across tabs: the Web Locks API (`navigator.locks`) with
 * `ifAvailable`, so a tab that finds another tab syncing simply skips (that tab is already
 * doing the work) instead of queueing a second, redundant sync behind it. Where the API is
 * missing (jsdom, old WebViews) an in-process lock keeps at least this page to one sync.
 */

/** The part of the Web Locks `LockManager` used here (lets tests pass a double). */
export type LockManagerLike = {
  request<T>(
    name: string,
    options: { readonly ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
};

export type LockOutcome<T> =
  { readonly acquired: true; readonly value: T } | { readonly acquired: false };

const heldInProcess = new Set<string>();

/** The browser's lock manager, or null where there is none. */
export function defaultLockManager(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Runs `work` holding lock `name`, or returns `{ acquired: false }` at once when someone else
 * holds it. The lock is released when `work` settles (also when it throws; the error propagates).
 */
export async function withSyncLock<T>(
  locks: LockManagerLike | null,
  name: string,
  work: () => Promise<T>,
): Promise<LockOutcome<T>> {
  if (locks !== null) {
    return locks.request(name, { ifAvailable: true }, async (lock): Promise<LockOutcome<T>> =>
      lock === null ? { acquired: false } : { acquired: true, value: await work() },
    );
  }
  if (heldInProcess.has(name)) return { acquired: false };
  heldInProcess.add(name);
  try {
    return { acquired: true, value: await work() };
  } finally {
    heldInProcess.delete(name);
  }
}
