/**
 * Entries the center would not take as they are: conflicts (the center holds other content
 * under the same identity) and refusals (with the center's reason). They stay on the tablet
 * and are listed here until a person deals with them; refused ones can be sent again.
 */
import { useMessages } from '../../ui/i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import type { SyncClient } from '../../sync/client.ts';
import type { SyncIssue } from '../../sync/status.ts';
import { messages } from './messages.ts';
import { useSyncStatus } from './use-sync-status.ts';

function IssueTable({
  issues,
  caption,
}: {
  readonly issues: readonly SyncIssue[];
  readonly caption: string;
}) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.issueKind}</th>
          <th scope="col">{t.issueId}</th>
          <th scope="col">{t.issueReason}</th>
          <th scope="col">{t.issueWhen}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue.recordId}>
            <td>{issue.recordKind}</td>
            <td>
              <code>{issue.recordId}</code>
            </td>
            <td>{issue.reason}</td>
            <td>{formatDateTime(issue.at, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IssuesSection({ client }: { readonly client: SyncClient }) {
  const t = useMessages(messages);
  const { conflicts, failures, syncing } = useSyncStatus(client);
  if (conflicts.length === 0 && failures.length === 0) return null;
  return (
    <>
      {conflicts.length > 0 ? (
        <section className="card stack" aria-labelledby="sync-conflicts-heading">
          <h2 id="sync-conflicts-heading">{t.conflictsHeading}</h2>
          <p className="notice notice--warning">{t.conflictsIntro}</p>
          <IssueTable issues={conflicts} caption={t.conflictsHeading} />
        </section>
      ) : null}
      {failures.length > 0 ? (
        <section className="card stack" aria-labelledby="sync-failures-heading">
          <h2 id="sync-failures-heading">{t.failuresHeading}</h2>
          <p className="notice notice--urgent">{t.failuresIntro}</p>
          <IssueTable issues={failures} caption={t.failuresHeading} />
          <div className="row">
            <button
              type="button"
              className="btn btn--large"
              disabled={syncing}
              onClick={() => void client.retryFailed()}
            >
              {t.retryRefused}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
