/**
 * This session's observations, latest first: time, values with units, RASS and the highest
 * alert level; a flagged observation's findings follow on a full-width row of their own, so
 * the sentences stay readable instead of squeezed into the last column.
 *
 * The latest LATEST_SHOWN are shown (a 4-hour session at 15 minutes has about 20), the rest on
 * request: the vitals form and the drug form stay near, and a save re-lays out a short table
 * (issue 3 target: save to shown <= 50 ms at p95). The session record shows them all.
 */
import { highestLevel, storedFindingsNl } from '../../domain/observation-findings.ts';
import type { RecordOfKind } from '../../domain/records/registry.ts';
import type { VitalThresholds } from '../../domain/settings.ts';
import type { Vitals } from '../../domain/vitals.ts';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { memo, useState } from 'react';
import { LEVEL_ICON } from './findings-view.tsx';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

type Props = {
  readonly observations: readonly RecordOfKind<'observation'>[];
  /** The session's baseline and thresholds, as the vitals form assesses with them. */
  readonly baseline: Vitals | null;
  readonly thresholds: VitalThresholds;
};

export const LATEST_SHOWN = 24;

export function ObservationList({ observations, baseline, thresholds }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const [showAll, setShowAll] = useState(false);
  const latestFirst = [...observations].reverse();
  const hidden = showAll ? 0 : Math.max(0, latestFirst.length - LATEST_SHOWN);
  const shown = hidden > 0 ? latestFirst.slice(0, LATEST_SHOWN) : latestFirst;
  return (
    <section className="card stack" aria-labelledby="obs-list-title">
      <h2 id="obs-list-title">{t.obsListTitle}</h2>
      {latestFirst.length === 0 ? (
        <p className="field__hint">{t.obsListEmpty}</p>
      ) : (
        <ScrollRegion labelledBy="obs-list-title">
          <table className="data" aria-labelledby="obs-list-title">
            <thead>
              <tr>
                <th scope="col">{t.colTime}</th>
                <th scope="col" className="num">
                  {t.colBp} (mmHg)
                </th>
                <th scope="col" className="num">
                  {t.colHr} (/min)
                </th>
                <th scope="col" className="num">
                  SpO2 (%)
                </th>
                <th scope="col" className="num">
                  {t.colRr} (/min)
                </th>
                <th scope="col" className="num">
                  RASS
                </th>
                <th scope="col">{t.colFlags}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((o) => (
                <ObservationRows
                  key={o.id}
                  observation={o}
                  baseline={baseline}
                  thresholds={thresholds}
                  locale={locale}
                  t={t}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {hidden > 0 ? (
        <p className="field__hint">
          {fill(t.obsListShown, { shown: LATEST_SHOWN, n: latestFirst.length })}
        </p>
      ) : null}
      {latestFirst.length > LATEST_SHOWN ? (
        <button type="button" className="btn" onClick={() => setShowAll((all) => !all)}>
          {showAll
            ? fill(t.obsListShowLatest, { n: LATEST_SHOWN })
            : fill(t.obsListShowAll, { n: latestFirst.length })}
        </button>
      ) : null}
    </section>
  );
}

type RowsProps = {
  readonly observation: RecordOfKind<'observation'>;
  readonly baseline: Vitals | null;
  readonly thresholds: VitalThresholds;
  readonly locale: Locale;
  readonly t: (typeof messages)['en'];
};

/** Same keys with the same values (the baseline and thresholds are rebuilt on every read). */
const sameValues = (a: object | null, b: object | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v));

/**
 * One observation's row (and its findings row). A stored record never changes (a correction
 * is another record with another id), so a row is rendered once per id, language, baseline
 * and thresholds: saving the 16th observation renders one new row, not sixteen.
 *
 * Findings are shown in the words they were recorded with (English); on a Dutch screen in
 * Dutch when assessing the observation again gives exactly the recorded findings
 * (storedFindingsNl).
 */
const ObservationRows = memo(
  function ObservationRows({ observation: o, baseline, thresholds, locale, t }: RowsProps) {
    const n = (v: number) => formatNumber(v, locale, 0);
    const levelWord = { normal: t.levelNormal, warning: t.levelWarning, urgent: t.levelUrgent };
    const p = o.payload;
    const level = highestLevel(p.findings);
    const dutch =
      locale === 'nl-BE' && level !== 'normal' ? storedFindingsNl(p, baseline, thresholds) : null;
    const badge = level === 'urgent' ? 'urgent' : level === 'warning' ? 'warning' : 'ok';
    return (
      <>
        <tr>
          <td>
            {formatTime(o.clinicalTime, locale)}
            {p.phase === 'recovery' ? (
              <span className="field__hint"> · {t.phaseRecovery}</span>
            ) : null}
          </td>
          <td className="num">{`${n(p.systolicMmHg)}/${n(p.diastolicMmHg)}`}</td>
          <td className="num">{n(p.heartRatePerMin)}</td>
          <td className="num">{n(p.spo2Percent)}</td>
          <td className="num">
            {p.respiratoryRatePerMin === null ? '—' : n(p.respiratoryRatePerMin)}
          </td>
          <td className="num">{p.rass > 0 ? `+${p.rass}` : p.rass}</td>
          <td>
            <span className={`badge badge--${badge}`}>
              <span aria-hidden="true">{LEVEL_ICON[level]} </span>
              {levelWord[level]}
            </span>
          </td>
        </tr>
        {level === 'normal' ? null : (
          <tr>
            <td colSpan={7} style={{ paddingTop: 0 }}>
              <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {p.findings.map((f, i) => (
                  <li key={i}>
                    <span className={`badge badge--${f.level === 'urgent' ? 'urgent' : 'warning'}`}>
                      <span aria-hidden="true">{LEVEL_ICON[f.level]} </span>
                      {levelWord[f.level]}
                    </span>{' '}
                    {dutch?.[i] ?? f.message}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        )}
      </>
    );
  },
  (before, after) =>
    before.observation.id === after.observation.id &&
    sameValues(before.baseline, after.baseline) &&
    sameValues(before.thresholds, after.thresholds) &&
    before.locale === after.locale &&
    before.t === after.t,
);
