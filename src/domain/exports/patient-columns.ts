/**
 * Variables of the patient file (one row per patient), each with its definition, type, UCUM
 * unit and allowed values. Definitions are the registry's (registry/*.ts, protocol.md sections
 * 5 and 8, the paper's Methods); the codebook is generated from this list.
 */
import { DISCONTINUATION_REASONS, PAIN_TYPES, SEXES, SIDE_EFFECTS } from '../records.ts';
import type { RecordOfKind } from '../records/registry.ts';
import { COURSE_CATEGORIES, EXCLUSION_REASONS, type CohortRow } from '../registry/index.ts';
import {
  BOOLEAN_ALLOWED,
  DATETIME_ALLOWED,
  DATE_ALLOWED,
  LIST_SEPARATOR,
  codes,
  type ExportColumn,
} from './columns.ts';

export type PatientExportRow = CohortRow & {
  readonly birthYear: number | null;
  readonly painTypeOpinions: RecordOfKind<'patient'>['payload']['painTypeOpinions'] | null;
};

type Col = ExportColumn<PatientExportRow>;

const bool = (
  name: string,
  label: string,
  value: (r: PatientExportRow) => boolean | null,
): Col => ({
  name,
  label,
  type: 'boolean',
  unit: '',
  allowed: BOOLEAN_ALLOWED,
  value,
});

const opinion = (
  name: string,
  who: 'physician1' | 'physician2' | 'external',
  label: string,
): Col => ({
  name,
  label,
  type: 'code',
  unit: '',
  allowed: `${codes(PAIN_TYPES)}; empty = not given`,
  value: (r) => r.painTypeOpinions?.[who]?.painType ?? null,
});

const sideEffectColumns: Col[] = SIDE_EFFECTS.map((effect) =>
  bool(
    `se_${effect.replaceAll('-', '_')}`,
    `Side effect "${effect}" recorded in any session (protocol.md section 4 catalog id ${effect})`,
    (r) => r.sideEffects.includes(effect),
  ),
);

