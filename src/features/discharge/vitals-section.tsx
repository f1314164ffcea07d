/**
 * Last vitals vs this session's baseline. Whether a vital is within the discharge band (the
 * session's settings snapshot, default 20 %) or triggers an alert is the domain's verdict
 * (assessDischarge `unmet`, by field); the change in % is only shown, to one decimal.
 */
import type { DischargeUnmet } from '../../domain/discharge.ts';
import type { VitalField, Vitals } from '../../domain/vitals.ts';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DischargeMessages } from './messages.ts';

const FIELDS: readonly { readonly key: VitalField; readonly unit: string }[] = [
  { key: 'systolicMmHg', unit: 'mmHg' },
  { key: 'diastolicMmHg', unit: 'mmHg' },
  { key: 'heartRatePerMin', unit: '/min' },
  { key: 'spo2Percent', unit: '%' },
  { key: 'respiratoryRatePerMin', unit: '/min' },
];

type Props = {
  readonly last: Vitals | null;
  readonly lastAt: string | null;
  readonly baseline: Vitals | null;
  readonly unmet: readonly DischargeUnmet[];
  readonly withinPercent: number;
  /** Opens the recovery vitals entry (infusion step), when the screen is composed with it. */
  readonly onTakeVitals?: (() => void) | undefined;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

export function VitalsSection(props: Props) {
  const { last, lastAt, baseline, unmet, withinPercent, onTakeVitals, t, locale } = props;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, 0));
  const statusOf = (key: VitalField) => {
    const mine = unmet.filter((u) => u.field === `lastVitals.${key}`);
    if (mine.some((u) => u.code === 'vitals-alert'))
      return { text: t.alert, cls: 'badge badge--urgent' };
    if (mine.some((u) => u.code === 'vitals-outside-baseline'))
      return { text: fill(t.outside, { pct: withinPercent }), cls: 'badge badge--warning' };
    return { text: fill(t.within, { pct: withinPercent }), cls: 'badge badge--ok' };
  };

  return (
    <section className="card stack" aria-labelledby="discharge-vitals-title">
      <h2 id="discharge-vitals-title">{t.vitalsTitle}</h2>
      <p className="field__hint">{fill(t.vitalsHint, { pct: withinPercent })}</p>
      {last === null ? <p className="notice notice--warning">{t.noObservation}</p> : null}
      {baseline === null ? <p className="notice notice--warning">{t.noBaseline}</p> : null}
      {lastAt !== null ? <p>{fill(t.lastTakenAt, { time: formatTime(lastAt, locale) })}</p> : null}
      {last !== null && baseline !== null ? (
        <table className="data" aria-label={t.vitalsTitle}>
          <thead>
            <tr>
              <th>{t.colVital}</th>
              <th className="num">{t.colBaseline}</th>
              <th className="num">{t.colLast}</th>
              <th className="num">{t.colChange}</th>
              <th>{t.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(({ key, unit }) => {
              const b = baseline[key];
              const v = last[key];
              if (b === null && v === null) return null;
              const both = b !== null && v !== null;
              const status = both ? statusOf(key) : null;
              return (
                <tr key={key}>
                  {/* The unit beside the vital's name keeps the table narrow enough for a half-width column. */}
                  <th scope="row">
                    {t[`vital.${key}`]} <span className="unit">({unit})</span>
                  </th>
                  <td className="num">{n(b)}</td>
                  <td className="num">{n(v)}</td>
                  <td className="num">
                    {both ? `${formatNumber(((v - b) / b) * 100, locale, 1)} %` : '—'}
                  </td>
                  <td>{status ? <span className={status.cls}>{status.text}</span> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {onTakeVitals ? (
        <button type="button" className="btn" onClick={onTakeVitals}>
          {t.takeVitals}
        </button>
      ) : null}
    </section>
  );
}
