/** The CSV files for statistics packages: row counts, then one download per file. */
import {
  CODEBOOK_FILE,
  PATIENTS_FILE,
  SESSIONS_FILE,
  type ExportPopulation,
} from '../../domain/exports/index.ts';
import { fill, useErrorText, useMessages, type ErrorTexts } from '../../ui/i18n.ts';
import { CSV_TYPE, downloadBlob } from './download.ts';
import { failedTask, type CsvFile, type CsvFiles } from './export-files.ts';
import { messages } from './messages.ts';
import type { SnapshotClient } from './snapshot-client.ts';
import { useSnapshotAnswer, type ReadySnapshot } from './use-exports-snapshot.ts';

type Props = {
  readonly snapshot: ReadySnapshot;
  readonly population: ExportPopulation;
};

type Made =
  | { readonly ok: true; readonly value: CsvFiles }
  | { readonly ok: false; readonly error: ErrorTexts };

/** The files of a population, made in the snapshot's worker. */
const askFiles = (client: SnapshotClient, population: ExportPopulation, now: string) =>
  client.csv(now, population) as Promise<Made>;

export function CsvSection({ snapshot, population }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const files = useSnapshotAnswer(snapshot, population, askFiles, failedTask);
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
      {files === null ? (
        <p role="status">{t.makingCsv}</p>
      ) : files.ok ? (
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
