/** One patient's FHIR bundle: choose the patient, see what it holds and its check, download. */
import { useMemo, useState } from 'react';
import type { PatientIndexRow } from '../../db/database.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { patientFhirFile } from './export-files.ts';
import { FhirSummary } from './fhir-summary.tsx';
import { messages } from './messages.ts';

type Props = {
  readonly records: readonly ClinicalRecord[];
  readonly patients: readonly PatientIndexRow[];
  readonly fileName: (centerPatientNumber: string) => string;
};

export function PatientFhirSection({ records, patients, fileName }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { clock } = useBedside();
  const [chosen, setChosen] = useState('');
  const patient = patients.find((p) => p.patientId === chosen);
  const outcome = useMemo(
    () =>
      patient === undefined ? null : patientFhirFile(records, patient.patientId, clock.nowIso()),
    [records, patient, clock],
  );
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
      {outcome === null || patient === undefined ? null : outcome.ok ? (
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
