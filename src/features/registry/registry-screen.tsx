/**
 * The center's registry (issue 5; protocol.md section 8): every analysis of the source study
 * computed from this tablet's records, each with its n and what it was computed from, for a
 * period, for real patients or (clearly marked) the synthetic demo patients, never mixed.
 */
import { useState } from 'react';
import type { RegistryPeriod, RegistryPopulation } from '../../domain/registry/index.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { usePopulationCounts } from '../../ui/use-center-records.ts';
import { DataQualitySection } from './data-quality-section.tsx';
import { DemoSection } from './demo-section.tsx';
import { DemographicsSection } from './demographics-section.tsx';
import { EffectivenessSection } from './effectiveness-section.tsx';
import { FlowSection } from './flow-section.tsx';
import { messages } from './messages.ts';
import { PeriodFilter } from './period-filter.tsx';
import { SafetySection } from './safety-section.tsx';
import { TableOneSection } from './table-one-section.tsx';
import { useRegistry } from './use-registry.ts';
import './registry.css';

export function RegistryScreen() {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const counts = usePopulationCounts();
  const [period, setPeriod] = useState<RegistryPeriod>({});
  const [chosen, setChosen] = useState<RegistryPopulation | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  // Real patients by default; the demo when the tablet holds nothing else.
  const population: RegistryPopulation =
    chosen ??
    (counts !== undefined && counts.real === 0 && counts.synthetic > 0 ? 'synthetic' : 'real');
  const report = useRegistry(period, population, !demoBusy);
  const synthetic = population === 'synthetic';

  return (
    <section className="stack registry" aria-labelledby="registry-title">
      <div className="row">
        <h1 id="registry-title">{t.title}</h1>
        {synthetic ? <span className="badge badge--warning">{t.syntheticBadge}</span> : null}
      </div>
      {report?.ok ? (
        <p className="field__hint">
          {fill(t.intro, { asOf: formatDateTime(report.value.asOf, locale) })}
        </p>
      ) : null}
      {counts !== undefined && counts.synthetic > 0 ? (
        <ChoiceGroup
          legend={t.population}
          value={population}
          onChange={setChosen}
          choices={[
            { value: 'real', label: fill(t.populationReal, { n: counts.real }) },
            { value: 'synthetic', label: fill(t.populationSynthetic, { n: counts.synthetic }) },
          ]}
        />
      ) : null}
      {counts !== undefined && counts.synthetic > 0 ? (
        <p className={`notice ${synthetic ? 'notice--urgent registry-synthetic' : ''}`} role="note">
          {synthetic
            ? fill(t.syntheticShown, { n: counts.synthetic })
            : fill(t.syntheticAlsoHeld, { n: counts.synthetic })}
        </p>
      ) : null}
      <PeriodFilter
        period={period}
        onChange={setPeriod}
        error={report !== undefined && !report.ok ? errorText(report.error, locale) : null}
      />
      {demoBusy ? null : report === undefined ? (
        <p role="status">{t.loading}</p>
      ) : report.ok ? (
        report.value.flow.ok && report.value.flow.value.treated === 0 ? (
          <div className="notice" role="status">
            <p>{t.noPatients}</p>
            {counts?.synthetic ? null : <p className="field__hint">{t.noPatientsHint}</p>}
          </div>
        ) : (
          <>
            <FlowSection report={report.value} />
            <DemographicsSection report={report.value} />
            <EffectivenessSection report={report.value} />
            <TableOneSection report={report.value} />
            <SafetySection report={report.value} />
            <DataQualitySection report={report.value} />
          </>
        )
      ) : null}
      {counts === undefined ? null : <DemoSection counts={counts} onBusyChange={setDemoBusy} />}
    </section>
  );
}
