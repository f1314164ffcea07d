/**
 * The tablet's sync client: push the outbox, then pull what other tablets recorded, one sync
 * at a time per tablet (sync-lock.ts), with backoff after failures, and a status for the
 * badge and the sync screen. Everything from outside (fetch, clock, randomness, timers, the
 * device token) is passed in, so the fault tests run it against the real server unchanged.
 *
 * Order: push before pull. A conflict is then discovered by the push answer (and parked)
 * before the pull could see the same id; see pull.ts for the guard when the order is not enough.
 */
import type { KitDatabase } from '../db/database.ts';
import { toStorageError } from '../db/errors.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { clockSkewOf } from './clock-skew.ts';
import type { DeviceAuth } from './enrollment.ts';
import { pullAll, type PullFailure } from './pull.ts';
import { pushOutbox } from './push.ts';
import {
  queueSnapshot,
  requeueIssues,
  setLastSuccessfulSync,
  type QueueSnapshot,
} from './queue.ts';
import {
  createSyncStatusStore,
  type SyncError,
  type SyncStatus,
  type SyncStatusStore,
} from './status.ts';
import { defaultLockManager, withSyncLock, type LockManagerLike } from './sync-lock.ts';
import {
  createTransport,
  DEFAULT_REQUEST_TIMEOUT_MS,
  defaultTimers,
  type ServerTimeSample,
  type Timers,
} from './transport.ts';

export type SyncTrigger =
  'start' | 'online' | 'visible' | 'periodic' | 'local-write' | 'manual' | 'retry';

/** Triggers that wait for the backoff: the others mean "try now" (a person or the network asked). */
const POLITE_TRIGGERS: ReadonlySet<SyncTrigger> = new Set(['periodic', 'local-write']);

export type SyncRunResult =
  | {
      readonly kind: 'synced';
      readonly pushed: number;
      readonly parked: number;
      readonly pulled: number;
    }
  | { readonly kind: 'busy' }
  | { readonly kind: 'skipped'; readonly reason: 'backoff' | 'offline' | 'not-enrolled' }
  | { readonly kind: 'failed'; readonly error: SyncError };

export type SyncClientOptions = {
  readonly db: KitDatabase;
  readonly fetch: typeof fetch;
  /** Server address when the enrollment did not store one; '' = same origin. */
  readonly baseUrl: string;
  /** The stored enrollment (enrollment.ts `loadDeviceAuth`), null when not enrolled. */
  readonly getDeviceAuth: () =>
    | (Pick<DeviceAuth, 'deviceId' | 'token'> & { readonly baseUrl?: string })
    | null
    | Promise<(Pick<DeviceAuth, 'deviceId' | 'token'> & { readonly baseUrl?: string }) | null>;
  readonly clock: { readonly nowMs: () => number };
  /** [0, 1), for the backoff jitter. */
  readonly random: () => number;
  readonly onChange?: (status: SyncStatus) => void;
  /** Web Locks manager; default navigator.locks, null = in-process lock. */
  readonly locks?: LockManagerLike | null;
  readonly timers?: Timers;
  readonly backoff?: BackoffOptions;
  readonly requestTimeoutMs?: number;
  /** Records per pull page asked for (default DEFAULT_PULL_LIMIT; the server caps it). */
  readonly pullLimit?: number;
  /** Schedule the retry after a failure by itself (default true; fault tests drive it). */
  readonly autoRetry?: boolean;
  readonly isOnline?: () => boolean;
};

export type SyncClient = {
  readonly db: KitDatabase;
  readonly status: SyncStatusStore;
  getStatus(): SyncStatus;
  /** Runs one sync (push, then pull) unless one is running or the trigger must wait. */
  sync(trigger?: SyncTrigger): Promise<SyncRunResult>;
  /** Puts parked records back in the queue (all failures when no ids are given), then syncs. */
  retryFailed(recordIds?: readonly string[]): Promise<SyncRunResult>;
  setOnline(online: boolean): void;
  /** Re-reads pending count, issues and last sync from storage (every tab shares them). */
  refresh(snapshot?: QueueSnapshot): Promise<void>;
  /** Cancels a scheduled retry. */
  dispose(): void;
};

const navigatorOnline = (): boolean => {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine ?? true;
};

