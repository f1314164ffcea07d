/**
 * When the next observation is due (domain observation-schedule.ts), during the infusion and
 * after the stop until discharge. Overdue is plain: words, colour and an icon, never flashing.
 * With the `alertSound` preference on, one soft tone when an observation becomes overdue
 * (once per due time, never repeated).
 */
import { useEffect, useRef } from 'react';
import type { ObservationSchedule } from '../../domain/observation-schedule.ts';
import type { Result } from '../../domain/result.ts';
import { formatTime } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { playSoftBeep } from './alert-beep.ts';
import { formatClock } from './format-clock.ts';
import { messages } from './messages.ts';

type Props = { readonly schedule: Result<ObservationSchedule>; readonly intervalMin: number };

export function ObservationDue({ schedule, intervalMin }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const sound = usePreferences((s) => s.alertSound);
  const s = schedule.ok ? schedule.value : null;
  const beeped = useRef<string | null>(null);
  useEffect(() => {
    if (s?.status !== 'overdue' || s.nextDueAt === null || beeped.current === s.nextDueAt) return;
    beeped.current = s.nextDueAt;
    if (sound) playSoftBeep();
  }, [s?.status, s?.nextDueAt, sound]);

  return (
    <section className="card stack" aria-labelledby="obs-due-title">
      <h2 id="obs-due-title">{t.obsTitle}</h2>
      <p className="field__hint">{fill(t.obsEvery, { min: intervalMin })}</p>
      {!schedule.ok ? (
        <p className="notice notice--urgent" role="alert">
          {errorText(schedule.error, locale)}
        </p>
      ) : s?.status === 'not-started' ? (
        <p className="notice">{t.obsNotStarted}</p>
      ) : s?.status === 'finished' ? (
        <p className="notice notice--ok">{t.obsFinished}</p>
      ) : s?.status === 'overdue' ? (
        <div className="notice notice--urgent stack" style={{ gap: '0.25rem' }}>
          <strong role="alert" style={{ fontSize: '1.5rem' }}>
            <span aria-hidden="true">⚠ </span>
            {t.obsOverdue}
          </strong>
          <span>
            {t.obsOverdueBy}{' '}
            <span role="timer" aria-label={t.obsOverdueBy} className="tabular">
              {formatClock(s.overdueByMin ?? 0, (s.overdueByMin ?? 0) >= 60)}
            </span>
            {s.nextDueAt
              ? ` · ${fill(t.obsWasDueAt, { time: formatTime(s.nextDueAt, locale) })}`
              : null}
          </span>
        </div>
      ) : s ? (
        <div
          className={`notice${s.status === 'due-soon' ? ' notice--warning' : ''} stack`}
          style={{ gap: '0.25rem' }}
        >
          <span>
            {s.status === 'due-soon' ? <span aria-hidden="true">◔ </span> : null}
            {t.obsDueIn}{' '}
            <span
              role="timer"
              aria-label={t.obsDueIn}
              className="tabular"
              style={{ fontSize: '1.5rem', fontWeight: 600 }}
            >
              {formatClock(Math.max(0, s.dueInMin ?? 0), false)}
            </span>
          </span>
          {s.nextDueAt ? (
            <span className="field__hint">
              {fill(t.obsDueAt, { time: formatTime(s.nextDueAt, locale) })}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
