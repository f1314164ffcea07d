/**
 * The export files from the tablet's records, with what the screen shows before a download:
 * row counts for the CSV files; resource counts, size and the structural check for FHIR.
 * Plain functions (no React): the FHIR worker runs the same code off the main thread.
 */
import { renderTable } from '../../domain/exports/columns.ts';
import {
  centerBundle,
  codebookCsv,
  codebookRows,
  PATIENT_COLUMNS,
  patientBundle,
  patientExportRows,
  SESSION_COLUMNS,
  sessionExportRows,
  validateBundleStructure,
  type BundleProblem,
  type ExportBundle,
  type ExportPopulation,
} from '../../domain/exports/index.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { ErrorTexts } from '../../ui/i18n.ts';

export type CsvFile = { readonly text: string; readonly rows: number };

export type CsvFiles = {
  readonly patients: CsvFile;
  readonly sessions: CsvFile;
  readonly codebook: CsvFile;
};

/** Patients and sessions CSV of `population` as of `asOf`, and the codebook. */
export function csvFiles(
  records: readonly ClinicalRecord[],
  asOf: string,
  population: ExportPopulation,
): Result<CsvFiles> {
  const patients = patientExportRows(records, asOf, population);
  if (!patients.ok) return patients;
  const upTo = records.filter((r) => r.clinicalTime <= asOf);
  const sessions = sessionExportRows(upTo, { population });
  if (!sessions.ok) return sessions;
  return ok({
    patients: { text: renderTable(PATIENT_COLUMNS, patients.value), rows: patients.value.length },
    sessions: { text: renderTable(SESSION_COLUMNS, sessions.value), rows: sessions.value.length },
    codebook: { text: codebookCsv(), rows: codebookRows().length },
  });
}

export type FhirFile = {
  readonly blob: Blob;
  readonly bytes: number;
  /** Resources by type, e.g. [['Observation', 12000], ...], most first. */
  readonly resources: readonly (readonly [string, number])[];
  readonly total: number;
  readonly problemCount: number;
  /** The first problems of the structural check (all of them would be too many to show). */
  readonly problems: readonly BundleProblem[];
  readonly generatedAt: string;
};

function fileOf(bundle: ExportBundle, generatedAt: string): FhirFile {
  const byType = new Map<string, number>();
  for (const e of bundle.entry ?? []) {
    const type = e.resource?.resourceType ?? '?';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const blob = new Blob([JSON.stringify(bundle)], { type: 'application/fhir+json' });
  const problems = validateBundleStructure(bundle);
  return {
    blob,
    bytes: blob.size,
    resources: [...byType].sort((a, b) => b[1] - a[1]),
    total: bundle.entry?.length ?? 0,
    problemCount: problems.length,
    problems: problems.slice(0, 20),
    generatedAt,
  };
}

/** A failure keeps the error's texts (both languages): the screen picks its own at render. */
export type FhirOutcome =
  | { readonly ok: true; readonly file: FhirFile }
  | { readonly ok: false; readonly error: ErrorTexts };

const outcomeOf = (bundle: Result<ExportBundle>, generatedAt: string): FhirOutcome =>
  bundle.ok
    ? { ok: true, file: fileOf(bundle.value, generatedAt) }
    : { ok: false, error: bundle.error };

/** The center's bundle of the given patients' records (the caller picks the population). */
export const centerFhirFile = (
  records: readonly ClinicalRecord[],
  generatedAt: string,
): FhirOutcome =>
  outcomeOf(centerBundle(records, { generatedAt, includeSynthetic: true }), generatedAt);

/** One patient's bundle. */
export const patientFhirFile = (
  records: readonly ClinicalRecord[],
  patientId: string,
  generatedAt: string,
): FhirOutcome => outcomeOf(patientBundle(records, patientId, { generatedAt }), generatedAt);

/** A background task that stopped (its worker failed or the screen was left): nothing made. */
export const failedTask = (error: unknown): { readonly ok: false; readonly error: ErrorTexts } => {
  const why = error instanceof Error && error.message !== '' ? error.message : null;
  return {
    ok: false,
    error: {
      message: `${why ?? 'The background task stopped'}. Nothing was downloaded; try again, and if it keeps failing, call support.`,
      messageNl: `${why ?? 'De achtergrondtaak stopte'}. Er werd niets gedownload; probeer opnieuw, en als het blijft mislukken, bel dan support.`,
    },
  };
};
