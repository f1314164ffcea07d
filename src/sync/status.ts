/**
 * What the tablet knows about its sync, for the header badge and the sync screen. A small
 * zustand store (vanilla, so the client has no React dependency); components read it with
 * `useStore(client.status)`.
 *
 * Error *codes* live here, not sentences: the screen turns a code into words in the nurse's
 * language. `detail` carries the server's own explanation where there is one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export const SYNC_ERROR_CODES = [
  /** The request never got an answer: no network, or the center's server is unreachable. */
  'offline',
  /** The server answered 5xx / 429 / 408, or the request timed out: it will be retried. */
  'server-unavailable',
  /** The server refused the request itself (4xx other than auth): retried, shown meanwhile. */
  'server-refused',
  /** A 2xx answer that is not the sync protocol (a captive portal, a proxy page). */
  'unreadable-answer',
  /** 401/403: the token is unknown, revoked, or for another device. Enroll again. */
  'enrollment',
  /** The tablet's own storage failed (full, closed by a newer tab). */
  'storage',
  /** The center sent a record this app version cannot read: update the app. */
  'app-update-needed',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export type SyncError = {
  readonly code: SyncErrorCode;
  /** Technical detail or the server's message; never a token, never patient data. */
  readonly detail: string;
  /** Device time of the failure, ISO instant. */
  readonly at: string;
};

/**
 * A record the server will not store as it is: kept on the tablet, out of the push queue, and
 * listed for a person. `conflict`: the center already holds different content under this id
 * (its copy wins, unchanged). `invalid`: refused with a reason (retry after fixing the cause,
 * e.g. adding the author as staff on the server).
 */
export type SyncIssue = {
  readonly recordId: string;
  readonly recordKind: string;
  readonly status: 'conflict' | 'invalid';
  /** Path of the offending field (`authorStaffId`, `payload.doseMg`), null when not known. */
  readonly field: string | null;
  readonly reason: string;
  /** Device time when the answer came, ISO instant. */
  readonly at: string;
  /** The stored record's sequence number on the server (conflicts). */
  readonly serverSeq: number | null;
};

export type SyncStatus = {
  /** The browser's view (navigator.onLine and online/offline events). */
  readonly online: boolean;
  readonly syncing: boolean;
  /** Records waiting to be pushed (not counting the ones listed as issues). */
  readonly pendingCount: number;
  readonly lastSuccessfulSyncAt: string | null;
  /** Null after a successful sync. */
  readonly lastError: SyncError | null;
  /** When the next automatic retry is due (device time), null when none is scheduled. */
  readonly nextRetryAt: string | null;
  readonly conflicts: readonly SyncIssue[];
  readonly failures: readonly SyncIssue[];
  /** Device clock minus server clock, ms (positive: the tablet is ahead). Null before any answer. */
  readonly clockSkewMs: number | null;
  /** The clocks differ by more than CLOCK_SKEW_WARNING_MS (records are never refused for it). */
  readonly clockSkewWarning: boolean;
  /** No device token, or the server refused it: this tablet must be enrolled again. */
  readonly needsEnrollment: boolean;
};

export type SyncStatusStore = StoreApi<SyncStatus>;

export function initialSyncStatus(online: boolean): SyncStatus {
  return {
    online,
    syncing: false,
    pendingCount: 0,
    lastSuccessfulSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    conflicts: [],
    failures: [],
    clockSkewMs: null,
    clockSkewWarning: false,
    needsEnrollment: false,
  };
}

export function createSyncStatusStore(online: boolean): SyncStatusStore {
  return createStore<SyncStatus>()(() => initialSyncStatus(online));
}
