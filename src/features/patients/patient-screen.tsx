/**
 * One patient for the nurse and the anesthesiologist: facts and eligibility, the course and
 * its status, liver tests due, the next session (continue or start, expected dose, proposed
 * date) and every session. Read live from IndexedDB (usePatientView).
 */
import { format } from 'date-fns';
import type { ClinicalRecord, RecordKind, RecordOfKind } from '../../domain/records.ts';
import { protocolKey } from '../../domain/protocols/types.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatDay } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { CourseStatusForm } from './course-status-form.tsx';
import { LiverStatus } from './liver-status.tsx';
import { messages } from './messages.ts';
import { NextSession } from './next-session.tsx';
import { eligibilityView, statusBadgeClass, statusLabel } from './patient-display.ts';
import { PatientFacts } from './patient-facts.tsx';
import { SessionsTable } from './sessions-table.tsx';
import './patients.css';

type Props = {
  readonly patientId: string;
  readonly onOpenSession: (sessionId: string) => void;
  readonly onBack: () => void;
  /** Opens the patient's history and liver follow-up (shown only when the app wires it). */
  readonly onOpenHistory?: () => void;
};

/** Latest counting record of a kind (records are ordered by clinical time). */
const latestOf = <K extends RecordKind>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind).at(-1) ?? null;

export function PatientScreen({ patientId, onOpenSession, onBack, onOpenHistory }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { actor, protocols, activeProtocol, staff } = useBedside();
  const today = format(useNow(60_000), 'yyyy-MM-dd');
  const view = usePatientView(patientId);
  const back = (
    <button type="button" className="btn" onClick={onBack}>
      ← {t.back}
    </button>
  );
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
  const { summary, effective } = view;
  const records = effective.records;
  const screening = latestOf(records, 'eligibility-screening');
  const liverTests = records.filter(
    (r): r is RecordOfKind<'liver-test'> => r.kind === 'liver-test',
  );
  const lastLiver =
    liverTests
      .map((r) => r.payload.sampledOn)
      .sort()
      .at(-1) ?? null;
  const agreedDate = latestOf(records, 'discharge')?.payload.nextAppointmentOn ?? null;
  const course = summary.course;
  const courseProtocol =
    protocols.find((p) => course && protocolKey(p) === course.protocolKey) ?? activeProtocol;

  return (
    <section className="stack" aria-labelledby="patient-title">
      <div className="row">
        {back}
        <h1 id="patient-title" style={{ margin: 0 }}>
          {fill(t.patientTitle, { number: patient.payload.centerPatientNumber })}
        </h1>
        <span className={statusBadgeClass(summary.courseStatus)}>
          {statusLabel(t, summary.courseStatus)}
        </span>
        {summary.needsReview ? (
          <span className="badge badge--warning">⚠ {t.needsReview}</span>
        ) : null}
        {onOpenHistory ? (
          <button type="button" className="btn patient-history-link" onClick={onOpenHistory}>
            {t.openHistory} →
          </button>
        ) : null}
      </div>
      {!actor ? (
        <p className="notice notice--urgent" role="alert">
          {t.noActor}
        </p>
      ) : null}
      <div className="grid-2">
        <PatientFacts patient={patient} screening={screening} today={today} />
        <NextSession
          summary={summary}
          today={today}
          agreedDate={agreedDate}
          onOpenSession={onOpenSession}
        />
      </div>
      <section className="card stack" aria-labelledby="patient-course">
        <h2 id="patient-course">{t.courseTitle}</h2>
        {course === null || summary.courseStatus === null ? (
          <p>
            {eligibilityView(screening, staff, t).kind === 'not-eligible'
              ? t.courseNone
              : t.courseNoneYet}
          </p>
        ) : (
          <>
            <p>
              {fill(course.payload.startedHere ? t.courseStarted : t.courseStartedElsewhere, {
                date: formatDay(course.payload.startedOn, locale),
              })}
              {' · '}
              {t.courseStatus}:{' '}
              <span className={statusBadgeClass(summary.courseStatus)}>
                {statusLabel(t, summary.courseStatus)}
              </span>
            </p>
            <h3>{t.liverTitle}</h3>
            <LiverStatus
              lastTestDate={lastLiver}
              courseStartDate={course.payload.startedOn}
              intervalMonths={courseProtocol.liverTestIntervalMonths}
              today={today}
            />
            <CourseStatusForm
              course={course}
              current={summary.courseStatus}
              administered={summary.previousSessionsForDose.length}
            />
          </>
        )}
      </section>
      <SessionsTable sessions={summary.sessions} onOpenSession={onOpenSession} />
    </section>
  );
}
