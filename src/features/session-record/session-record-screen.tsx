/**
 * The session record (protocol.md section 6, issue steps 8-9): every record of the session in
 * clinical-time order with its author, corrections and "entered in error" markers kept visible
 * (the originals struck through), the actions to correct an entry, and a one-page print for the
 * paper chart. Conflicting corrections (e.g. from two tablets) show as "needs review" with the
 * reasons from the session state; nothing is guessed.
 */
import { format } from 'date-fns';
import { useMemo } from 'react';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatDay } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { guardSession } from '../../ui/session-view.tsx';
import { messages } from './messages.ts';
import { PrintRecord } from './print-record.tsx';
import './session-record.css';
import type { SummaryContext } from './summary.ts';
import { buildTimeline } from './timeline.ts';
import { TimelineEntry } from './timeline-entry.tsx';

type Props = { readonly patientId: string; readonly sessionId: string };

/** The tablet's local calendar day of an instant (YYYY-MM-DD). */
const localDay = (iso: string) => format(new Date(iso), 'yyyy-MM-dd');

export function SessionRecordScreen({ patientId, sessionId }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff, actor, deviceId } = useBedside();
  const now = useNow(60_000);
  const patientView = usePatientView(patientId, sessionId);
  const entries = useMemo(
    () => (patientView ? buildTimeline(patientView.records, patientView.effective, sessionId) : []),
    [patientView, sessionId],
  );

  const guard = guardSession(patientView, t);
  if (!guard.ready) return guard.element;
  const { view, state, session } = guard.loaded;

  const ctx: SummaryContext = { t, locale, name: (id) => staffName(staff, id) };
  const patientNumber = view.summary.patient?.payload.centerPatientNumber ?? '';
  const date = formatDay(localDay(state.infusion.startedAt ?? session.clinicalTime), locale);

  return (
    <>
      <section className="stack session-record" aria-labelledby="session-record-title">
        <div className="row">
          <h1 id="session-record-title" style={{ marginRight: 'auto' }}>
            {t.title}
          </h1>
          <button type="button" className="btn btn--primary" onClick={() => window.print()}>
            {t.print}
          </button>
        </div>
        <dl className="facts card">
          <dt>{t.headerPatient}</dt>
          <dd>{patientNumber}</dd>
          <dt>{t.headerSession}</dt>
          <dd>{session.payload.sessionNumber}</dd>
          <dt>{t.headerDate}</dt>
          <dd>{date}</dd>
          <dt>{t.headerProtocol}</dt>
          <dd>
            {session.payload.protocolSnapshot.title} ({session.protocolKey})
          </dd>
          <dt>{t.headerSettings}</dt>
          <dd>{session.settingsVersion}</dd>
        </dl>
        {state.needsReview ? (
          <div className="notice notice--warning" role="alert">
            <strong>{t.reviewTitle}</strong>
            <ul>
              {state.reviewReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <span>{t.reviewHint}</span>
          </div>
        ) : null}
        {actor === null ? <p className="notice notice--warning">{t.noActor}</p> : null}
        <h2 id="timeline-title">{t.timelineTitle}</h2>
        <p className="field__hint">{t.timelineHint}</p>
        {entries.length === 0 ? <p>{t.empty}</p> : null}
        <ol className="timeline" aria-labelledby="timeline-title">
          {entries.map((e) => (
            <TimelineEntry key={e.record.id} entry={e} state={state} ctx={ctx} />
          ))}
        </ol>
      </section>
      <PrintRecord
        state={state}
        patientNumber={patientNumber}
        sessionDate={date}
        entries={entries}
        ctx={ctx}
        deviceId={deviceId}
        printedAt={now}
      />
    </>
  );
}
