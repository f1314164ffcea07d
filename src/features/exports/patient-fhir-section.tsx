/** One patient's FHIR bundle: choose the patient, see what it holds and its check, download. */
import { useState } from 'react';
import type { PatientIndexRow } from '../../db/database.ts';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { failedTask } from './export-files.ts';
import { FhirSummary } from './fhir-summary.tsx';
import { messages } from './messages.ts';
import type { SnapshotClient } from './snapshot-client.ts';
import { useSnapshotAnswer, type ReadySnapshot } from './use-exports-snapshot.ts';

type Props = {
  readonly snapshot: ReadySnapshot;
  readonly patients: readonly PatientIndexRow[];
  readonly fileName: (centerPatientNumber: string) => string;
};

/** The chosen patient's bundle, made in the snapshot's worker; none while nobody is chosen. */
const askBundle = (client: SnapshotClient, patientId: string | null, now: string) =>
  patientId === null ? Promise.resolve(null) : client.patientFhir(patientId, now);

export function PatientFhirSection({ snapshot, patients, fileName }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const [chosen, setChosen] = useState('');
  const patient = patients.find((p) => p.patientId === chosen);
  const outcome = useSnapshotAnswer(snapshot, patient?.patientId ?? null, askBundle, failedTask);
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
