/** The CSV files for statistics packages: row counts, then one download per file. */
import { useMemo } from 'react';
import {
  CODEBOOK_FILE,
  PATIENTS_FILE,
  SESSIONS_FILE,
  type ExportPopulation,
} from '../../domain/exports/index.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { CSV_TYPE, downloadBlob } from './download.ts';
import { csvFiles, type CsvFile } from './export-files.ts';
import { messages } from './messages.ts';

type Props = {
  readonly records: readonly ClinicalRecord[];
  readonly population: ExportPopulation;
};

export function CsvSection({ records, population }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const { clock } = useBedside();
  const files = useMemo(
    () => csvFiles(records, clock.nowIso(), population),
    [records, population, clock],
  );
  const item = (fileName: string, file: CsvFile, describe: string) => (
    <li className="exports-file">
      <span>
        <strong>{fileName}</strong>
        <br />
        <span className="field__hint">{fill(describe, { n: file.rows })}</span>
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => downloadBlob(new Blob([file.text], { type: CSV_TYPE }), fileName)}
      >
        {fill(t.download, { file: fileName })}
      </button>
    </li>
  );
  return (
    <section className="card stack" aria-labelledby="exports-csv">
      <h2 id="exports-csv">{t.csvTitle}</h2>
      <p className="field__hint">{t.csvHint}</p>
      {files.ok ? (
        <ul className="exports-files">
          {item(PATIENTS_FILE, files.value.patients, t.patientsFile)}
          {item(SESSIONS_FILE, files.value.sessions, t.sessionsFile)}
          {item(CODEBOOK_FILE, files.value.codebook, t.codebookFile)}
        </ul>
      ) : (
        <p className="notice notice--urgent" role="alert">
          {t.csvFailed} {errText(files.error)}
        </p>
      )}
    </section>
  );
}