function errorOf(failure: PullFailure, at: string): SyncError {
  switch (failure.kind) {
    case 'too-large':
      return { code: 'server-refused', detail: 'the center refused the size of a request', at };
    case 'auth':
      return { code: 'enrollment', detail: failure.detail, at };
    case 'retryable':
      return { code: failure.code, detail: failure.detail, at };
    case 'storage':
      return { code: 'storage', detail: failure.detail, at };
    case 'app-update-needed':
      return { code: 'app-update-needed', detail: failure.detail, at };
  }
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db, clock } = options;
  const timers = options.timers ?? defaultTimers;
  const locks = options.locks === undefined ? defaultLockManager() : options.locks;
  const lockName = `kit-sync:${db.name}`;
  const status = createSyncStatusStore((options.isOnline ?? navigatorOnline)());
  const nowIso = () => new Date(clock.nowMs()).toISOString();
  let consecutiveFailures = 0;
  let retryTimer: unknown = null;
  let running: Promise<SyncRunResult> | null = null;
  let runAgain = false;
  /** A token the server refused: not tried again by automatic triggers. */
  let refusedToken: string | null = null;

  const set = (patch: Partial<SyncStatus>) => {
    status.setState(patch);
    options.onChange?.(status.getState());
  };

  const onServerTime = (sample: ServerTimeSample) => {
    const skew = clockSkewOf(sample);
    if (skew !== null) set({ clockSkewMs: skew.skewMs, clockSkewWarning: skew.warning });
  };

  async function refresh(snapshot?: QueueSnapshot): Promise<void> {
    try {
      const s = snapshot ?? (await queueSnapshot(db));
      set({
        pendingCount: s.pendingCount,
        conflicts: s.issues.filter((i) => i.status === 'conflict'),
        failures: s.issues.filter((i) => i.status === 'invalid'),
        lastSuccessfulSyncAt: s.lastSuccessfulSyncAt,
      });
    } catch {
      // The status is only a view: a storage failure shows up on the next sync's error.
    }
  }

  function clearRetry() {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  }

  function failed(error: SyncError): SyncRunResult {
    if (error.code === 'enrollment') {
      clearRetry();
      set({ lastError: error, needsEnrollment: true, nextRetryAt: null });
      return { kind: 'failed', error };
    }
    const delay = backoffDelayMs(
      consecutiveFailures,
      options.random,
      options.backoff ?? DEFAULT_BACKOFF,
    );
    consecutiveFailures += 1;
    clearRetry();
    if (options.autoRetry !== false)
      retryTimer = timers.setTimeout(() => void client.sync('retry'), delay);
    set({ lastError: error, nextRetryAt: new Date(clock.nowMs() + delay).toISOString() });
    return { kind: 'failed', error };
  }

  async function runOnce(trigger: SyncTrigger): Promise<SyncRunResult> {
    const auth = await options.getDeviceAuth();
    if (auth === null) {
      set({ needsEnrollment: true });
      return { kind: 'skipped', reason: 'not-enrolled' };
    }
    if (auth.token === refusedToken && trigger !== 'manual')
      return { kind: 'skipped', reason: 'not-enrolled' };
    const transport = createTransport({
      fetch: options.fetch,
      baseUrl: auth.baseUrl ?? options.baseUrl,
      deviceId: auth.deviceId,
      token: auth.token,
      nowMs: clock.nowMs,
      timers,
      timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      onServerTime,
    });
    const pushed = await pushOutbox(db, transport, nowIso);
    await refresh();
    if (!pushed.ok) {
      if (pushed.failure.kind === 'auth') refusedToken = auth.token;
      return failed(errorOf(pushed.failure, nowIso()));
    }
    const pulled = await pullAll(db, transport, nowIso, options.pullLimit, auth.deviceId);
    if (!pulled.ok) {
      if (pulled.failure.kind === 'auth') refusedToken = auth.token;
      return failed(errorOf(pulled.failure, nowIso()));
    }
    const at = nowIso();
    await setLastSuccessfulSync(db, at);
    consecutiveFailures = 0;
    refusedToken = null;
    clearRetry();
    set({ lastError: null, nextRetryAt: null, needsEnrollment: false, online: true });
    return { kind: 'synced', pushed: pushed.synced, parked: pushed.parked, pulled: pulled.stored };
  }

  async function guarded(trigger: SyncTrigger): Promise<SyncRunResult> {
    const outcome = await withSyncLock(locks, lockName, async () => {
      set({ syncing: true });
      try {
        return await runOnce(trigger);
      } catch (error) {
        return failed({ code: 'storage', detail: toStorageError(error).message, at: nowIso() });
      } finally {
        await refresh();
        set({ syncing: false });
      }
    });
    return outcome.acquired ? outcome.value : { kind: 'busy' };
  }

  const client: SyncClient = {
    db,
    status,
    getStatus: () => status.getState(),
    async sync(trigger = 'manual') {
      const state = status.getState();
      if (POLITE_TRIGGERS.has(trigger)) {
        if (!state.online) return { kind: 'skipped', reason: 'offline' };
        if (state.nextRetryAt !== null && Date.parse(state.nextRetryAt) > clock.nowMs())
          return { kind: 'skipped', reason: 'backoff' };
      }
      if (running !== null) {
        // A write during a sync may have missed this run's outbox read: run once more after it.
        runAgain = true;
        return { kind: 'busy' };
      }
      running = guarded(trigger);
      try {
        return await running;
      } finally {
        running = null;
        if (runAgain) {
          runAgain = false;
          void client.sync('local-write');
        }
      }
    },
    async retryFailed(recordIds) {
      const ids = recordIds ?? status.getState().failures.map((f) => f.recordId);
      try {
        await requeueIssues(db, ids, nowIso());
      } catch (error) {
        return failed({ code: 'storage', detail: toStorageError(error).message, at: nowIso() });
      }
      await refresh();
      return client.sync('manual');
    },
    setOnline(online) {
      set({ online });
    },
    refresh,
    dispose: clearRetry,
  };
  return client;
}
