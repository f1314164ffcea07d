/**
 * A newer version of the app (another tab, or an update) upgraded the database: this tab has
 * closed its connection so old code never writes into the new schema. Nothing typed is lost:
 * drafts and records were saved before the switch.
 */
import { useMessages } from '../ui/i18n.ts';
import { messages } from './messages.ts';

export function DatabaseReplacedNotice() {
  const t = useMessages(messages);
  return (
    <div className="app-main stack">
      <p className="notice notice--warning" role="alert">
        {t.databaseReplaced}
      </p>
      <button
        type="button"
        className="btn btn--primary btn--large"
        onClick={() => window.location.reload()}
      >
        {t.reload}
      </button>
    </div>
  );
}
