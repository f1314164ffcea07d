/**
 * One patient's cohort row: the study's variables from the patient's effective records, with
 * the paper's inclusion criteria (Methods: "Patients who were minors at the start of the
 * therapy were excluded ... Further exclusion was made in patients with oncologic pain and
 * those who deviated from the infusion protocol"; Results: "ketamine was started before the
 * study period or at another center" excluded 13 of 74).
 */
import { ageAtStart } from '../age.ts';
import { isFavorableOutcome, resolvePainType } from '../outcomes.ts';
import type { ClinicalRecord, RecordOfKind, SideEffectId } from '../records.ts';
import { administrationsOf } from './administrations.ts';
import { courseCategoryOf } from './course-category.ts';
import {
  discontinuationOf,
  firstLiverElevation,
  latestAnswerAfterFirstFullDose,
} from './follow-up-facts.ts';
import type { CohortRow, ExclusionReason, RegistryPeriod } from './types.ts';

const lastOf = <K extends ClinicalRecord['kind']>(
  records: readonly ClinicalRecord[],
  kind: K,
): RecordOfKind<K> | null => {
  let found: RecordOfKind<K> | null = null;
  for (const r of records) if (r.kind === kind) found = r as RecordOfKind<K>;
  return found;
};

/**
 * The course the registry studies: of the patient's effective courses, the one that started
 * first. Why the first: the paper excludes patients whose therapy started elsewhere or before
 * the study (their effect was already proven: positive selection); a later restart here does
 * not turn them into new patients. Several courses are noted for review.
 */
function studiedCourse(records: readonly ClinicalRecord[]): {
  course: RecordOfKind<'course'> | null;
  count: number;
} {
  const courses = records.filter((r): r is RecordOfKind<'course'> => r.kind === 'course');
  let first: RecordOfKind<'course'> | null = null;
  for (const c of courses)
    if (first === null || c.payload.startedOn < first.payload.startedOn) first = c;
  return { course: first, count: courses.length };
}

const inPeriod = (date: string | null, period: RegistryPeriod | undefined): boolean =>
  date !== null &&
  (period?.from === undefined || date >= period.from) &&
  (period?.to === undefined || date <= period.to);

/**
 * The row with `inPeriod` for `period` (dates of the first administration, inclusive). The
 * period changes nothing else in a row, so a row computed once serves every period.
 */
export const withPeriod = (row: CohortRow, period: RegistryPeriod | undefined): CohortRow => {
  const value = inPeriod(row.firstAdministrationAt?.slice(0, 10) ?? null, period);
  return value === row.inPeriod ? row : { ...row, inPeriod: value };
};

/**
 * Builds the row of the patient whose effective records (ordered by clinical time) are
 * `records`; `patient` is their latest patient record. `conflicts` are correction conflicts
 * of this patient (state/effective.ts), noted for review.
 */
