/**
 * Research and interchange exports (issue 5 "Exports"; protocol.md sections 8-9), made on this
 * tablet from its own records, so they work offline: CSV patients / sessions / codebook, and
 * FHIR R4 bundles for the center and per patient, each shown (counts, structural check)
 * before it is downloaded. The records are read once and again on request (a snapshot with
 * its time), never after every stored record. Real patients by default; synthetic demo patients only when chosen,
 * and then marked as such.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ExportPopulation } from '../../domain/exports/index.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatTime } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useRecordsSnapshot } from '../../ui/use-center-records.ts';
import { CenterFhirSection } from './center-fhir-section.tsx';
import { CsvSection } from './csv-section.tsx';
import { messages } from './messages.ts';
import { PatientFhirSection } from './patient-fhir-section.tsx';
import './exports.css';

const byNumber = (a: { centerPatientNumber: string | null }, b: typeof a) =>
  (a.centerPatientNumber ?? '').localeCompare(b.centerPatientNumber ?? '', 'en', {
    numeric: true,
  });

export function ExportsScreen() {
  const t = useMessages(messages);
  const { db, clock } = useBedside();
  const { records, readAt, readAgain } = useRecordsSnapshot();
  const locale = usePreferences((s) => s.locale);
  const index = useLiveQuery(() => db.patientIndex.toArray(), [db]);
  const [chosen, setChosen] = useState<ExportPopulation | null>(null);
  const real = index?.filter((p) => !p.isSynthetic).length ?? 0;
  const synthetic = (index?.length ?? 0) - real;
  const population: ExportPopulation =
    chosen ?? (real === 0 && synthetic > 0 ? 'synthetic' : 'real');

  const patients = useMemo(
    () =>
      (index ?? [])
        .filter((p) => population === 'all' || p.isSynthetic === (population === 'synthetic'))
        .sort(byNumber),
    [index, population],
  );
  // FHIR is made from the selected patients' records only.
  const selected = useMemo(() => {
    const ids = new Set(patients.map((p) => p.patientId));
    return (records ?? []).filter((r) => r.patientId !== null && ids.has(r.patientId));
  }, [records, patients]);
  const day = clock.nowIso().slice(0, 10);
  const tag = population === 'real' ? '' : `${population}-`;
  const showsSynthetic = population !== 'real' && synthetic > 0;

  return (
    <section className="stack exports" aria-labelledby="exports-title">
      <div className="row">
        <h1 id="exports-title">{t.title}</h1>
        {showsSynthetic ? <span className="badge badge--warning">{t.syntheticBadge}</span> : null}
      </div>
      <p className="field__hint">{t.intro}</p>
      {synthetic > 0 ? (
        <ChoiceGroup
          legend={t.population}
          value={population}
          onChange={setChosen}
          choices={[
            { value: 'real', label: fill(t.populationReal, { n: real }) },
            { value: 'synthetic', label: fill(t.populationSynthetic, { n: synthetic }) },
            { value: 'all', label: fill(t.populationAll, { n: real + synthetic }) },
          ]}
        />
      ) : null}
      {showsSynthetic ? (
        <p className="notice notice--urgent exports-synthetic" role="note">
          {t.syntheticWarning}
        </p>
      ) : null}
      {records === undefined || index === undefined || readAt === null ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <div className="row">
            <p className="field__hint" role="status">
              {fill(t.readAt, { time: formatTime(readAt, locale) })}
            </p>
            <button type="button" className="btn" onClick={readAgain}>
              {t.readAgain}
            </button>
          </div>
          <CsvSection records={records} population={population} />
          <CenterFhirSection
            key={population}
            records={selected}
            fileName={`fhir-center-${tag}${day}.json`}
          />
          <PatientFhirSection
            records={selected}
            patients={patients}
            fileName={(n) => `fhir-patient-${n}-${day}.json`}
          />
        </>
      )}
    </section>
  );
}
