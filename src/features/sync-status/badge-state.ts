/**
 * What the header badge says, from the sync status alone (pure, so every case is tested).
 * Order matters: a tablet that must be enrolled again, or whose entries were refused, says
 * "problem" even while offline, because waiting for the network will not fix it.
 */
import type { SyncStatus } from '../../sync/status.ts';

export type BadgeState =
  | { readonly kind: 'not-enrolled'; readonly tone: 'urgent' }
  | { readonly kind: 'problem'; readonly tone: 'urgent' }
  | { readonly kind: 'offline'; readonly tone: 'warning'; readonly count: number }
  | { readonly kind: 'unreachable'; readonly tone: 'warning'; readonly count: number }
  | { readonly kind: 'syncing'; readonly tone: 'ok' }
  | { readonly kind: 'waiting'; readonly tone: 'ok'; readonly count: number }
  | { readonly kind: 'synced'; readonly tone: 'ok'; readonly at: string }
  | { readonly kind: 'never'; readonly tone: 'warning' };

export function badgeState(status: SyncStatus): BadgeState {
  if (status.needsEnrollment) return { kind: 'not-enrolled', tone: 'urgent' };
  const code = status.lastError?.code;
  const waitingHelps = code === undefined || code === 'offline' || code === 'server-unavailable';
  if (status.conflicts.length > 0 || status.failures.length > 0 || !waitingHelps)
    return { kind: 'problem', tone: 'urgent' };
  if (!status.online) return { kind: 'offline', tone: 'warning', count: status.pendingCount };
  if (code !== undefined)
    return { kind: 'unreachable', tone: 'warning', count: status.pendingCount };
  if (status.syncing) return { kind: 'syncing', tone: 'ok' };
  if (status.pendingCount > 0) return { kind: 'waiting', tone: 'ok', count: status.pendingCount };
  if (status.lastSuccessfulSyncAt !== null)
    return { kind: 'synced', tone: 'ok', at: status.lastSuccessfulSyncAt };
  return { kind: 'never', tone: 'warning' };
}
