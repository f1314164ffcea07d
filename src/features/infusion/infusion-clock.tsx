/**
 * The large clock: elapsed running time and remaining time of the planned duration, both
 * computed by the domain timeline from stored events and `now` (never counted), the expected
 * end, the state and the pump rates in force.
 */
import type { InfusionState, InfusionTimeline } from '../../domain/infusion-timeline.ts';
import type { Result } from '../../domain/result.ts';
import { formatTime } from '../../ui/format.ts';
import { errorText, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { formatClock } from './format-clock.ts';
import { messages } from './messages.ts';
import { PumpRate } from './pump-rates.tsx';
import type { PumpRates } from './timeline-events.ts';

type Props = {
  readonly timeline: Result<InfusionTimeline> | null;
  readonly plannedDurationMin: number;
  readonly rates: PumpRates | null;
  readonly concentrations: { readonly ketamine: number; readonly propofol: number } | null;
};

const STATE_ICON: { readonly [S in InfusionState]: string } = {
  'not-started': '○',
  running: '▶',
  paused: '❚❚',
  stopped: '■',
};

export function InfusionClock({ timeline, plannedDurationMin, rates, concentrations }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const stateLabel: { readonly [S in InfusionState]: string } = {
    'not-started': t.stateNotStarted,
    running: t.stateRunning,
    paused: t.statePaused,
    stopped: t.stateStopped,
  };
  const tl = timeline?.ok ? timeline.value : null;
  const state: InfusionState = tl?.state ?? 'not-started';
  const over = tl !== null && tl.remainingMin < 0;
  return (
    <section className="card stack infusion-clock" aria-labelledby="infusion-clock-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="infusion-clock-title">{t.clockTitle}</h2>
        <span
          className={`badge${state === 'paused' ? ' badge--warning' : state === 'running' ? ' badge--ok' : ''}`}
        >
          <span aria-hidden="true">{STATE_ICON[state]}</span> {stateLabel[state]}
        </span>
      </div>
      {timeline && !timeline.ok ? (
        <p className="notice notice--urgent" role="alert">
          {t.timelineError} {errorText(timeline.error, locale)}
        </p>
      ) : null}
      <div className="grid-2">
        <div>
          <div className="field__hint" id="elapsed-label">
            {t.elapsed}
          </div>
          <div
            role="timer"
            aria-labelledby="elapsed-label"
            className="tabular"
            style={{ fontSize: '3rem', fontWeight: 600 }}
          >
            {formatClock(tl?.elapsedRunningMin ?? 0)}
          </div>
        </div>
        <div>
          <div className="field__hint" id="remaining-label">
            {over ? t.overPlanned : t.remaining}
          </div>
          <div
            role="timer"
            aria-labelledby="remaining-label"
            className="tabular"
            style={{ fontSize: '3rem', fontWeight: 600 }}
          >
            {formatClock(Math.abs(tl?.remainingMin ?? plannedDurationMin))}
          </div>
        </div>
      </div>
      <dl className="facts">
        <dt>{t.plannedDuration}</dt>
        <dd>{formatClock(plannedDurationMin)}</dd>
        {tl?.startedAt ? (
          <>
            <dt>{t.startedAt}</dt>
            <dd>{formatTime(tl.startedAt, locale)}</dd>
          </>
        ) : null}
        {tl && tl.pausedMin > 0 ? (
          <>
            <dt>{t.pausedFor}</dt>
            <dd>{formatClock(tl.pausedMin)}</dd>
          </>
        ) : null}
        {state === 'running' || state === 'paused' ? (
          <>
            <dt>{t.expectedEnd}</dt>
            <dd>
              {tl?.expectedEndAt ? formatTime(tl.expectedEndAt, locale) : t.expectedEndPaused}
            </dd>
          </>
        ) : null}
        {tl?.stoppedAt ? (
          <>
            <dt>{t.stoppedAt}</dt>
            <dd>{formatTime(tl.stoppedAt, locale)}</dd>
          </>
        ) : null}
        {rates && state !== 'stopped' ? (
          <>
            <PumpRate
              label={state === 'not-started' ? t.ketaminePlanned : t.ketamineNow}
              rateMlPerH={rates.ketamineMlPerH}
              concentrationMgPerMl={concentrations?.ketamine ?? null}
              locale={locale}
            />
            <PumpRate
              label={state === 'not-started' ? t.propofolPlanned : t.propofolNow}
              rateMlPerH={rates.propofolMlPerH}
              concentrationMgPerMl={concentrations?.propofol ?? null}
              locale={locale}
            />
          </>
        ) : null}
      </dl>
    </section>
  );
}
