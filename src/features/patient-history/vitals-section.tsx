/**
 * One session's vitals (choose the session): blood pressure, heart rate and SpO2 charts
 * against that session's thresholds and baseline, and every value in a table with the alert
 * level monitoring.ts gives it against the same snapshot.
 */
import { useMemo } from 'react';
import { assessVitals, type AlertLevel } from '../../domain/monitoring.ts';
import { formatDay, formatNumber, formatTime } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { ChartFigure } from './chart-figure.tsx';
import type { HistorySession } from './history-data.ts';
import { localDay } from './history-sessions-table.tsx';
import { messages } from './messages.ts';
import { minutesBetween, vitalsCharts } from './vitals-specs.ts';
import { VitalsTable, type VitalsRow } from './vitals-table.tsx';

type Props = {
  readonly sessions: readonly HistorySession[];
  /** The session whose vitals were read (use-patient-history.ts): only its state has them. */
  readonly shownSessionId: string | null;
  /** The session chosen in the list; differs from the shown one while it is being read. */
  readonly chosenSessionId: string | null;
  readonly onChoose: (sessionId: string) => void;
};

export function VitalsSection({ sessions, shownSessionId, chosenSessionId, onChoose }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const withSession = sessions.filter((s) => s.state.session !== null);
  const current = withSession.find((s) => s.summary.sessionId === shownSessionId) ?? null;
  const reading = chosenSessionId !== null && chosenSessionId !== shownSessionId;

  const view = useMemo(() => {
    if (current === null || current.state.session === null) return null;
    const { state } = current;
    const session = state.session as NonNullable<typeof state.session>;
    const thresholds = session.payload.settingsSnapshot.thresholds;
    const zeroAt = state.infusion.startedAt ?? session.clinicalTime;
    const base = state.baseline?.payload ?? null;
    const baseVitals = base
      ? { ...base, respiratoryRatePerMin: base.respiratoryRatePerMin ?? null }
      : null;
    const level = (v: typeof baseVitals): AlertLevel | null => {
      if (v === null) return null;
      const a = assessVitals(v, baseVitals, thresholds);
      return a.ok ? a.value.level : null;
    };
    const rows: VitalsRow[] = [
      ...(state.baseline
        ? [
            {
              id: state.baseline.id,
              record: state.baseline,
              phase: 'baseline' as const,
              level: null,
            },
          ]
        : []),
      ...state.observations.map((o) => ({
        id: o.id,
        record: o,
        phase: o.payload.phase,
        level: level(o.payload),
      })),
    ];
    const charts = vitalsCharts({
      observations: state.observations,
      baseline: state.baseline,
      thresholds,
      zeroAt,
      sessionNumber: session.payload.sessionNumber,
      t,
      formatX: (x) => formatNumber(x, locale, 0),
      formatY: (y) => formatNumber(y, locale, 0),
    });
    return { session, thresholds, zeroAt, rows, charts };
  }, [current, t, locale]);

  return (
    <section className="card stack" aria-labelledby="history-vitals" aria-busy={reading}>
      <h2 id="history-vitals">{t.vitalsTitle}</h2>
      {current === null || view === null ? (
        <p>{t.noVitalsSession}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="history-vitals-session">{t.chooseSession}</label>
            <select
              id="history-vitals-session"
              className="input"
              value={reading ? chosenSessionId : current.summary.sessionId}
              onChange={(e) => onChoose(e.target.value)}
            >
              {withSession.map((s) => (
                <option key={s.summary.sessionId} value={s.summary.sessionId}>
                  {fill(t.sessionOption, {
                    n: s.summary.sessionNumber,
                    date: s.summary.date ? formatDay(localDay(s.summary.date), locale) : '—',
                  })}
                </option>
              ))}
            </select>
          </div>
          <p className="field__hint">
            {fill(t.thresholdsNote, {
              version: view.session.settingsVersion,
              sysLow: view.thresholds.systolicBelowMmHg,
              sysHigh: view.thresholds.systolicAboveMmHg,
              diaHigh: view.thresholds.diastolicAboveMmHg,
              hrLow: view.thresholds.heartRateBelowPerMin,
              hrHigh: view.thresholds.heartRateAbovePerMin,
              spo2Warn: view.thresholds.spo2WarningAtOrBelowPercent,
              spo2Urgent: view.thresholds.spo2UrgentAtOrBelowPercent,
              pct: view.thresholds.changeFromBaselinePercent,
            })}
          </p>
          {current.state.baseline ? null : <p className="notice notice--warning">{t.noBaseline}</p>}
          {current.state.observations.length === 0 ? (
            <p>{t.vitalsEmpty}</p>
          ) : (
            <>
              <div className="history-charts">
                {view.charts.map((c) => (
                  <ChartFigure
                    key={c.key}
                    title={c.title}
                    spec={c.spec}
                    empty={t.vitalsEmpty}
                    valuesTableId="history-vitals-table"
                  />
                ))}
              </div>
              <details className="history-values">
                <summary>{t.showValues}</summary>
                <VitalsTable
                  id="history-vitals-table"
                  caption={fill(t.vitalsTableCaption, { n: view.session.payload.sessionNumber })}
                  rows={view.rows}
                  minutes={(iso) => minutesBetween(view.zeroAt, iso)}
                  time={(iso) => formatTime(iso, locale)}
                />
              </details>
            </>
          )}
        </>
      )}
    </section>
  );
}
