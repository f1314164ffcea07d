/**
 * Every session of the course in one table: date, ketamine dose, tolerance, side effects with
 * severity, extra drugs given, and the pain answer (% improvement and the decision). Each
 * session number opens that session's record.
 */
import { format } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import type { RecordOfKind } from '../../domain/records.ts';
import { SIDE_EFFECT_CATALOG } from '../../domain/side-effect-catalog.ts';
import { formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import type { HistorySession } from './history-data.ts';
import { messages, type HistoryMessages } from './messages.ts';

type Props = {
  readonly sessions: readonly HistorySession[];
  readonly onOpenSession: (sessionId: string) => void;
};

export const localDay = (iso: string) => format(new Date(iso), 'yyyy-MM-dd');

/** "19 Jul 2026": short enough for a table column on a tablet. */
export const shortDay = (iso: string, locale: Locale) =>
  format(new Date(iso), 'PP', { locale: locale === 'nl-BE' ? nlBE : enGB });

function sideEffectText(
  t: HistoryMessages,
  locale: Locale,
  r: RecordOfKind<'side-effect'>,
): string {
  const def = SIDE_EFFECT_CATALOG.find((d) => d.id === r.payload.effect);
  const name =
    r.payload.effect === 'other'
      ? (r.payload.otherText ?? '')
      : locale === 'nl-BE'
        ? (def?.labelNl ?? r.payload.effect)
        : (def?.label ?? r.payload.effect);
  return fill(t.severity, { effect: name, severity: t[r.payload.severity] });
}

/** "continue" / "stop (lack of effect)". */
export function decisionText(t: HistoryMessages, a: RecordOfKind<'outcome-answer'>): string {
  const reason = a.payload.discontinuationReason;
  const reasons = {
    'lack-of-effect': t.reasonLackOfEffect,
    'side-effects': t.reasonSideEffects,
    other: t.reasonOther,
  };
  return a.payload.decision === 'continue'
    ? t.decisionContinue
    : fill(t.decisionStop, { reason: reason ? reasons[reason] : '—' });
}

function List({ items, empty }: { readonly items: readonly string[]; readonly empty: string }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className="history-cell-list">
      {items.map((text, i) => (
        <li key={`${i}-${text}`}>{text}</li>
      ))}
    </ul>
  );
}

export function HistorySessionsTable({ sessions, onOpenSession }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <section className="card stack" aria-labelledby="history-sessions">
      <h2 id="history-sessions">{t.sessionsTitle}</h2>
      {sessions.length === 0 ? (
        <p>{t.noSessions}</p>
      ) : (
        <div className="history-scroll">
          <table className="data" aria-labelledby="history-sessions">
            <thead>
              <tr>
                <th scope="col">{t.colSession}</th>
                <th scope="col">{t.colDate}</th>
                <th scope="col" className="num">
                  {t.colDose}
                </th>
                <th scope="col">{t.colTolerated}</th>
                <th scope="col">{t.colSideEffects}</th>
                <th scope="col">{t.colDrugs}</th>
                <th scope="col">{t.colPain}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map(({ summary: s, sideEffects, drugs, outcome }) => (
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
                  <td className="history-nowrap">
                    {s.date ? shortDay(s.date, locale) : '—'}
                    {s.started ? null : <div className="field__hint">{t.notStarted}</div>}
                  </td>
                  <td className="num">
                    {s.doseMg === null ? '—' : formatQuantity(s.doseMg, 'mg', locale)}
                  </td>
                  <td>{s.tolerated === null ? t.notRecorded : s.tolerated ? t.yes : t.no}</td>
                  <td>
                    <List
                      items={sideEffects.map((r) => sideEffectText(t, locale, r))}
                      empty={t.none}
                    />
                  </td>
                  <td>
                    <List
                      items={drugs.map((d) =>
                        fill(t.drug, {
                          name: d.payload.drugName,
                          dose: formatQuantity(d.payload.doseMg, 'mg', locale),
                          route: d.payload.route,
                        }),
                      )}
                      empty={t.none}
                    />
                  </td>
                  <td>
                    {outcome ? (
                      <>
                        <span className="history-main">
                          {formatQuantity(outcome.payload.painImprovementPercent, '%', locale)}
                        </span>{' '}
                        <span className="history-sub">{decisionText(t, outcome)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
