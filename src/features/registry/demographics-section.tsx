/** Demographics of the included patients: sex counts and %, age range, median and IQR. */
import type { RegistryReport, SexSplit } from '../../domain/registry/index.ts';
import { SEXES } from '../../domain/records.ts';
import type { Summary } from '../../domain/stats/index.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { FigureView } from './figure-view.tsx';
import { plain } from './format-stats.ts';
import { CountTable } from './count-table.tsx';
import { messages } from './messages.ts';

export function DemographicsSection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  return (
    <section className="card stack" aria-labelledby="registry-demographics">
      <h2 id="registry-demographics">{t.demographicsTitle}</h2>
      <div className="grid-2">
        <FigureView title={t.sex} figure={report.demographics.sex}>
          {(split) => <SexTable split={split} />}
        </FigureView>
        <FigureView title={t.ageTitle} figure={report.demographics.ageYears}>
          {(age) => <AgeFacts age={age} />}
        </FigureView>
      </div>
    </section>
  );
}

function SexTable({ split }: { readonly split: SexSplit }) {
  const t = useMessages(messages);
  // "Other" and "unknown" only when someone is recorded so: the paper reports women and men.
  const shown = SEXES.filter((s) => s === 'female' || s === 'male' || split[s].count > 0);
  const rows = shown.map((s) => ({ key: s, label: t[s], ...split[s] }));
  return <CountTable heading={t.sex} countHeading={t.count} rows={rows} />;
}

function AgeFacts({ age }: { readonly age: Summary }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const years = (v: number) => `${plain(v, locale)}\u00a0${t.years}`;
  return (
    <dl className="facts">
      <dt>{t.ageRange}</dt>
      <dd>{fill(t.rangeValue, { min: years(age.min), max: years(age.max) })}</dd>
      <dt>{t.median}</dt>
      <dd>{years(age.median)}</dd>
      <dt>{t.iqr}</dt>
      <dd>{fill(t.rangeValue, { min: years(age.q1), max: years(age.q3) })}</dd>
    </dl>
  );
}
