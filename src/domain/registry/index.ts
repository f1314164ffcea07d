/**
 * Public API of the registry analyses (protocol.md section 8). Import from here.
 */
export {
  computeRegistry,
  registryFromCohort,
  registryFromEntries,
  type RegistryReport,
} from './registry.ts';
export {
  buildCohort,
  checkRegistryOptions,
  cohortEntries,
  cohortFromEntries,
  type Cohort,
  type CohortEntry,
} from './cohort.ts';
export {
  inclusionFlow,
  includedRows,
  perProtocolRows,
  treatedRows,
  type InclusionFlow,
} from './flow.ts';
export { ageSummary, sexSplit, type SexSplit } from './demographics.ts';
export {
  baselineNrs,
  courseCategories,
  favorableShare,
  nrsLogistic,
  painReduction,
  type CourseCategories,
  type NrsOddsRatio,
} from './effectiveness.ts';
export { painTypeTable, type PainTypeTable } from './table-one.ts';
export {
  liverElevations,
  sideEffectFrequencies,
  type LiverElevationRow,
  type SideEffectFrequency,
} from './safety.ts';
export { courseCategoryOf } from './course-category.ts';
export { administrationsOf, type Administration } from './administrations.ts';
export {
  COURSE_CATEGORIES,
  EXCLUSION_REASONS,
  type CohortRow,
  type CourseCategory,
  type ExclusionReason,
  type Figure,
  type LiverElevation,
  type RegistryOptions,
  type RegistryPeriod,
  type RegistryPopulation,
} from './types.ts';
