/**
 * One session's workspace: the step tabs and the step's screen. Opening a session without a
 * step goes to where the session is (derived from its records), so a reload or a tablet that
 * was handed to a colleague resumes at the right place.
 */
import { useEffect, useState } from 'react';
import type { SessionStep } from '../domain/state/session-state.ts';
import { DischargeScreen } from '../features/discharge/discharge-screen.tsx';
import { DosePlanScreen } from '../features/dose-plan/dose-plan-screen.tsx';
import { InfusionScreen } from '../features/infusion/infusion-screen.tsx';
import { OutcomeScreen } from '../features/outcome/outcome-screen.tsx';
import { PreChecksScreen } from '../features/pre-checks/pre-checks-screen.tsx';
import { SessionRecordScreen } from '../features/session-record/session-record-screen.tsx';
import { SideEffectPanel } from '../features/side-effects/side-effect-panel.tsx';
import { fill, useMessages } from '../ui/i18n.ts';
import { usePatientView } from '../ui/use-patient-view.ts';
import { messages } from './messages.ts';
import { hrefFor, navigate, SESSION_STEPS, type Route, type SessionStepRoute } from './router.ts';

type SessionRoute = Extract<Route, { name: 'session' }>;

/** Where a session is, as a screen. */
export function stepForState(step: SessionStep, sessionNumber: number): SessionStepRoute {
  switch (step) {
    case 'pre-checks':
      return 'pre-checks';
    case 'dose-plan':
      return 'dose-plan';
    case 'ready-to-start':
    case 'running':
    case 'paused':
      return 'infusion';
    case 'stopped':
      return 'discharge';
    case 'discharged':
      return sessionNumber >= 2 ? 'outcome' : 'record';
  }
}

export function SessionShell({ route }: { readonly route: SessionRoute }) {
  const t = useMessages(messages);
  const { patientId, sessionId } = route;
  const view = usePatientView(patientId, sessionId);
  // Each tap on the portrait "side effect" button asks the panel to open its catalog.
  const [sideEffectRequest, setSideEffectRequest] = useState(0);
  const session = view?.session;
  const sessionNumber = session?.session?.payload.sessionNumber ?? 1;
  const current = session ? stepForState(session.step, sessionNumber) : null;

  useEffect(() => {
    if (route.step === null && current) navigate({ ...route, step: current });
  }, [route, current]);

  if (view === undefined) return <p role="status">{t.loading}</p>;
  if (view === null || !session?.session) {
    return (
      <p className="notice notice--warning" role="alert">
        {t.notFound}
      </p>
    );
  }
  const go = (step: SessionStepRoute) => navigate({ ...route, step });
  const labels: Record<SessionStepRoute, string> = {
    'pre-checks': t.stepPreChecks,
    'dose-plan': t.stepDosePlan,
    infusion: t.stepInfusion,
    discharge: t.stepDischarge,
    outcome: t.stepOutcome,
    record: t.stepRecord,
  };
  const steps = SESSION_STEPS.filter((s) => s !== 'outcome' || sessionNumber >= 2);
  const step = route.step ?? current ?? 'pre-checks';
  const number = view.summary.patient?.payload.centerPatientNumber ?? '';

  return (
    <div className="stack">
      <div className="row session-title">
        <a className="btn btn--quiet" href={hrefFor({ name: 'patient', patientId })}>
          ← {t.backToPatient}
        </a>
        {/* Context, not the page heading: each step's own h1 is ("Pre-checks", "Infusion"...). */}
        <p className="session-title__text">
          {fill(t.sessionTitle, { patient: number, session: sessionNumber })}
        </p>
      </div>
      <nav aria-label={t.sessionSteps} className="step-tabs">
        {steps.map((s) => (
          <a
            key={s}
            href={hrefFor({ ...route, step: s })}
            aria-current={s === step ? 'step' : undefined}
            data-current-state={s === current || undefined}
          >
            {labels[s]}
          </a>
        ))}
      </nav>
      {step === 'pre-checks' ? (
        <PreChecksScreen
          patientId={patientId}
          sessionId={sessionId}
          onDone={() => go('dose-plan')}
        />
      ) : null}
      {step === 'dose-plan' ? (
        <DosePlanScreen
          patientId={patientId}
          sessionId={sessionId}
          onReadyToStart={() => go('infusion')}
        />
      ) : null}
      {step === 'infusion' ? (
        <div className="infusion-layout">
          <InfusionScreen
            patientId={patientId}
            sessionId={sessionId}
            onStopped={() => go('discharge')}
          />
          <SideEffectPanel
            patientId={patientId}
            sessionId={sessionId}
            openRequest={sideEffectRequest}
          />
          {/* Portrait: the panel is below the whole infusion screen, so a bar along the
              bottom edge, always within a thumb's reach, brings it up with its catalog open. */}
          <div className="infusion-action-bar">
            <button
              type="button"
              className="btn btn--primary btn--large"
              onClick={() => setSideEffectRequest((n) => n + 1)}
            >
              <span aria-hidden="true">+ </span>
              {t.recordSideEffect}
            </button>
          </div>
        </div>
      ) : null}
      {step === 'discharge' ? (
        <DischargeScreen
          patientId={patientId}
          sessionId={sessionId}
          onDischarged={() => go(sessionNumber >= 2 ? 'outcome' : 'record')}
          onTakeVitals={() => go('infusion')}
        />
      ) : null}
      {step === 'outcome' ? (
        <OutcomeScreen patientId={patientId} sessionId={sessionId} onDone={() => go('record')} />
      ) : null}
      {step === 'record' ? (
        <SessionRecordScreen patientId={patientId} sessionId={sessionId} />
      ) : null}
    </div>
  );
}