export const PATIENT_COLUMNS: readonly Col[] = [
  {
    name: 'patient_number',
    label: 'Center patient number (pseudonymous; links the patient and session files)',
    type: 'text',
    unit: '',
    allowed: 'letters, digits and . _ / -',
    value: (r) => r.centerPatientNumber,
  },
  bool('synthetic', 'Synthetic demo/training patient, never real data', (r) => r.isSynthetic),
  {
    name: 'sex',
    label: 'Sex as recorded',
    type: 'code',
    unit: '',
    allowed: codes(SEXES),
    value: (r) => r.sex,
  },
  {
    name: 'birth_year',
    label: 'Year of birth (only the year is exported, for anonymity)',
    type: 'integer',
    unit: 'a',
    allowed: '1900-2100; empty = not recorded',
    value: (r) => r.birthYear,
  },
  {
    name: 'age_first_admin',
    label:
      'Age in whole years at the first administration; empty when only the birth year is recorded (age then uncertain by one year)',
    type: 'integer',
    unit: 'a',
    allowed: '0-200; empty = unknown or no administration',
    value: (r) => r.ageAtFirstAdministrationYears,
  },
  {
    name: 'course_start',
    label: 'Date the course of KIT started',
    type: 'date',
    unit: '',
    allowed: `${DATE_ALLOWED}; empty = no course`,
    value: (r) => r.courseStartedOn,
  },
  bool(
    'started_here',
    'Course started at this center during the study (0 = started before or elsewhere: excluded)',
    (r) => r.startedHere,
  ),
  bool('non_oncologic', 'Pain is not oncologic (eligibility screening)', (r) => r.nonOncologic),
  {
    name: 'pain_type',
    label: 'Pain type in force: agreed by two physicians, or decided by the external physician',
    type: 'code',
    unit: '',
    allowed: `${codes(PAIN_TYPES)}; empty = not decided`,
    value: (r) => r.painType,
  },
  {
    name: 'pain_type_status',
    label: 'How the pain type was decided',
    type: 'code',
    unit: '',
    allowed: codes([
      'agreed',
      'decided-by-external',
      'needs-external',
      'needs-opinions',
      'invalid',
    ]),
    value: (r) => r.painTypeStatus,
  },
  opinion('pain_type_md1', 'physician1', 'Pain type, opinion of physician 1'),
  opinion('pain_type_md2', 'physician2', 'Pain type, opinion of physician 2'),
  opinion(
    'pain_type_ext',
    'external',
    'Pain type, opinion of the external physician (only when 1 and 2 disagree)',
  ),
  {
    name: 'baseline_nrs',
    label: 'Pain on the Numeric Rating Scale before therapy (LOINC 72514-3)',
    type: 'integer',
    unit: '{score}',
    allowed: '0-10',
    value: (r) => r.baselineNrs,
  },
  {
    name: 'first_admin_at',
    label: 'First administration: infusion start (or discharge if no start was recorded)',
    type: 'datetime',
    unit: '',
    allowed: `${DATETIME_ALLOWED}; empty = none`,
    value: (r) => r.firstAdministrationAt,
  },
  {
    name: 'administrations',
    label: 'Number of administrations (sessions with an infusion start or a discharge)',
    type: 'integer',
    unit: '{administrations}',
    allowed: '0 or more',
    value: (r) => r.administrations,
  },
  bool(
    'included',
    'Met the inclusion criteria: course started here, adult at course start, not oncologic',
    (r) => r.included,
  ),
  {
    name: 'exclusion_reasons',
    label: `Why not included, all reasons, separated by "${LIST_SEPARATOR}"`,
    type: 'code-list',
    unit: '',
    allowed: `${codes(EXCLUSION_REASONS)}; empty = included`,
    value: (r) => r.exclusionReasons.join(LIST_SEPARATOR),
  },
  bool(
    'lost_after_first',
    'Lost to follow-up after the first administration (exactly one administration: the test dose)',
    (r) => r.lostAfterFirstAdministration,
  ),
  {
    name: 'deviating_admins',
    label: 'Administrations whose dose plan is a protocol deviation',
    type: 'integer',
    unit: '{administrations}',
    allowed: '0 or more',
    value: (r) => r.deviatingAdministrations,
  },
  {
    name: 'admins_without_plan',
    label: 'Administrations without a dose plan (adherence cannot be shown)',
    type: 'integer',
    unit: '{administrations}',
    allowed: '0 or more',
    value: (r) => r.administrationsWithoutPlan,
  },
  bool(
    'per_protocol',
    'Per protocol: included, at least the test dose and one full dose, no deviation and a plan for every administration',
    (r) => r.perProtocol,
  ),
  {
    name: 'improvement_pct',
    label: 'Latest self-reported % pain improvement since the first full dose (negative = worse)',
    type: 'decimal',
    unit: '%',
    allowed: '-100 to 100; empty = no answer after the first full dose',
    value: (r) => r.latestPainImprovementPercent,
  },
  {
    name: 'improvement_at',
    label: 'When that answer was recorded',
    type: 'datetime',
    unit: '',
    allowed: `${DATETIME_ALLOWED}; empty = no answer`,
    value: (r) => r.latestAnswerAt,
  },
  bool(
    'favorable',
    'Favorable outcome: improvement >= 50 % and not stopped for lack of effect (empty = no full dose)',
    (r) => r.favorable,
  ),
  bool(
    'discontinued',
    'Therapy discontinued (latest course status or outcome answer)',
    (r) => r.discontinued,
  ),
  {
    name: 'discont_reason',
    label: 'Discontinuation reason',
    type: 'code',
    unit: '',
    allowed: `${codes(DISCONTINUATION_REASONS)}; empty = not discontinued`,
    value: (r) => r.discontinuationReason,
  },
  {
    name: 'discont_text',
    label: 'Discontinuation reason as typed (free text, for reason "other")',
    type: 'text',
    unit: '',
    allowed: 'free text; empty = none',
    value: (r) => r.discontinuationText,
  },
  {
    name: 'discont_after',
    label: 'Discontinued after this many administrations',
    type: 'integer',
    unit: '{administrations}',
    allowed: '0 or more; empty = not discontinued',
    value: (r) => r.discontinuedAfterAdministrations,
  },
  {
    name: 'course_category',
    label: 'How therapy went after the test dose (per-protocol patients only)',
    type: 'code',
    unit: '',
    allowed: `${codes(COURSE_CATEGORIES)}; empty = not per protocol`,
    value: (r) => r.courseCategory,
  },
  ...sideEffectColumns,
  bool(
    'liver_elevation',
    'Any liver panel with ALT, AST, GGT or ALP above the lab upper limit of normal',
    (r) => r.firstLiverElevation !== null,
  ),
  {
    name: 'liver_elevation_on',
    label: 'Sample date of the first elevated liver panel',
    type: 'date',
    unit: '',
    allowed: `${DATE_ALLOWED}; empty = none`,
    value: (r) => r.firstLiverElevation?.sampledOn ?? null,
  },
  bool(
    'needs_review',
    'The record has data problems a person should review (correction conflicts, several courses, ...)',
    (r) => r.reviewNotes.length > 0,
  ),
];
