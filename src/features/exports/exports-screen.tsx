/**
 * Research and interchange exports (issue 5 "Exports"; protocol.md sections 8-9), made on this
 * tablet from its own records, so they work offline: CSV patients / sessions / codebook, and
 * FHIR R4 bundles for the center and per patient, each shown (counts, structural check)
 * before it is downloaded. The records are read once and again on request (a snapshot with
 * its time), never after every stored record, and read and made into files in a Web Worker
 * with progress (use-exports-snapshot.ts): a 10-year center's records never freeze the screen.
 * Real patients by default; synthetic demo patients only when chosen, and then marked as such.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ExportPopulation } from '../../domain/exports/index.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { CenterFhirSection } from './center-fhir-section.tsx';
import { CsvSection } from './csv-section.tsx';
import { messages } from './messages.ts';
import { PatientFhirSection } from './patient-fhir-section.tsx';
import { useExportsSnapshot } from './use-exports-snapshot.ts';
import './exports.css';

const byNumber = (a: { centerPatientNumber: string | null }, b: typeof a) =>
  (a.centerPatientNumber ?? '').localeCompare(b.centerPatientNumber ?? '', 'en', {
    numeric: true,
  });

/** "Reading the records… 120,000 of 293,277" with a bar, once the count is known. */
function ReadingStatus({
  progress,
}: {
  readonly progress: { readonly read: number; readonly total: number | null } | null;
}) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const total = progress?.total ?? null;
  if (progress === null || total === null) return <p role="status">{t.loading}</p>;
  const n = (x: number) => formatNumber(x, locale, 0);
  return (
    <div className="stack">
      <p role="status">{fill(t.readingProgress, { read: n(progress.read), total: n(total) })}</p>
      <progress
        className="exports-progress"
        max={Math.max(total, 1)}
        value={progress.read}
        aria-label={t.loading}
      />
    </div>
  );
}

export function ExportsScreen() {
  const t = useMessages(messages);
  const { db, clock } = useBedside();
  const { state, readAgain } = useExportsSnapshot();
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
  // The center's FHIR bundle is made from the selected patients' records only.
  const patientIds = useMemo(() => patients.map((p) => p.patientId), [patients]);
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
      {state.phase === 'failed' ? (
        <div className="stack">
          <p className="notice notice--urgent" role="alert">
            {t.readFailed} {state.message}
          </p>
          <div className="row">
            <button type="button" className="btn" onClick={readAgain}>
              {t.readAgain}
            </button>
          </div>
        </div>
      ) : state.phase === 'reading' || index === undefined ? (
        <ReadingStatus progress={state.phase === 'reading' ? state : null} />
      ) : (
        <>
          <div className="row">
            <p className="field__hint" role="status">
              {fill(t.readAt, { time: formatTime(state.readAt, locale) })}
            </p>
            <button type="button" className="btn" onClick={readAgain}>
              {t.readAgain}
            </button>
          </div>
          <CsvSection snapshot={state} population={population} />
          <CenterFhirSection
            key={`${state.readAt}-${population}`}
            snapshot={state}
            patientIds={patientIds}
            fileName={`fhir-center-${tag}${day}.json`}
          />
          <PatientFhirSection
            snapshot={state}
            patients={patients}
            fileName={(n) => `fhir-patient-${n}-${day}.json`}
          />
        </>
      )}
    </section>
  );
}
