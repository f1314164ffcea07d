/**
 * The course of one patient for the anesthesiologist (issue 5 "Follow-up"; protocol.md
 * sections 5 and 7): baseline pain, every session with dose, tolerance, side effects, extra
 * drugs and the pain answer, % pain improvement across sessions, one session's vitals against
 * its own thresholds and baseline, and the liver tests with their flags and the entry form.
 * Read live from IndexedDB (usePatientHistory: the course, and the shown session's vitals);
 * charts load lazily (chart-figure.tsx).
 */
import { useState } from 'react';
import { formatDay, formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { HistorySessionsTable, localDay } from './history-sessions-table.tsx';
import { LiverSection } from './liver-section.tsx';
import { messages } from './messages.ts';
import { PainChart } from './pain-chart.tsx';
import { usePatientHistory } from './use-patient-history.ts';
import { VitalsSection } from './vitals-section.tsx';
import './patient-history.css';

type Props = {
  readonly patientId: string;
  readonly onOpenSession: (sessionId: string) => void;
  /** Back to the patient's page, when the app offers it. */
  readonly onBack?: () => void;
};

export function PatientHistoryScreen({ patientId, onOpenSession, onBack }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  // Kept with its patient: a choice made on another patient's history means nothing here.
  const [chosen, setChosen] = useState<{ patientId: string; sessionId: string } | null>(null);
  const chosenSessionId = chosen?.patientId === patientId ? chosen.sessionId : null;
  const view = usePatientHistory(patientId, chosenSessionId);

  const back = onBack ? (
    <button type="button" className="btn" onClick={onBack}>
      ← {t.back}
    </button>
  ) : null;
  if (view === undefined) return <p role="status">{t.loading}</p>;
  const patient = view?.summary.patient ?? null;
  if (view === null || patient === null) {
    return (
      <section className="stack">
        {back}
        <p className="notice notice--warning" role="alert">
          {t.notFound}
        </p>
      </section>
    );
  }
  const { summary } = view;
  const p = patient.payload;
  const latest = view.points.at(-1);
  const course = summary.course;

  return (
    <section className="stack history-page" aria-labelledby="history-title">
      <div className="row">
        {back}
        <h1 id="history-title" style={{ margin: 0 }}>
          {fill(t.title, { number: p.centerPatientNumber })}
        </h1>
      </div>
      <section className="card" aria-labelledby="history-course">
        <h2 id="history-course">{t.courseTitle}</h2>
        <dl className="facts history-facts">
          <dt>{t.baselineNrs}</dt>
          <dd>
            {fill(t.nrsValue, {
              n: p.baselineNrs,
              date: formatDay(localDay(p.baselineNrsRecordedAt), locale),
            })}
          </dd>
          <dt>{t.courseStarted}</dt>
          <dd>{course ? formatDay(course.payload.startedOn, locale) : t.noCourse}</dd>
          <dt>{t.administrations}</dt>
          <dd>{summary.previousSessionsForDose.length}</dd>
          <dt>{t.latestImprovement}</dt>
          <dd>
            {latest
              ? formatQuantity(latest.answer.payload.painImprovementPercent, '%', locale)
              : '—'}
          </dd>
        </dl>
      </section>
      <HistorySessionsTable
        key={patientId}
        sessions={view.sessions}
        onOpenSession={onOpenSession}
      />
      <PainChart points={view.points} />
      <VitalsSection
        sessions={view.sessions}
        shownSessionId={view.vitalsSessionId}
        chosenSessionId={chosenSessionId}
        onChoose={(sessionId) => setChosen({ patientId, sessionId })}
      />
      <LiverSection
        patientId={patientId}
        tests={view.liver}
        protocolKey={course ? course.protocolKey : null}
      />
    </section>
  );
}
