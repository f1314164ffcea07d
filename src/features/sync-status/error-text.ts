import type { EnrollResult } from '../../sync/enrollment.ts';
import type { SyncErrorCode } from '../../sync/status.ts';
import type { SyncMessages } from './messages.ts';

/** The sentence a nurse reads for a sync error code. */
export function syncErrorText(code: SyncErrorCode, t: SyncMessages): string {
  switch (code) {
    case 'offline':
      return t.errorOffline;
    case 'server-unavailable':
      return t.errorServerUnavailable;
    case 'server-refused':
      return t.errorServerRefused;
    case 'unreadable-answer':
      return t.errorUnreadableAnswer;
    case 'enrollment':
      return t.errorEnrollment;
    case 'storage':
      return t.errorStorage;
    case 'app-update-needed':
      return t.errorAppUpdateNeeded;
  }
}

/** The sentence for a failed enrollment. */
export function enrollErrorText(
  result: Extract<EnrollResult, { ok: false }>,
  t: SyncMessages,
): string {
  switch (result.code) {
    case 'invalid-input':
      return result.field === 'deviceName' ? t.enrollInvalidName : t.enrollInvalidCode;
    case 'invalid-server-address':
      return t.enrollInvalidAddress;
    case 'offline':
      return t.enrollOffline;
    case 'code-unknown':
      return t.enrollCodeUnknown;
    case 'code-expired':
      return t.enrollCodeExpired;
    case 'code-used':
      return t.enrollCodeUsed;
    case 'too-many-tries':
      return t.enrollTooManyTries;
    case 'server-error':
      return t.enrollServerError;
    case 'storage':
      return t.enrollStorage;
  }
}
