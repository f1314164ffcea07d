/** Every session of the patient: number, date, dose, tolerance, deviation, review; each opens it. */
import type { SessionSummary } from '../../domain/state/patient-summary.ts';
import { formatDay, formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { localDay } from './patient-display.ts';

type Props = {
  readonly sessions: readonly SessionSummary[];
  readonly onOpenSession: (sessionId: string) => void;
};

export function SessionsTable({ sessions, onOpenSession }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <section className="card stack" aria-labelledby="patient-sessions">
      <h2 id="patient-sessions">{t.sessionsTitle}</h2>
      {sessions.length === 0 ? (
        <p>{t.noSessions}</p>
      ) : (
        <table className="data" aria-labelledby="patient-sessions">
          <thead>
            <tr>
              <th scope="col">{t.colSession}</th>
              <th scope="col">{t.colDate}</th>
              <th scope="col" className="num">
                {t.colDose}
              </th>
              <th scope="col">{t.colTolerated}</th>
              <th scope="col">{t.colDeviation}</th>
              <th scope="col">{t.colReview}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.sessionId}>
                <td>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onOpenSession(s.sessionId)}
                    aria-label={fill(t.openSession, { n: s.sessionNumber })}
                  >
                    {s.sessionNumber}
                  </button>
                </td>
                <td>{s.date ? formatDay(localDay(s.date), locale) : '—'}</td>
                <td className="num">
                  {s.doseMg === null ? '—' : formatQuantity(s.doseMg, 'mg', locale)}
                </td>
                <td>{s.tolerated === null ? t.notRecorded : s.tolerated ? t.yes : t.no}</td>
                <td>
                  {s.isDeviation ? (
                    <span className="badge badge--warning">{t.deviation}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {s.needsReview ? (
                    <span className="badge badge--warning">⚠ {t.needsReview}</span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
