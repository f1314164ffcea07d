/**
 * Infusion stop and the totals actually delivered (protocol.md section 4 step 5), with the
 * work shown per running interval: rate × time = mL, × concentration = mg. The numbers come
 * from `infusionTimeline`; this only formats them (display rounding, never stored).
 */
import type { DrugSegment, InfusionTimeline } from '../../domain/infusion-timeline.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { Result } from '../../domain/result.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { formatDurationMin, formatQuantity, formatTime } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DischargeMessages } from './messages.ts';

type Props = {
  readonly state: SessionState;
  readonly plan: RecordOfKind<'dose-plan'> | null;
  readonly timeline: Result<InfusionTimeline> | null;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

export function TotalsSection({ state, plan, timeline, t, locale }: Props) {
  const q = (v: number, unit: string, digits = 2) => formatQuantity(v, unit, locale, digits);
  const work = (d: DrugSegment, minutes: number) =>
    fill(t.segmentWork, {
      rate: q(d.rateMlPerH, 'mL/h'),
      hours: q(minutes / 60, 'h', 3),
      ml: q(d.deliveredMl, 'mL'),
      conc: q(d.concentrationMgPerMl, 'mg/mL', 3),
      mg: q(d.deliveredMg, 'mg'),
    });
  const status = state.infusion.status;
  const tl = timeline?.ok ? timeline.value : null;

  return (
    <section className="card stack" aria-labelledby="discharge-totals-title">
      <h2 id="discharge-totals-title">{t.totalsTitle}</h2>
      {status === 'not-started' ? <p className="notice notice--warning">{t.notStarted}</p> : null}
      {status === 'running' || status === 'paused' ? (
        <p className="notice notice--warning" role="alert">
          {fill(t.stillRunning, { state: status === 'running' ? t.stateRunning : t.statePaused })}
        </p>
      ) : null}
      <dl className="facts">
        {state.infusion.startedAt ? (
          <>
            <dt>{t.startedAt}</dt>
            <dd>{formatTime(state.infusion.startedAt, locale)}</dd>
          </>
        ) : null}
        {state.infusion.stoppedAt ? (
          <>
            <dt>{t.stoppedAt}</dt>
            <dd>{formatTime(state.infusion.stoppedAt, locale)}</dd>
          </>
        ) : null}
        {tl && tl.startedAt ? (
          <>
            <dt>{t.runningTime}</dt>
            <dd>{formatDurationMin(tl.elapsedRunningMin)} h</dd>
            <dt>{t.pausedTime}</dt>
            <dd>{formatDurationMin(tl.pausedMin)} h</dd>
          </>
        ) : null}
      </dl>
      {plan === null ? <p className="notice notice--urgent">{t.noPlan}</p> : null}
      {timeline && !timeline.ok ? (
        <p className="notice notice--urgent" role="alert">
          {fill(t.timelineError, { message: errorText(timeline.error, locale) })}
        </p>
      ) : null}
      {plan !== null && tl !== null ? (
        <>
          <p className="field__hint">{t.totalsHint}</p>
          <p className="field__hint">
            {fill(t.concentrations, {
              ketamine: q(plan.payload.ketaminePreparedConcentrationMgPerMl, 'mg/mL', 3),
              propofol: q(plan.payload.propofolConcentrationMgPerMl, 'mg/mL', 3),
            })}
          </p>
          <table className="data" aria-label={t.totalsTitle}>
            <thead>
              <tr>
                <th>{t.colFrom}</th>
                <th>{t.colTo}</th>
                <th className="num">{t.colMinutes}</th>
                <th>{t.colKetamine}</th>
                <th>{t.colPropofol}</th>
              </tr>
            </thead>
            <tbody>
              {tl.segments.map((s) => (
                <tr key={s.from}>
                  <td>{formatTime(s.from, locale)}</td>
                  <td>{formatTime(s.to, locale)}</td>
                  <td className="num">{q(s.minutes, 'min', 1)}</td>
                  <td>{work(s.ketamine, s.minutes)}</td>
                  <td>{work(s.propofol, s.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="facts" aria-label={t.totalRow}>
            <dt>{t.ketamineTotal}</dt>
            <dd data-testid="ketamine-total">
              {q(tl.totals.ketamine.deliveredMg, 'mg')} · {q(tl.totals.ketamine.deliveredMl, 'mL')}{' '}
              <span className="field__hint">
                ({fill(t.plannedKetamine, { mg: q(plan.payload.ketamineDoseMg, 'mg') })})
              </span>
            </dd>
            <dt>{t.propofolTotal}</dt>
            <dd data-testid="propofol-total">
              {q(tl.totals.propofol.deliveredMg, 'mg')} · {q(tl.totals.propofol.deliveredMl, 'mL')}
            </dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
