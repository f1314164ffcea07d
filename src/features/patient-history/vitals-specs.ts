/**
 * Chart data for one session's vitals: blood pressure, heart rate and SpO2 against the
 * thresholds of the session's own settings snapshot (what was in force that day, not today's
 * settings) and its baseline, x = minutes from the infusion start (baseline and pre-start
 * values are negative). Display only: alert levels come from domain/monitoring.ts.
 */
import type { RecordOfKind } from '../../domain/records.ts';
import type { VitalThresholds } from '../../domain/settings.ts';
import { fill } from '../../ui/i18n.ts';
import { referenceLine, type ChartSeries, type ChartSpec } from './chart-model.ts';
import type { HistoryMessages } from './messages.ts';

type Obs = RecordOfKind<'observation'>;
type Baseline = RecordOfKind<'baseline-vitals'>;

export type VitalsChart = {
  readonly key: 'bp' | 'hr' | 'spo2';
  readonly title: string;
  readonly spec: ChartSpec;
};

/** Whole and fractional minutes between two ISO instants. */
export const minutesBetween = (fromIso: string, toIso: string) =>
  (Date.parse(toIso) - Date.parse(fromIso)) / 60_000;

export function vitalsCharts(input: {
  readonly observations: readonly Obs[];
  readonly baseline: Baseline | null;
  readonly thresholds: VitalThresholds;
  /** Infusion start, or the session's own time when it never started. */
  readonly zeroAt: string;
  readonly sessionNumber: number;
  readonly t: HistoryMessages;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
}): readonly VitalsChart[] {
  const { observations: obs, baseline, thresholds: th, t } = input;
  const x = obs.map((o) => minutesBetween(input.zeroAt, o.clinicalTime));
  const n = x.length;
  const base = baseline?.payload ?? null;
  const line = (label: string, value: number, color: ChartSeries['color']) =>
    referenceLine(label, value, color, n);
  const baseLine = (vital: string, value: number | undefined) =>
    value === undefined ? [] : [line(fill(t.baselineOf, { vital, value }), value, '--text-muted')];
  const spec = (unit: string, series: ChartSeries[], yRange?: [number, number]): ChartSpec => ({
    xKind: 'number',
    x,
    xLabel: t.minutesX,
    yLabel: unit,
    series,
    ...(yRange ? { yRange } : {}),
    formatX: input.formatX,
    formatY: input.formatY,
  });
  const name = (template: string) => fill(template, { n: input.sessionNumber });
  const lowestSpo2 = Math.min(...obs.map((o) => o.payload.spo2Percent), base?.spo2Percent ?? 100);

  const bp = spec('mmHg', [
    { label: t.systolic, values: obs.map((o) => o.payload.systolicMmHg), color: '--accent' },
    {
      label: t.diastolic,
      values: obs.map((o) => o.payload.diastolicMmHg),
      color: '--chart-violet',
    },
    ...baseLine(t.systolic, base?.systolicMmHg),
    ...baseLine(t.diastolic, base?.diastolicMmHg),
    line(
      fill(t.limitAbove, { vital: t.systolic, value: th.systolicAboveMmHg }),
      th.systolicAboveMmHg,
      '--urgent',
    ),
    line(
      fill(t.limitBelow, { vital: t.systolic, value: th.systolicBelowMmHg }),
      th.systolicBelowMmHg,
      '--urgent',
    ),
    line(
      fill(t.limitAbove, { vital: t.diastolic, value: th.diastolicAboveMmHg }),
      th.diastolicAboveMmHg,
      '--urgent',
    ),
  ]);
  const hr = spec('/min', [
    { label: t.heartRate, values: obs.map((o) => o.payload.heartRatePerMin), color: '--accent' },
    ...baseLine(t.heartRate, base?.heartRatePerMin),
    line(
      fill(t.limitAbove, { vital: t.heartRate, value: th.heartRateAbovePerMin }),
      th.heartRateAbovePerMin,
      '--warning',
    ),
    line(
      fill(t.limitBelow, { vital: t.heartRate, value: th.heartRateBelowPerMin }),
      th.heartRateBelowPerMin,
      '--urgent',
    ),
  ]);
  const spo2 = spec(
    '%',
    [
      { label: t.spo2, values: obs.map((o) => o.payload.spo2Percent), color: '--accent' },
      ...baseLine(t.spo2, base?.spo2Percent),
      line(
        fill(t.spo2Warning, { value: th.spo2WarningAtOrBelowPercent }),
        th.spo2WarningAtOrBelowPercent,
        '--warning',
      ),
      line(
        fill(t.spo2Urgent, { value: th.spo2UrgentAtOrBelowPercent }),
        th.spo2UrgentAtOrBelowPercent,
        '--urgent',
      ),
    ],
    // The thresholds (around 90 %) and every value stay in view; 100 % is the top.
    [Math.min(85, Math.floor(lowestSpo2) - 2), 100],
  );
  return [
    { key: 'bp', title: name(t.bpChart), spec: bp },
    { key: 'hr', title: name(t.hrChart), spec: hr },
    { key: 'spo2', title: name(t.spo2Chart), spec: spo2 },
  ];
}