export function buildCohortRow(
  patient: RecordOfKind<'patient'>,
  records: readonly ClinicalRecord[],
  period: RegistryPeriod | undefined,
  conflicts: readonly string[],
): CohortRow {
  const p = patient.payload;
  const notes: string[] = [...conflicts];
  const { course, count: courseCount } = studiedCourse(records);
  if (courseCount > 1)
    notes.push(
      `${courseCount} courses recorded; the registry uses the first (started ${course?.payload.startedOn}).`,
    );
  const administrations = administrationsOf(records);
  const firstAt = administrations[0]?.at ?? null;
  const firstDate = firstAt === null ? null : firstAt.slice(0, 10);
  const birthDate = p.birthDate ?? null;
  const birthYear = birthDate === null ? (p.birthYear ?? null) : null;
  const startDate = course?.payload.startedOn ?? firstDate;
  const ageStart = startDate === null ? null : ageAtStart(birthDate, birthYear, startDate);
  const ageFirst = firstDate === null ? null : ageAtStart(birthDate, birthYear, firstDate);
  const screening = lastOf(records, 'eligibility-screening');

  const reasons: ExclusionReason[] = [];
  if (course === null) reasons.push('no-course');
  else if (!course.payload.startedHere) reasons.push('started-elsewhere');
  if (ageStart?.status === 'minor') reasons.push('minor-at-start');
  else if (ageStart?.status !== 'adult') reasons.push('age-undetermined');
  if (screening === null) reasons.push('oncologic-status-unknown');
  else if (!screening.payload.nonOncologic) reasons.push('oncologic');
  const included = reasons.length === 0;

  const lost = administrations.length === 1;
  const deviating = administrations.filter(
    (a) => a.plan?.payload.deviation.isDeviation === true,
  ).length;
  const withoutPlan = administrations.filter((a) => a.plan === null).length;
  const perProtocol =
    included && administrations.length >= 2 && deviating === 0 && withoutPlan === 0;

  const pain = resolvePainType({
    physician1: p.painTypeOpinions.physician1,
    physician2: p.painTypeOpinions.physician2,
    external: p.painTypeOpinions.external ?? null,
  });
  if (!pain.ok) notes.push(`Pain type: ${pain.error.message}`);
  const answer = latestAnswerAfterFirstFullDose(records, administrations);
  const improvement = answer?.payload.painImprovementPercent ?? null;
  const stop = discontinuationOf(records, administrations);
  const favorable =
    administrations.length >= 2 ? favorableOf(improvement, stop?.reason ?? null, notes) : null;

  const effects = new Set<SideEffectId>();
  for (const r of records) if (r.kind === 'side-effect') effects.add(r.payload.effect);

  return {
    patientId: patient.patientId ?? patient.id,
    centerPatientNumber: p.centerPatientNumber,
    isSynthetic: p.isSynthetic,
    sex: p.sex,
    courseId: course?.id ?? null,
    courseStartedOn: course?.payload.startedOn ?? null,
    startedHere: course?.payload.startedHere ?? null,
    ageAtCourseStartYears: ageStart?.ageYears ?? null,
    adultAtStart: ageStart?.status ?? null,
    ageAtFirstAdministrationYears: ageFirst?.ageYears ?? null,
    nonOncologic: screening?.payload.nonOncologic ?? null,
    firstAdministrationAt: firstAt,
    administrations: administrations.length,
    inPeriod: inPeriod(firstDate, period),
    exclusionReasons: reasons,
    included,
    lostAfterFirstAdministration: lost,
    deviatingAdministrations: deviating,
    administrationsWithoutPlan: withoutPlan,
    perProtocol,
    painType: pain.ok ? pain.value.painType : null,
    painTypeStatus: pain.ok ? pain.value.status : 'invalid',
    baselineNrs: p.baselineNrs,
    latestPainImprovementPercent: improvement,
    latestAnswerAt: answer?.clinicalTime ?? null,
    discontinued: stop !== null,
    discontinuationReason: stop?.reason ?? null,
    discontinuationText: stop?.text ?? null,
    discontinuedAfterAdministrations: stop?.afterAdministrations ?? null,
    courseCategory: perProtocol
      ? courseCategoryOf(administrations.length, stop?.afterAdministrations ?? null)
      : null,
    favorable,
    sideEffects: [...effects].sort(),
    firstLiverElevation: firstLiverElevation(records),
    reviewNotes: notes,
  };
}

/**
 * Favorable outcome through outcomes.ts (>= 50 % and not stopped for lack of effect). The
 * record allows a negative % (pain worse, down to -100); outcomes.ts works on 0-100, so a
 * negative answer is simply not favorable (it is below 50 %), never clamped to 0.
 */
function favorableOf(
  improvement: number | null,
  reason: CohortRow['discontinuationReason'],
  notes: string[],
): boolean | null {
  if (improvement !== null && improvement < 0) return false;
  const r = isFavorableOutcome({
    painReductionPercent: improvement,
    discontinuationReason: reason,
  });
  if (r.ok) return r.value;
  notes.push(`Outcome: ${r.error.message}`);
  return null;
}
