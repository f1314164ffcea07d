/**
 * The event buttons: start, pause (reason required), resume, rate change (reason required,
 * warning above the plan) and stop (a confirmation step; reason required before the planned
 * end). Each confirmed event is one `infusion-event` record written at the moment it is
 * confirmed; the clock reads it back from the database.
 */
import { useState } from 'react';
import type { InfusionTimeline } from '../../domain/infusion-timeline.ts';
import type { PayloadOf } from '../../domain/records/registry.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import { formatClock } from './format-clock.ts';
import { messages } from './messages.ts';
import { RateChangeForm } from './rate-change-form.tsx';
import { ReasonForm } from './reason-form.tsx';
import { StartPanel } from './start-panel.tsx';
import type { PumpRates } from './timeline-events.ts';
import type { SessionWrite } from '../../ui/use-session-write.ts';

type Props = {
  readonly state: SessionState;
  readonly timeline: InfusionTimeline | null;
  readonly rates: PumpRates | null;
  readonly write: SessionWrite | null;
  readonly onWritten: () => void;
  readonly onStopped: () => void;
};

type Mode = 'idle' | 'pause' | 'rate' | 'stop';

export function InfusionControls({ state, timeline, rates, write, onWritten, onStopped }: Props) {
  const t = useMessages(messages);
  const save = useSave();
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const status = state.infusion.status;
  const plan = state.currentDosePlan;

  const record = async (payload: PayloadOf<'infusion-event'>) => {
    if (!write) return false;
    setBusy(true);
    const saved = await save.run(() => write('infusion-event', payload));
    setBusy(false);
    if (saved) {
      onWritten();
      setMode('idle');
      if (payload.event === 'stop') onStopped();
    }
    return saved !== null;
  };

  const remaining = timeline?.remainingMin ?? 0;
  const early = remaining > 0;
  const labels = { saving: t.saving, saved: t.saved, retry: t.retry };

  return (
    <section className="card stack" aria-labelledby="controls-title">
      <h2 id="controls-title">{t.controlsTitle}</h2>
      {status === 'not-started' ? (
        <StartPanel
          state={state}
          busy={busy}
          canWrite={write !== null}
          onStart={(r) => void record({ event: 'start', ...r })}
        />
      ) : null}
      {mode === 'idle' && (status === 'running' || status === 'paused') ? (
        <div className="row">
          {status === 'running' ? (
            <button
              type="button"
              className="btn btn--large"
              disabled={!write}
              onClick={() => setMode('pause')}
            >
              <span aria-hidden="true">❚❚</span> {t.pause}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary btn--large"
              disabled={!write || busy}
              onClick={() => void record({ event: 'resume' })}
            >
              <span aria-hidden="true">▶</span> {t.resume}
            </button>
          )}
          <button
            type="button"
            className="btn btn--large"
            disabled={!write || !plan}
            onClick={() => setMode('rate')}
          >
            {t.rateChange}
          </button>
          <button
            type="button"
            className="btn btn--danger btn--large"
            disabled={!write}
            onClick={() => setMode('stop')}
          >
            <span aria-hidden="true">■</span> {t.stop}
          </button>
        </div>
      ) : null}
      {mode === 'pause' ? (
        <ReasonForm
          title={t.pauseTitle}
          reasonLabel={t.pauseReason}
          reasonRequired
          requiredMessage={t.pauseReasonRequired}
          confirmLabel={t.confirmPause}
          busy={busy}
          onConfirm={(reason) => void record({ event: 'pause', ...(reason ? { reason } : {}) })}
          onCancel={() => setMode('idle')}
        />
      ) : null}
      {mode === 'rate' && plan ? (
        <RateChangeForm
          planned={{
            ketamineMlPerH: plan.payload.pumpEntry.ketamineMlPerH,
            propofolMlPerH: plan.payload.pumpEntry.propofolMlPerH,
          }}
          current={rates}
          busy={busy}
          onConfirm={(c) => void record({ event: 'rate-change', ...c })}
          onCancel={() => setMode('idle')}
        />
      ) : null}
      {mode === 'stop' ? (
        <ReasonForm
          title={t.stopTitle}
          reasonLabel={t.stopReason}
          reasonRequired={early}
          requiredMessage={t.stopReasonRequired}
          confirmLabel={t.confirmStop}
          danger
          busy={busy}
          onConfirm={(reason) => void record({ event: 'stop', ...(reason ? { reason } : {}) })}
          onCancel={() => setMode('idle')}
        >
          <p>
            {fill(t.stopSummary, {
              elapsed: formatClock(timeline?.elapsedRunningMin ?? 0),
              planned: formatClock(timeline?.plannedDurationMin ?? 0),
            })}
          </p>
          {early ? (
            <p className="notice notice--warning">
              <span aria-hidden="true">⚠ </span>
              {fill(t.stopEarly, { remaining: formatClock(remaining) })}
            </p>
          ) : null}
        </ReasonForm>
      ) : null}
      {status === 'stopped' ? <p className="notice">{t.stoppedNote}</p> : null}
      <SaveStatus state={save.state} labels={labels} />
    </section>
  );
}
