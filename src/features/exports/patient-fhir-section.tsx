/** One patient's FHIR bundle: choose the patient, see what it holds and its check, download. */
import { useEffect, useState } from 'react';
import type { PatientIndexRow } from '../../db/database.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { failedTask, type FhirOutcome } from './export-files.ts';
import { FhirSummary } from './fhir-summary.tsx';
import { messages } from './messages.ts';
import type { ReadySnapshot } from './use-exports-snapshot.ts';

type Props = {
  readonly snapshot: ReadySnapshot;
  readonly patients: readonly PatientIndexRow[];
  readonly fileName: (centerPatientNumber: string) => string;
};

/** The chosen patient's bundle from this snapshot, made in its worker; null while made. */
function usePatientBundle(snapshot: ReadySnapshot, patientId: string | null): FhirOutcome | null {
  const { clock } = useBedside();
  const [made, setMade] = useState<{
    of: ReadySnapshot;
    patientId: string;
    outcome: FhirOutcome;
  } | null>(null);
  useEffect(() => {
    if (patientId === null) return;
    let current = true;
    const done = (outcome: FhirOutcome) => {
      if (current) setMade({ of: snapshot, patientId, outcome });
    };
    snapshot.client
      .patientFhir(patientId, clock.nowIso())
      .then(done, (e: unknown) => done(failedTask(e)));
    return () => {
      current = false;
    };
  }, [snapshot, patientId, clock]);
  return made !== null && made.of === snapshot && made.patientId === patientId
    ? made.outcome
    : null;
}

export function PatientFhirSection({ snapshot, patients, fileName }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const [chosen, setChosen] = useState('');
  const patient = patients.find((p) => p.patientId === chosen);
  const outcome = usePatientBundle(snapshot, patient?.patientId ?? null);
  return (
    <section className="card stack" aria-labelledby="exports-patient-fhir">
      <h2 id="exports-patient-fhir">{t.patientTitle}</h2>
      {patients.length === 0 ? (
        <p>{t.noPatients}</p>
      ) : (
        <div className="field">
          <label htmlFor="exports-patient">{t.patientLabel}</label>
          <select
            id="exports-patient"
            className="input exports-patient-select"
            value={patient === undefined ? '' : chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t.choosePatient}</option>
            {patients.map((p) => (
              <option key={p.patientId} value={p.patientId}>
                {p.centerPatientNumber ?? p.patientId}
              </option>
            ))}
          </select>
        </div>
      )}
      {patient === undefined ? null : outcome === null ? (
        <p role="status">{t.preparingPatient}</p>
      ) : outcome.ok ? (
        <FhirSummary
          file={outcome.file}
          fileName={fileName(patient.centerPatientNumber ?? patient.patientId)}
        />
      ) : (
        <p className="notice notice--urgent" role="alert">
          {t.fhirFailed} {errText(outcome.error)}
        </p>
      )}
    </section>
  );
}
