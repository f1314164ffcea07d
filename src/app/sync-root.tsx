/**
 * The tablet's one sync client, created next to the database, and its triggers (app start,
 * back online, back to the foreground, a timer, local writes; src/sync/sync-loop.ts). The
 * center server serves the app and the API on one port, so the server address defaults to the
 * page's own origin ('' = same origin).
 *
 * The header badge and the sync screen read the client's status, which comes from real
 * requests: a failed request says "no connection" even where the browser claims to be online.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { requestPersistentStorage } from '../features/sync-status/storage.ts';
import { createSyncClient, type SyncClient } from '../sync/client.ts';
import { loadDeviceAuth } from '../sync/enrollment.ts';
import { startSyncLoop } from '../sync/sync-loop.ts';
import { useBedside } from '../ui/bedside-context.tsx';

const SyncClientContext = createContext<SyncClient | null>(null);

export function useSyncClient(): SyncClient {
  const client = useContext(SyncClientContext);
  if (client === null) throw new Error('useSyncClient() outside <SyncRoot>');
  return client;
}

export function SyncRoot({ children }: { readonly children: ReactNode }) {
  const { db, clock } = useBedside();
  const [client] = useState(() =>
    createSyncClient({
      db,
      fetch: (input, init) => globalThis.fetch(input, init),
      baseUrl: '',
      getDeviceAuth: () => loadDeviceAuth(db),
      clock,
      random: Math.random,
    }),
  );

  useEffect(() => {
    // Offline-first: ask the browser not to evict the tablet's records under storage pressure.
    void requestPersistentStorage(navigator);
  }, []);

  // Runs from the start, enrolled or not: an unenrolled tablet sends nothing (the client skips
  // without a request) but its badge says "Not enrolled" and the waiting count stays live, and
  // the first sync after enrollment needs no restart.
  useEffect(() => startSyncLoop(client, window), [client]);

  return <SyncClientContext.Provider value={client}>{children}</SyncClientContext.Provider>;
}
