/**
 * Every vital of one session as a table (the charts' text alternative): the baseline first,
 * then each observation with its time, minutes from the infusion start, phase, values and the
 * alert level against the session's thresholds and baseline.
 */
import type { AlertLevel } from '../../domain/monitoring.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { formatNumber } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

export type VitalsRow = {
  readonly id: string;
  readonly record: RecordOfKind<'observation'> | RecordOfKind<'baseline-vitals'>;
  readonly phase: 'baseline' | 'infusion' | 'recovery';
  /** null for the baseline itself or when it cannot be assessed. */
  readonly level: AlertLevel | null;
};

type Props = {
  readonly id: string;
  readonly caption: string;
  readonly rows: readonly VitalsRow[];
  readonly minutes: (iso: string) => number;
  readonly time: (iso: string) => string;
};

export function VitalsTable({ id, caption, rows, minutes, time }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const n = (v: number) => formatNumber(v, locale);
  const phase = { baseline: t.baselineRow, infusion: t.phaseInfusion, recovery: t.phaseRecovery };
  return (
    <ScrollRegion className="history-scroll" label={caption}>
      <table className="data" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colTime}</th>
            <th scope="col" className="num">
              {t.colMinutes}
            </th>
            <th scope="col">{t.colPhase}</th>
            <th scope="col" className="num">
              {t.colSystolic}
            </th>
            <th scope="col" className="num">
              {t.colDiastolic}
            </th>
            <th scope="col" className="num">
              {t.colHeartRate}
            </th>
            <th scope="col" className="num">
              {t.colSpo2}
            </th>
            <th scope="col">{t.colAlert}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = r.record.payload;
            return (
              <tr key={r.id}>
                <td>{time(r.record.clinicalTime)}</td>
                <td className="num">{formatNumber(minutes(r.record.clinicalTime), locale, 0)}</td>
                <td>{phase[r.phase]}</td>
                <td className="num">{n(v.systolicMmHg)}</td>
                <td className="num">{n(v.diastolicMmHg)}</td>
                <td className="num">{n(v.heartRatePerMin)}</td>
                <td className="num">{n(v.spo2Percent)}</td>
                <td>
                  {r.level === 'urgent' ? (
                    <span className="badge badge--urgent">⚠ {t.levelUrgent}</span>
                  ) : r.level === 'warning' ? (
                    <span className="badge badge--warning">⚠ {t.levelWarning}</span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
