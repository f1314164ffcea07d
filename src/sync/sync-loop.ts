/**
 * When the tablet syncs: at app start, when the network comes back, when the app comes back
 * to the foreground, every `periodMs`, and shortly after a local write (debounced, so a nurse
 * entering five vitals causes one sync, not five). Local writes are noticed by watching the
 * outbox with Dexie's liveQuery, which also sees writes made in other tabs; the same query
 * keeps the status (pending count, issues, last sync) current in every tab.
 */
import { liveQuery } from 'dexie';
import type { SyncClient, SyncTrigger } from './client.ts';
import { queueSnapshot } from './queue.ts';

export type SyncLoopWindow = {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(handle: number): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  readonly document: {
    readonly visibilityState: string;
    addEventListener(type: string, listener: () => void): void;
    removeEventListener(type: string, listener: () => void): void;
  };
  readonly navigator: { readonly onLine: boolean };
};

export type SyncLoopOptions = {
  /** Periodic sync, ms (default 60 s). */
  readonly periodMs?: number;
  /** Quiet time after the last local write before syncing, ms (default 2 s). */
  readonly writeDebounceMs?: number;
};

export const DEFAULT_SYNC_PERIOD_MS = 60_000;
export const DEFAULT_WRITE_DEBOUNCE_MS = 2_000;

/** Starts the triggers; returns a function that stops all of them. */
export function startSyncLoop(
  client: SyncClient,
  win: SyncLoopWindow,
  options: SyncLoopOptions = {},
): () => void {
  const trigger = (reason: SyncTrigger) => void client.sync(reason);
  let debounce: number | null = null;
  let lastPending: number | null = null;

  const onOnline = () => {
    client.setOnline(true);
    trigger('online');
  };
  const onOffline = () => client.setOnline(false);
  const onVisibility = () => {
    if (win.document.visibilityState === 'visible') trigger('visible');
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  win.document.addEventListener('visibilitychange', onVisibility);
  const interval = win.setInterval(
    () => trigger('periodic'),
    options.periodMs ?? DEFAULT_SYNC_PERIOD_MS,
  );

  const subscription = liveQuery(() => queueSnapshot(client.db)).subscribe({
    next: (snapshot) => {
      void client.refresh(snapshot);
      const grew = lastPending !== null && snapshot.pendingCount > lastPending;
      lastPending = snapshot.pendingCount;
      if (!grew) return;
      if (debounce !== null) win.clearTimeout(debounce);
      debounce = win.setTimeout(() => {
        debounce = null;
        trigger('local-write');
      }, options.writeDebounceMs ?? DEFAULT_WRITE_DEBOUNCE_MS);
    },
    error: () => undefined, // storage errors surface through the sync status
  });

  client.setOnline(win.navigator.onLine);
  trigger('start');

  return () => {
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.clearInterval(interval);
    if (debounce !== null) win.clearTimeout(debounce);
    subscription.unsubscribe();
    client.dispose();
  };
}
