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
import { buildCohortRow } from './patient-row.ts';
import type { CohortRow, RegistryOptions } from './types.ts';

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
 * Cohort rows of all patients of the chosen population (default: real patients) as of
 * `options.asOf`. Linear in the number of records after the one sort done by effective.ts.
 */
export function buildCohort(
  records: readonly ClinicalRecord[],
  options: RegistryOptions,
): Result<Cohort> {
  const checked = checkRegistryOptions(options);
  if (!checked.ok) return checked;
  const { asOf, period } = options;
  const population = options.population ?? 'real';
  const upTo = records.filter((r) => r.clinicalTime <= asOf);
  const { byPatient, notes } = effectiveByPatient(upTo);

  const rows: CohortRow[] = [];
  const orphans: string[] = [];
  let other = 0;
  for (const [patientId, mine] of byPatient) {
    let patient: RecordOfKind<'patient'> | null = null;
    for (const r of mine) if (r.kind === 'patient') patient = r;
    if (patient === null) {
      orphans.push(patientId);
      continue;
    }
    if (patient.payload.isSynthetic !== (population === 'synthetic')) {
      other++;
      continue;
    }
    rows.push(buildCohortRow(patient, mine, period, notes.get(patientId) ?? []));
  }
  rows.sort((a, b) =>
    a.centerPatientNumber < b.centerPatientNumber
      ? -1
      : a.centerPatientNumber > b.centerPatientNumber
        ? 1
        : 0,
  );
  return ok({
    rows,
    asOf,
    otherPopulationPatients: other,
    recordsAfterAsOf: records.length - upTo.length,
    patientIdsWithoutPatientRecord: orphans.sort(),
  });
}
