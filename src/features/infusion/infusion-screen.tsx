/**
 * The running infusion (protocol.md section 4, step 4): the large clock, the event buttons,
 * the observation schedule, fast vitals entry with the observation list, and extra drugs.
 * Everything shown is read back from IndexedDB (usePatientView) and computed by the domain
 * from stored timestamps and `now`, so a reload or a tablet that slept shows the true state.
 */
import { useMemo } from 'react';
import { infusionTimeline } from '../../domain/infusion-timeline.ts';
import { observationSchedule } from '../../domain/observation-schedule.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records/registry.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { hours, minutesFromHours } from '../../domain/units.ts';
import { baselineAsVitals } from '../../domain/observation-findings.ts';
import { formatTime } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePatientView } from '../../ui/use-patient-view.ts';
import { DrugGivenForm } from './drug-given-form.tsx';
import { DrugList } from './drug-list.tsx';
import { InfusionClock } from './infusion-clock.tsx';
import { InfusionControls } from './infusion-controls.tsx';
import { messages } from './messages.ts';
import { ObservationDue } from './observation-due.tsx';
import { ObservationList } from './observation-list.tsx';
import { currentPumpRates, toTimelineEvents } from './timeline-events.ts';
import { useScreenNow } from './use-screen-now.ts';
import { useSessionWrite } from '../../ui/use-session-write.ts';
import { VitalsEntry } from './vitals-entry.tsx';

type Props = {
  readonly patientId: string;
  readonly sessionId: string;
  readonly onStopped: () => void;
};

export function InfusionScreen({ patientId, sessionId, onStopped }: Props) {
  const t = useMessages(messages);
  const view = usePatientView(patientId, sessionId);
  const state = view?.session ?? null;
  const session = state?.session ?? null;
  if (view === undefined) return <p role="status">{t.loading}</p>;
  if (state === null || session === null) {
    return (
      <p className="notice notice--urgent" role="alert">
        {t.sessionMissing}
      </p>
    );
  }
  // The session began with its first record (a corrected session record is written later).
  const sessionStart =
    view?.records.find((r: ClinicalRecord) => r.id === sessionId)?.clinicalTime ??
    session.clinicalTime;
  return (
    <RunningSession
      sessionId={sessionId}
      sessionStart={sessionStart}
      state={state}
      session={session}
      onStopped={onStopped}
    />
  );
}

type Ready = {
  readonly sessionId: string;
  readonly sessionStart: string;
  readonly state: SessionState;
  readonly session: RecordOfKind<'session'>;
  readonly onStopped: () => void;
};

function RunningSession({ sessionId, sessionStart, state, session, onStopped }: Ready) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { now, refresh } = useScreenNow();
  const write = useSessionWrite(session, sessionId);
  const settings = session.payload.settingsSnapshot;
  const plannedDurationMin = minutesFromHours(
    hours(session.payload.protocolSnapshot.ketamine.infusionDurationH),
  );
  const plan = state.currentDosePlan;
  const events = state.infusionEvents;

  const timeline = useMemo(
    () =>
      plan ? infusionTimeline(toTimelineEvents(events, plan), { plannedDurationMin, now }) : null,
    [events, plan, plannedDurationMin, now],
  );
  const schedule = observationSchedule({
    infusionStartedAt: state.infusion.startedAt,
    infusionEndedAt: state.infusion.stoppedAt,
    dischargedAt: state.discharge?.payload.dischargedAt ?? null,
    observationTimes: state.observations.map((o) => o.clinicalTime),
    intervalMin: settings.observationIntervalMin,
    now,
  });
  const rates = currentPumpRates(events, plan);
  const baseline = baselineAsVitals(state.baseline?.payload);
  const started = state.infusion.status !== 'not-started';

  return (
    <section className="stack" aria-labelledby="infusion-title">
      <h1 id="infusion-title">{t.title}</h1>
      {write === null ? (
        <p className="notice notice--warning" role="alert">
          {t.noActor}
        </p>
      ) : null}
      <div className="grid-2">
        <InfusionClock
          timeline={timeline}
          plannedDurationMin={plannedDurationMin}
          rates={rates}
          concentrations={
            plan
              ? {
                  ketamine: plan.payload.ketaminePreparedConcentrationMgPerMl,
                  propofol: plan.payload.propofolConcentrationMgPerMl,
                }
              : null
          }
        />
        <ObservationDue schedule={schedule} intervalMin={settings.observationIntervalMin} />
      </div>
      <InfusionControls
        state={state}
        timeline={timeline?.ok ? timeline.value : null}
        rates={rates}
        write={write}
        onWritten={refresh}
        onStopped={onStopped}
      />
      {started ? (
        // Stacked, not side by side: the observation table needs the full width at 768 px.
        <div className="stack">
          <VitalsEntry
            sessionId={sessionId}
            baseline={baseline}
            thresholds={settings.thresholds}
            phase={state.infusion.status === 'stopped' ? 'recovery' : 'infusion'}
            write={write}
            onSaved={refresh}
          />
          <ObservationList
            observations={state.observations}
            baseline={baseline}
            thresholds={settings.thresholds}
          />
        </div>
      ) : (
        <p className="notice">{t.vitalsAfterStart}</p>
      )}
      <DrugGivenForm
        sessionId={sessionId}
        sessionStart={sessionStart}
        sessionStartLabel={formatTime(sessionStart, locale)}
        write={write}
      />
      <DrugList drugs={state.drugs} />
    </section>
  );
}
