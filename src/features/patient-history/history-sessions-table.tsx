/**
 * Every session of the course in one table: date, ketamine dose, tolerance, side effects with
 * severity, extra drugs given, and the pain answer (% improvement and the decision). Each
 * session number opens that session's record.
 *
 * A long course (LONG_COURSE sessions or more, long-course.ts; a 10-year center has courses of
 * 90) first shows its latest RECENT_SESSIONS, with a button for all of them: on a tablet a 90-row table puts the
 * charts six screens down, and laying it out was most of a long history's opening time
 * (bench/browser/center.ts). The pain chart right below covers every session.
 */
import { useState } from 'react';
import { format } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import type { RecordOfKind } from '../../domain/records.ts';
import { SIDE_EFFECT_CATALOG } from '../../domain/side-effect-catalog.ts';
import { formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import type { HistorySession } from './history-data.ts';
import { LONG_COURSE, RECENT_SESSIONS } from './long-course.ts';
import { messages, type HistoryMessages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

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
  const [showAll, setShowAll] = useState(false);
  const long = sessions.length >= LONG_COURSE;
  const shown = long && !showAll ? sessions.slice(-RECENT_SESSIONS) : sessions;
  const counts = { shown: RECENT_SESSIONS, total: sessions.length };
  return (
    <section className="card stack" aria-labelledby="history-sessions">
      <h2 id="history-sessions">{t.sessionsTitle}</h2>
      {long ? (
        <div className="row history-sessions-shown">
          {showAll ? null : <p id="history-sessions-shown">{fill(t.sessionsShown, counts)}</p>}
          <button
            type="button"
            className="btn"
            aria-expanded={showAll}
            onClick={() => setShowAll((all) => !all)}
          >
            {fill(showAll ? t.showLatestSessions : t.showAllSessions, counts)}
          </button>
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p>{t.noSessions}</p>
      ) : (
        <ScrollRegion className="history-scroll" labelledBy="history-sessions">
          <table
            className="data"
            aria-labelledby="history-sessions"
            aria-describedby={long && !showAll ? 'history-sessions-shown' : undefined}
          >
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
              {shown.map(({ summary: s, sideEffects, drugs, outcome }) => (
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
        </ScrollRegion>
      )}
    </section>
  );
}
