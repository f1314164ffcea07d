/**
 * The export files from the synced records, made by the same pure domain functions the
 * tablet's export screen calls (src/domain/exports, src/domain/registry; the tablet's wiring is
 * src/features/exports/export-files.ts), with the same choices:
 * - CSV: the patient file as of the export time, the session file from the records up to that
 *   time, both of the chosen population; the codebook.
 * - Center FHIR bundle: the records of the chosen population's patients only (synthetic ones
 *   stay labelled HTEST inside the bundle).
 * - Patient FHIR bundle: one patient of the chosen population.
 * - Registry: the report as of the export time, of the chosen population, for a period.
 */
import {
  centerBundle,
  codebookCsv,
  codebookRows,
  PATIENT_COLUMNS,
  patientBundle,
  patientExportRows,
  SESSION_COLUMNS,
  sessionExportRows,
  type ExportBundle,
} from '../../../src/domain/exports/index.ts';
import { renderTable } from '../../../src/domain/exports/columns.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import {
  computeRegistry,
  type RegistryPeriod,
  type RegistryReport,
} from '../../../src/domain/registry/index.ts';
import { ok, type Result } from '../../../src/domain/result.ts';
import { isSyntheticPatient, recordsOfPopulation, type DataChoice } from './population.ts';

export type CsvExport = { readonly text: string; readonly rows: number };
export type CsvName = 'patients' | 'sessions' | 'codebook';

/** One CSV file; `asOf` is the export time (ISO instant). */
export function csvExport(
  name: CsvName,
  records: readonly ClinicalRecord[],
  asOf: string,
  data: DataChoice,
): Result<CsvExport> {
  if (name === 'codebook') return ok({ text: codebookCsv(), rows: codebookRows().length });
  if (name === 'patients') {
    const rows = patientExportRows(records, asOf, data);
    return rows.ok
      ? ok({ text: renderTable(PATIENT_COLUMNS, rows.value), rows: rows.value.length })
      : rows;
  }
  const upTo = records.filter((r) => r.clinicalTime <= asOf);
  const rows = sessionExportRows(upTo, { population: data });
  return rows.ok
    ? ok({ text: renderTable(SESSION_COLUMNS, rows.value), rows: rows.value.length })
    : rows;
}

/** The center's bundle of the chosen population's patients. */
export const centerFhirExport = (
  records: readonly ClinicalRecord[],
  generatedAt: string,
  data: DataChoice,
): Result<ExportBundle> =>
  centerBundle(recordsOfPopulation(records, data), { generatedAt, includeSynthetic: true });

export type PatientFhirExport =
  | { readonly found: true; readonly bundle: Result<ExportBundle> }
  /** No record of this patient, or the patient is of the other population. */
  | { readonly found: false; readonly otherPopulation: boolean };

/** One patient's bundle from that patient's records. */
export function patientFhirExport(
  patientRecords: readonly ClinicalRecord[],
  patientId: string,
  generatedAt: string,
  data: DataChoice,
): PatientFhirExport {
  if (patientRecords.length === 0) return { found: false, otherPopulation: false };
  if (isSyntheticPatient(patientRecords) !== (data === 'synthetic'))
    return { found: false, otherPopulation: true };
  return { found: true, bundle: patientBundle(patientRecords, patientId, { generatedAt }) };
}

/** The registry report (fails only on a malformed period: field `period.from` / `period.to`). */
export const registryExport = (
  records: readonly ClinicalRecord[],
  asOf: string,
  period: RegistryPeriod,
  data: DataChoice,
): Result<RegistryReport> => computeRegistry(records, { asOf, period, population: data });
