/**
 * The next step for this patient: continue the session that is not discharged yet, or start
 * the next one (a `session` record keeping full snapshots of the settings and protocol in
 * force). Shows the protocol's expected dose for that session number with its reason
 * (session-dose.ts) and the proposed date with the short-interval warning (appointments.ts).
 */
import { useRef } from 'react';
import { checkInterval, proposeNextSession } from '../../domain/appointments.ts';
import { protocolKey } from '../../domain/protocols/types.ts';
import { expectedSessionDose } from '../../domain/session-dose.ts';
import type { PatientSummary } from '../../domain/state/patient-summary.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatDay, formatQuantity } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';
import { localDay, statusLabel } from './patient-display.ts';

type Props = {
  readonly summary: PatientSummary;
  readonly today: string;
  /** Next appointment agreed at the last discharge (YYYY-MM-DD), if one was recorded. */
  readonly agreedDate: string | null;
  readonly onOpenSession: (sessionId: string) => void;
};

export function NextSession({ summary, today, agreedDate, onOpenSession }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { writer, actor, settings, activeProtocol } = useBedside();
  const save = useSave();
  const busy = useRef(false);
  const n = summary.nextSessionNumber;

  const open = summary.sessions.find((s) => s.sessionId === summary.openSessionId);
  if (open) {
    return (
      <section className="card stack" aria-labelledby="next-session">
        <h2 id="next-session">{t.nextTitle}</h2>
        <p className="notice notice--warning">
          {fill(t.openSessionNote, { n: open.sessionNumber })}
        </p>
        <button
          type="button"
          className="btn btn--primary btn--large"
          onClick={() => onOpenSession(open.sessionId)}
        >
          {fill(t.continueSession, { n: open.sessionNumber })}
        </button>
      </section>
    );
  }

  const dose = expectedSessionDose({
    protocol: activeProtocol,
    sessionNumber: n,
    previousSessions: summary.previousSessionsForDose,
  });
  const last =
    summary.sessions
      .filter((s) => s.started && s.date !== '')
      .map((s) => localDay(s.date))
      .sort()
      .at(-1) ?? null;
  const proposed = last ? proposeNextSession(last, settings) : null;
  const interval = last ? checkInterval(last, today, settings) : null;
  const course = summary.course;
  const blocked =
    course === null
      ? t.noCourseNoSession
      : summary.courseStatus !== 'active'
        ? fill(t.courseNotActive, { status: statusLabel(t, summary.courseStatus) })
        : !dose.ok && dose.error.code === 'protocol-not-configured'
          ? fill(t.protocolUnusable, { message: errorText(dose.error, locale) })
          : null;
  const doseKind = dose.ok
    ? { 'test-dose': t.doseTest, 'full-dose': t.doseFull, 'needs-decision': t.doseNeedsDecision }[
        dose.value.kind
      ]
    : '';

  const start = async () => {
    if (!actor || !course || blocked || busy.current) return;
    busy.current = true;
    try {
      const session = await save.run(() =>
        writer.write(
          'session',
          { patientId: summary.patientId, sessionId: null },
          {
            courseId: course.id,
            sessionNumber: n,
            settingsSnapshot: settings,
            protocolSnapshot: activeProtocol,
          },
          {
            authorStaffId: actor.staffId,
            protocolKey: protocolKey(activeProtocol),
            settingsVersion: settings.version,
          },
          { selfOwned: 'session' },
        ),
      );
      if (session) onOpenSession(session.id);
    } finally {
      busy.current = false;
    }
  };

  return (
    <section className="card stack" aria-labelledby="next-session">
      <h2 id="next-session">{t.nextTitle}</h2>
      {course === null ? null : dose.ok ? (
        <div
          className={dose.value.kind === 'needs-decision' ? 'notice notice--warning' : 'notice'}
          role="status"
          aria-label={fill(t.expectedDose, { n })}
        >
          <strong>
            {fill(t.expectedDose, { n })}: {formatQuantity(dose.value.doseMg, 'mg', locale)} (
            {doseKind})
          </strong>
          <p style={{ margin: '0.3rem 0 0' }}>
            {/* The domain's own words (with their why) when someone must decide. */}
            {dose.value.kind === 'needs-decision'
              ? errorText({ message: dose.value.reason, messageNl: dose.value.reasonNl }, locale)
              : fill(dose.value.kind === 'test-dose' ? t.doseReasonTest : t.doseReasonFull, {
                  n,
                  dose: formatQuantity(dose.value.doseMg, 'mg', locale),
                })}
          </p>
          {dose.value.flags.map((f) => (
            <p key={f.code} style={{ margin: '0.3rem 0 0' }}>
              ⚠ {errorText(f, locale)}
            </p>
          ))}
        </div>
      ) : dose.error.code !== 'protocol-not-configured' ? (
        <p className="notice notice--urgent" role="alert">
          {errorText(dose.error, locale)}
        </p>
      ) : null}
      {last ? (
        <p>
          {fill(t.lastSession, { date: formatDay(last, locale) })}
          {agreedDate ? (
            <>
              {' · '}
              {t.proposedDate}: <strong>{formatDay(agreedDate, locale)}</strong> (
              {t.proposedFromDischarge})
            </>
          ) : proposed?.ok ? (
            <>
              {' · '}
              {t.proposedDate}: <strong>{formatDay(proposed.value, locale)}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      {interval && !interval.ok ? (
        <p className="notice notice--warning" role="status">
          {fill(t.intervalSameDay, { date: formatDay(last ?? today, locale) })}
        </p>
      ) : interval?.ok && interval.value.warning ? (
        <p className="notice notice--warning" role="status">
          {fill(t.intervalShort, {
            days: interval.value.intervalDays,
            min: settings.nextSessionWarnBelowDays,
          })}
        </p>
      ) : null}
      {blocked ? (
        <p className="notice notice--warning" role="status">
          {blocked}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn--primary btn--large"
        disabled={!actor || blocked !== null}
        onClick={() => void start()}
      >
        {fill(t.startSession, { n })}
      </button>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        onRetry={() => void start()}
      />
    </section>
  );
}
