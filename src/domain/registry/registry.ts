/**
 * The registry report (protocol.md section 8): every analysis of the source study, computed
 * from the clinical records with the study's definitions. One call, pure: the same records
 * and options always give the same report.
 */
import type { ClinicalRecord } from '../records.ts';
import { ok, type Result } from '../result.ts';
import type {
  FisherExactResult,
  MeanConfidenceInterval,
  Summary,
  CountPercent,
} from '../stats/index.ts';
import {
  buildCohort,
  checkRegistryOptions,
  cohortFromEntries,
  type Cohort,
  type CohortEntry,
} from './cohort.ts';
import { ageSummary, sexSplit, type SexSplit } from './demographics.ts';
import {
  baselineNrs,
  courseCategories,
  favorableShare,
  nrsLogistic,
  painReduction,
  type CourseCategories,
  type NrsOddsRatio,
} from './effectiveness.ts';
import { inclusionFlow, includedRows, perProtocolRows, type InclusionFlow } from './flow.ts';
import {
  liverElevations,
  sideEffectFrequencies,
  type LiverElevationRow,
  type SideEffectFrequency,
} from './safety.ts';
import { painTypeTable, type PainTypeTable } from './table-one.ts';
import type {
  CohortRow,
  Figure,
  RegistryOptions,
  RegistryPeriod,
  RegistryPopulation,
} from './types.ts';

export type RegistryReport = {
  readonly asOf: string;
  readonly period: RegistryPeriod | null;
  readonly population: RegistryPopulation;
  readonly flow: Figure<InclusionFlow>;
  readonly demographics: { readonly sex: Figure<SexSplit>; readonly ageYears: Figure<Summary> };
  readonly effectiveness: {
    readonly favorable: Figure<CountPercent>;
    readonly courseCategories: Figure<CourseCategories>;
    readonly painReductionPercent: Figure<MeanConfidenceInterval>;
    readonly baselineNrs: Figure<Summary>;
    readonly nrsLogisticRegression: Figure<NrsOddsRatio>;
  };
  readonly tableI: Figure<PainTypeTable>;
  readonly tableIFisher: Figure<FisherExactResult>;
  readonly sideEffects: Figure<readonly SideEffectFrequency[]>;
  readonly liverElevations: Figure<readonly LiverElevationRow[]>;
  readonly dataQuality: {
    readonly otherPopulationPatients: number;
    readonly recordsAfterAsOf: number;
    readonly patientIdsWithoutPatientRecord: readonly string[];
    /** Patients of the report with notes for review (conflicts, several courses, ...). */
    readonly patientsNeedingReview: number;
  };
  /** One row per patient of the population (all of them, also untreated or outside the period). */
  readonly cohort: readonly CohortRow[];
};

const periodText = (p: RegistryPeriod | undefined): string =>
  p === undefined || (p.from === undefined && p.to === undefined)
    ? 'at any date'
    : p.from !== undefined && p.to !== undefined
      ? `from ${p.from} to ${p.to}`
      : p.from !== undefined
        ? `on or after ${p.from}`
        : `on or before ${p.to}`;

const periodTextNl = (p: RegistryPeriod | undefined): string =>
  p === undefined || (p.from === undefined && p.to === undefined)
    ? 'ongeacht de datum'
    : p.from !== undefined && p.to !== undefined
      ? `van ${p.from} tot en met ${p.to}`
      : p.from !== undefined
        ? `op of na ${p.from}`
        : `op of voor ${p.to}`;

/** The report from a cohort already built (e.g. to re-use it for the CSV export). */
export function registryFromCohort(cohort: Cohort, options: RegistryOptions): RegistryReport {
  const rows = cohort.rows;
  const included = includedRows(rows);
  const pp = perProtocolRows(rows);
  const table = painTypeTable(pp);
  return {
    asOf: cohort.asOf,
    period: options.period ?? null,
    population: options.population ?? 'real',
    flow: inclusionFlow(rows, periodText(options.period), periodTextNl(options.period)),
    demographics: { sex: sexSplit(included), ageYears: ageSummary(included) },
    effectiveness: {
      favorable: favorableShare(pp),
      courseCategories: courseCategories(pp),
      painReductionPercent: painReduction(pp),
      baselineNrs: baselineNrs(pp),
      nrsLogisticRegression: nrsLogistic(pp),
    },
    tableI: table.table,
    tableIFisher: table.fisher,
    sideEffects: sideEffectFrequencies(included),
    liverElevations: liverElevations(included),
    dataQuality: {
      otherPopulationPatients: cohort.otherPopulationPatients,
      recordsAfterAsOf: cohort.recordsAfterAsOf,
      patientIdsWithoutPatientRecord: cohort.patientIdsWithoutPatientRecord,
      patientsNeedingReview: rows.filter((r) => r.reviewNotes.length > 0).length,
    },
    cohort: rows,
  };
}

/**
 * All registry analyses of protocol.md section 8 from `records` (any order, any mix of
 * patients; corrections and entered-in-error markers are honoured), as of `options.asOf`,
 * for patients whose first administration is in `options.period` (inclusive dates), of the
 * real (default) or the synthetic population. Fails only on invalid options.
 */
export function computeRegistry(
  records: readonly ClinicalRecord[],
  options: RegistryOptions,
): Result<RegistryReport> {
  const cohort = buildCohort(records, options);
  if (!cohort.ok) return cohort;
  return ok(registryFromCohort(cohort.value, options));
}

/**
 * The same report from every patient's cohort entry (e.g. kept per patient by the tablet's
 * registry cache) and the number of registry records after `options.asOf` left out.
 */
export function registryFromEntries(
  entries: Iterable<CohortEntry>,
  recordsAfterAsOf: number,
  options: RegistryOptions,
): Result<RegistryReport> {
  const checked = checkRegistryOptions(options);
  if (!checked.ok) return checked;
  return ok(
    registryFromCohort(cohortFromEntries(entries, { ...options, recordsAfterAsOf }), options),
  );
}
