/** Connection, waiting entries, last sync, the current error with Retry, and clock skew. */
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import type { SyncClient } from '../../sync/client.ts';
import { syncErrorText } from './error-text.ts';
import { messages } from './messages.ts';
import { syncTime } from './sync-badge.tsx';
import { useSyncStatus } from './use-sync-status.ts';

export function StatusSection({ client }: { readonly client: SyncClient }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const now = useNow(30_000);
  const status = useSyncStatus(client);
  const syncNow = () => void client.sync('manual');
  const error = status.lastError;
  const skewMinutes =
    status.clockSkewMs === null ? 0 : Math.round(Math.abs(status.clockSkewMs) / 60_000);
  return (
    <section className="card stack" aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading">{t.statusHeading}</h2>
      <dl className="facts">
        <dt>{t.connection}</dt>
        <dd>
          {/* The browser may say online while the center does not answer: requests decide. */}
          {!status.online
            ? t.offline
            : error?.code === 'offline' || error?.code === 'server-unavailable'
              ? t.unreachable
              : t.online}
        </dd>
        <dt>{t.waiting}</dt>
        <dd>{fill(t.waitingValue, { count: status.pendingCount })}</dd>
        <dt>{t.lastSync}</dt>
        <dd>
          {status.lastSuccessfulSyncAt === null
            ? t.never
            : syncTime(status.lastSuccessfulSyncAt, now, locale)}
        </dd>
      </dl>
      {status.syncing ? <p role="status">{t.syncing}</p> : null}
      {error !== null ? (
        <div
          className={`notice ${error.code === 'offline' ? 'notice--warning' : 'notice--urgent'} stack`}
          role="alert"
        >
          <p>{syncErrorText(error.code, t)}</p>
          {error.detail !== '' ? (
            <p className="field__hint">{fill(t.errorDetail, { detail: error.detail })}</p>
          ) : null}
          {status.nextRetryAt !== null ? (
            <p>{fill(t.nextTry, { time: syncTime(status.nextRetryAt, now, locale) })}</p>
          ) : null}
          <div className="row">
            <button
              type="button"
              className="btn btn--primary btn--large"
              onClick={syncNow}
              disabled={status.syncing}
            >
              {t.retry}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="btn btn--large"
            onClick={syncNow}
            disabled={status.syncing}
          >
            {t.syncNow}
          </button>
        </div>
      )}
      {status.clockSkewWarning && status.clockSkewMs !== null ? (
        <p className="notice notice--warning" role="alert">
          {fill(t.clockSkew, {
            minutes: skewMinutes,
            direction: status.clockSkewMs > 0 ? t.ahead : t.behind,
          })}
        </p>
      ) : null}
    </section>
  );
}
