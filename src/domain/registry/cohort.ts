/**
 * The registry cohort: one row per patient, straight from the clinical records (protocol.md
 * section 8: "the app must reproduce them from records"). Corrections and entered-in-error
 * markers are applied first by state/effective.ts (per patient, effective-by-patient.ts), so a
 * corrected value counts and a voided record does not; records after `asOf` are left out so a
 * report can be re-run as of a date.
 */
import {
  isoDateSchema,
  isoInstantSchema,
  type ClinicalRecord,
  type RecordOfKind,
} from '../records.ts';
import { fail, ok, type Result } from '../result.ts';
import { effectiveByPatient } from './effective-by-patient.ts';
import { buildCohortRow, withPeriod } from './patient-row.ts';
import type { CohortRow, RegistryOptions, RegistryPeriod, RegistryPopulation } from './types.ts';

export type Cohort = {
  /** Every patient of the population with a patient record, ordered by center patient number. */
  readonly rows: readonly CohortRow[];
  readonly asOf: string;
  /** Patients of the other population (synthetic vs real) left out. */
  readonly otherPopulationPatients: number;
  /** Records after `asOf`, left out. */
  readonly recordsAfterAsOf: number;
  /** Patient ids that have records but no (effective) patient record: cannot be analysed. */
  readonly patientIdsWithoutPatientRecord: readonly string[];
};

/** Checks the options: asOf an ISO instant, period dates YYYY-MM-DD with from <= to. */
export function checkRegistryOptions(options: RegistryOptions): Result<RegistryOptions> {
  if (!isoInstantSchema.safeParse(options.asOf).success) {
    return fail(
      'invalid-date',
      'asOf',
      'The report date must be an ISO instant such as 2021-01-05T00:00:00.000Z.',
      'De rapportdatum moet een ISO-tijdstip zijn, bv. 2021-01-05T00:00:00.000Z.',
    );
  }
  const { from, to } = options.period ?? {};
  for (const [field, v] of [
    ['period.from', from],
    ['period.to', to],
  ] as const) {
    if (v !== undefined && !isoDateSchema.safeParse(v).success) {
      return fail(
        'invalid-date',
        field,
        `The period ${field === 'period.from' ? 'start' : 'end'} must be a real date written YYYY-MM-DD.`,
        `De ${field === 'period.from' ? 'begindatum' : 'einddatum'} van de periode moet een bestaande datum zijn in de vorm JJJJ-MM-DD.`,
      );
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    return fail(
      'invalid-date',
      'period.from',
      `The period starts (${from}) after it ends (${to}); swap the dates.`,
      `De periode begint (${from}) na het einde (${to}); wissel de datums om.`,
    );
  }
  const population = options.population ?? 'real';
  if (population !== 'real' && population !== 'synthetic') {
    return fail(
      'invalid-choice',
      'population',
      'Choose real patients or synthetic (demo) patients.',
      'Kies echte patiënten of synthetische (demo)patiënten.',
    );
  }
  return ok(options);
}

/**
 * One patient's part of the cohort, whatever the population or period: their row (computed
 * without a period; `cohortFromEntries` sets `inPeriod`), or 'orphan' when the patient has
 * records but no effective patient record. Kept per patient by the tablet's registry cache
 * (src/db/registry-rows.ts), so a report re-reads only the patients whose records changed.
 */
export type CohortEntry =
  | { readonly type: 'row'; readonly patientId: string; readonly row: CohortRow }
  | { readonly type: 'orphan'; readonly patientId: string };

/**
 * The entries of every patient in `records` (all already up to the report's `asOf`), or only
 * of `onlyPatients`. A patient id that only files records routed to another patient (an
 * entered-in-error marker of another patient's record) has no entry, as in `buildCohort`.
 */
export function cohortEntries(
  records: readonly ClinicalRecord[],
  onlyPatients?: ReadonlySet<string>,
): CohortEntry[] {
  const { byPatient, notes } = effectiveByPatient(records);
  const entries: CohortEntry[] = [];
  for (const [patientId, mine] of byPatient) {
    if (onlyPatients !== undefined && !onlyPatients.has(patientId)) continue;
    let patient: RecordOfKind<'patient'> | null = null;
    for (const r of mine) if (r.kind === 'patient') patient = r;
    entries.push(
      patient === null
        ? { type: 'orphan', patientId }
        : {
            type: 'row',
            patientId,
            row: buildCohortRow(patient, mine, undefined, notes.get(patientId) ?? []),
          },
    );
  }
  return entries;
}

export type CohortAssembly = {
  readonly asOf: string;
  readonly period?: RegistryPeriod;
  readonly population?: RegistryPopulation;
  /** Registry-kind records with a clinical time after `asOf`, left out. */
  readonly recordsAfterAsOf: number;
};

/** The cohort of one population and period from every patient's entry (any order). */
export function cohortFromEntries(
  entries: Iterable<CohortEntry>,
  { asOf, period, population = 'real', recordsAfterAsOf }: CohortAssembly,
): Cohort {
  const rows: CohortRow[] = [];
  const orphans: string[] = [];
  let other = 0;
  for (const entry of entries) {
    if (entry.type === 'orphan') orphans.push(entry.patientId);
    else if (entry.row.isSynthetic !== (population === 'synthetic')) other++;
    else rows.push(withPeriod(entry.row, period));
  }
  rows.sort((a, b) =>
    a.centerPatientNumber < b.centerPatientNumber
      ? -1
      : a.centerPatientNumber > b.centerPatientNumber
        ? 1
        : 0,
  );
  return {
    rows,
    asOf,
    otherPopulationPatients: other,
    recordsAfterAsOf,
    patientIdsWithoutPatientRecord: orphans.sort(),
  };
}

/**
 * Cohort rows of all patients of the chosen population (default: real patients) as of
 * `options.asOf`. Linear in the number of records after the one sort done by effective.ts.
 */
export function buildCohort(
  records: readonly ClinicalRecord[],
  options: RegistryOptions,
): Result<Cohort> {
  const checked = checkRegistryOptions(options);
  if (!checked.ok) return checked;
  const upTo = records.filter((r) => r.clinicalTime <= options.asOf);
  return ok(
    cohortFromEntries(cohortEntries(upTo), {
      ...options,
      recordsAfterAsOf: records.length - upTo.length,
    }),
  );
}
