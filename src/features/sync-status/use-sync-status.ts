import { useStore } from 'zustand';
import type { SyncClient } from '../../sync/client.ts';
import type { SyncStatus } from '../../sync/status.ts';

/** The live sync status of `client` (re-renders on every change). */
export function useSyncStatus(client: SyncClient): SyncStatus {
  return useStore(client.status);
}
