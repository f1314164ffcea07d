/**
 * The patient file for statistics packages: one row per patient with the source study's
 * variables (protocol.md sections 5 and 8; paper, Methods and Results). The values are the
 * registry's cohort rows (registry/cohort.ts), so the file and the registry screen can never
 * disagree; this file adds only the birth year and the three pain-type opinions from the
 * patient record.
 *
 * Anonymity: the pseudonymous center patient number identifies the row; the birth YEAR is the
 * only birth information (never the full date); no names exist in the records.
 * Population: real patients by default (the registry never mixes synthetic data in); the
 * `synthetic` column still says it per row, so a file is self-describing.
 */
import { isoInstantSchema } from '../records/base.ts';
import type { ClinicalRecord, RecordOfKind } from '../records/registry.ts';
import { buildCohort } from '../registry/index.ts';
import { fail, ok, type Result } from '../result.ts';
import { effectiveRecords } from '../state/effective.ts';
import { renderTable } from './columns.ts';
import { PATIENT_COLUMNS, type PatientExportRow } from './patient-columns.ts';
import { birthYearOf } from './privacy.ts';

export type ExportPopulation = 'real' | 'synthetic' | 'all';

export type CsvExportOptions = {
  /** Which patients; default 'real' (synthetic = demo and training data). */
  readonly population?: ExportPopulation;
};

const POPULATIONS: readonly ExportPopulation[] = ['real', 'synthetic', 'all'];

export function checkPopulation(options: CsvExportOptions): Result<ExportPopulation> {
  const population = options.population ?? 'real';
  return POPULATIONS.includes(population)
    ? ok(population)
    : fail(
        'invalid-choice',
        'population',
        'Choose real patients, synthetic (demo) patients or all.',
        'Kies echte patiënten, synthetische (demo)patiënten of alle.',
      );
}

/** The latest effective patient record per patient id, from records up to `asOf`. */
function patientRecords(records: readonly ClinicalRecord[]): Map<string, RecordOfKind<'patient'>> {
  const subset = records.filter((r) => r.kind === 'patient' || r.kind === 'entered-in-error');
  const out = new Map<string, RecordOfKind<'patient'>>();
  for (const r of effectiveRecords(subset).records)
    if (r.kind === 'patient' && r.patientId !== null) out.set(r.patientId, r);
  return out;
}

/** Cohort rows with the patient-record extras, ordered by center patient number. */
export function patientExportRows(
  records: readonly ClinicalRecord[],
  asOf: string,
  population: ExportPopulation,
): Result<PatientExportRow[]> {
  const populations = population === 'all' ? (['real', 'synthetic'] as const) : [population];
  const upTo = records.filter((r) => r.clinicalTime <= asOf);
  const patients = patientRecords(upTo);
  const rows: PatientExportRow[] = [];
  for (const p of populations) {
    const cohort = buildCohort(upTo, { asOf, population: p });
    if (!cohort.ok) return cohort;
    for (const row of cohort.value.rows) {
      const record = patients.get(row.patientId);
      const payload = record?.payload;
      rows.push({
        ...row,
        birthYear: payload === undefined ? null : birthYearOf(payload),
        painTypeOpinions: payload?.painTypeOpinions ?? null,
      });
    }
  }
  rows.sort((a, b) =>
    a.centerPatientNumber < b.centerPatientNumber
      ? -1
      : a.centerPatientNumber > b.centerPatientNumber
        ? 1
        : 0,
  );
  return ok(rows);
}

/**
 * The patient CSV as of `asOf` (ISO 8601 UTC instant; records entered with a later clinical
 * time are left out, as in the registry). RFC 4180, CRLF, UTF-8 without BOM (see `withBom`).
 * Columns and their definitions: PATIENT_COLUMNS / codebookCsv().
 */
export function patientsCsv(
  records: readonly ClinicalRecord[],
  asOf: string,
  options: CsvExportOptions = {},
): Result<string> {
  if (!isoInstantSchema.safeParse(asOf).success) {
    return fail(
      'invalid-date',
      'asOf',
      'The export date must be an ISO 8601 UTC instant such as 2026-03-01T10:00:00.000Z.',
      'De exportdatum moet een ISO 8601-tijdstip in UTC zijn, bv. 2026-03-01T10:00:00.000Z.',
    );
  }
  const population = checkPopulation(options);
  if (!population.ok) return population;
  const rows = patientExportRows(records, asOf, population.value);
  if (!rows.ok) return rows;
  return ok(renderTable(PATIENT_COLUMNS, rows.value));
}
