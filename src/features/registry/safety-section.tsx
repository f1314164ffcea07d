/** Side-effect frequencies among included patients, and their liver-enzyme elevations. */
import type {
  LiverElevationRow,
  RegistryReport,
  SideEffectFrequency,
} from '../../domain/registry/index.ts';
import { SIDE_EFFECT_CATALOG } from '../../domain/side-effect-catalog.ts';
import { formatDay } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { FigureView } from './figure-view.tsx';
import { CountTable } from './count-table.tsx';
import { messages } from './messages.ts';

export function SafetySection({ report }: { readonly report: RegistryReport }) {
  const t = useMessages(messages);
  return (
    <section className="card stack" aria-labelledby="registry-safety">
      <h2 id="registry-safety">{t.safetyTitle}</h2>
      <FigureView title={t.sideEffectsFigure} figure={report.sideEffects}>
        {(rows) => <SideEffectTable rows={rows} />}
      </FigureView>
      <FigureView title={t.liverTitle} figure={report.liverElevations}>
        {(rows) => <LiverList rows={rows} />}
      </FigureView>
    </section>
  );
}

function SideEffectTable({ rows }: { readonly rows: readonly SideEffectFrequency[] }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const label = (effect: SideEffectFrequency['effect']) => {
    if (effect === 'liver-enzymes') return t['liver-enzymes'];
    const def = SIDE_EFFECT_CATALOG.find((d) => d.id === effect);
    return def === undefined ? effect : locale === 'nl-BE' ? def.labelNl : def.label;
  };
  const counted = rows.map((r) => ({
    key: r.effect,
    label: label(r.effect),
    count: r.count,
    percent: r.percent,
  }));
  return <CountTable heading={t.sideEffect} countHeading={t.patients} rows={counted} />;
}

function LiverList({ rows }: { readonly rows: readonly LiverElevationRow[] }) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  if (rows.length === 0) return <p>{t.liverNone}</p>;
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.patientId}>
          {fill(t.liverRow, {
            patient: r.centerPatientNumber,
            date: formatDay(r.elevation.sampledOn, locale),
            enzymes: r.elevation.enzymes
              .map((e) =>
                fill(t.liverEnzyme, {
                  enzyme: e.enzyme.toUpperCase(),
                  value: e.valueUPerL,
                  uln: e.ulnUPerL,
                }),
              )
              .join(', '),
          })}
        </li>
      ))}
    </ul>
  );
}
