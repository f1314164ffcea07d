/**
 * Checks the registration form with the domain rules (never re-implemented here): pain type
 * by resolvePainType, baseline NRS by validateBaselineNrs, eligibility by assessEligibility.
 * Returns the messages to show per field, whether the patient is eligible, and the payloads
 * of the three records to write (only when nothing is missing or wrong).
 *
 * What counts as "incomplete" (refused, nothing saved) vs "not eligible" (saved, no course):
 * unanswered questions, an unreadable birth date, a birth year that cannot prove adulthood and
 * a contraindication without a decision are incomplete; every other blocking issue (minor,
 * oncologic pain, no psychologist clearance, treatments not failed, anesthesiologist decided
 * not to proceed) is a documented "not eligible".
 */
import {
  assessEligibility,
  DECISION_REASON_MIN_CHARS,
  RELATIVE_CONTRAINDICATIONS,
  type ContraindicationDecision,
  type EligibilityAssessment,
} from '../../domain/eligibility.ts';
import {
  resolvePainType,
  validateBaselineNrs,
  type PainTypeOpinion,
  type PainTypeResolution,
} from '../../domain/outcomes.ts';
import { CONTRAINDICATION_KEY_BY_ID, type PayloadOf } from '../../domain/records.ts';
import { parseCalendarDate } from '../../domain/clinical-time.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { issueText } from './eligibility-text.ts';
import type { PatientMessages } from './messages.ts';
import {
  anyContraindication,
  staffIdOf,
  yesNo,
  type OpinionKey,
  type RegisterForm,
} from './register-form.ts';

/** Pseudonymous number: letters/digits in dash-separated groups, with a digit (a name has none). */
const NUMBER_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
export const isValidPatientNumber = (n: string) =>
  n.length <= 40 && NUMBER_PATTERN.test(n) && /\d/.test(n);

export type CheckContext = {
  /** Today, YYYY-MM-DD (local): the course start date and the age reference. */
  readonly today: string;
  readonly nowIso: string;
  readonly staff: readonly StaffMember[];
  readonly t: PatientMessages;
  readonly locale: Locale;
};

export type RegistrationPayloads = {
  readonly patient: PayloadOf<'patient'>;
  readonly screening: PayloadOf<'eligibility-screening'>;
  readonly course: PayloadOf<'course'> | null;
};

export type RegistrationCheck = {
  /** Message per form field key (e.g. 'number', 'physician1.staff', 'contraindications.pregnancy'). */
  readonly errors: Readonly<Record<string, string>>;
  readonly pain: PainTypeResolution | null;
  readonly assessment: EligibilityAssessment;
  /** Why the patient is not eligible, in the nurse's language (empty when nothing blocks). */
  readonly notEligibleReasons: readonly string[];
  readonly outcome: 'incomplete' | 'not-eligible' | 'eligible';
  readonly payloads: RegistrationPayloads | null;
};

const INCOMPLETE_CODES = new Set(['not-answered', 'invalid-input', 'age-undetermined']);

function checkBirth(form: RegisterForm, ctx: CheckContext, errors: Record<string, string>) {
  if (form.birthKnown === null) errors.birthKnown = ctx.t.birthKnownRequired;
  if (form.birthKnown === 'date') {
    const d = parseCalendarDate(form.birthDate, 'birthDate', 'Date of birth');
    if (!d.ok || form.birthDate > ctx.today) errors.birthDate = ctx.t.birthDateInvalid;
    else return { birthDate: form.birthDate, birthYear: null };
  }
  if (form.birthKnown === 'year') {
    const text = form.birthYear.trim();
    const y = Number(text);
    if (!/^\d{4}$/.test(text) || y < 1900 || y > Number(ctx.today.slice(0, 4)))
      errors.birthYear = ctx.t.birthYearInvalid;
    else return { birthDate: null, birthYear: y };
  }
  return { birthDate: null, birthYear: null };
}

function checkPain(form: RegisterForm, ctx: CheckContext, errors: Record<string, string>) {
  const { t } = ctx;
  const opinion = (key: OpinionKey): PainTypeOpinion | null => {
    const o = form.opinions[key];
    const staffId = staffIdOf(o.staff);
    if (staffId === '') errors[`${key}.staff`] = t.staffRequired;
    if (o.painType === null) errors[`${key}.painType`] = t.painTypeRequired;
    return staffId !== '' && o.painType !== null ? { staffId, painType: o.painType } : null;
  };
  const physician1 = opinion('physician1');
  const physician2 = opinion('physician2');
  // The external opinion exists only when the two disagree (protocol.md section 5).
  const disagree = physician1 && physician2 && physician1.painType !== physician2.painType;
  const external = disagree ? opinion('external') : null;
  const resolved = resolvePainType({ physician1, physician2, external });
  if (!resolved.ok) {
    const field = resolved.error.field.replace('.staffId', '.staff');
    errors[field] = errorText(resolved.error, ctx.locale);
    return null;
  }
  return resolved.value;
}

/** Checks the whole form; see the file header for incomplete vs not eligible. */
export function checkRegistration(form: RegisterForm, ctx: CheckContext): RegistrationCheck {
  const { t } = ctx;
  const errors: Record<string, string> = {};
  const number = form.number.trim();
  if (!isValidPatientNumber(number)) errors.number = t.numberInvalid;
  if (form.sex === null) errors.sex = t.sexRequired;
  const birth = checkBirth(form, ctx, errors);
  const pain = checkPain(form, ctx, errors);
  const nrs = validateBaselineNrs(form.baselineNrs);
  if (!nrs.ok) errors.baselineNrs = errorText(nrs.error, ctx.locale);

  const withDecision = anyContraindication(form);
  const decider = ctx.staff.find((s) => s.staffId === form.decision.staffId);
  const proceed = yesNo(form.decision.proceed);
  const decisions: ContraindicationDecision[] =
    withDecision && decider && proceed !== null
      ? RELATIVE_CONTRAINDICATIONS.filter((c) => form.contraindications[c.id] === 'yes').map(
          (c) => ({
            contraindicationId: c.id,
            decidedByStaffId: decider.staffId,
            decidedByRole: decider.role,
            proceed,
            reason: form.decision.reason,
          }),
        )
      : [];
  const assessment = assessEligibility(
    {
      ...birth,
      courseStartDate: ctx.today,
      painIsOncologic: yesNo(form.criteria.painIsOncologic),
      psychologistEvaluated: yesNo(form.criteria.psychologistEvaluated),
      predominantPsychosocialFlags: yesNo(form.criteria.predominantPsychosocialFlags),
      significantPsychiatricComorbidity: yesNo(form.criteria.significantPsychiatricComorbidity),
      firstLineTreatmentsFailed: yesNo(form.criteria.firstLineTreatmentsFailed),
      secondLineTreatmentsFailed: yesNo(form.criteria.secondLineTreatmentsFailed),
      contraindications: Object.fromEntries(
        RELATIVE_CONTRAINDICATIONS.map((c) => [c.id, yesNo(form.contraindications[c.id])]),
      ) as Parameters<typeof assessEligibility>[0]['contraindications'],
    },
    decisions,
  );

  for (const issue of assessment.blocking) {
    if (issue.code === 'not-answered') errors[issue.field] = t.answerRequired;
    else if (issue.code === 'age-undetermined') errors.birthYear = t.issueAgeUndetermined;
    else if (
      issue.code === 'invalid-input' &&
      !errors.birthDate &&
      !errors.birthYear &&
      !errors.birthKnown
    )
      errors[form.birthKnown === 'year' ? 'birthYear' : 'birthDate'] = t.issueInvalidBirth;
  }
  if (assessment.needsDecision.length > 0) {
    if (!decider || decider.role !== 'anesthesiologist')
      errors['decision.staffId'] = t.decisionByRequired;
    if (proceed === null) errors['decision.proceed'] = t.decisionProceedRequired;
    if (form.decision.reason.trim().length < DECISION_REASON_MIN_CHARS)
      errors['decision.reason'] = fill(t.decisionReasonRequired, {
        min: DECISION_REASON_MIN_CHARS,
      });
  }
  const notEligible = assessment.blocking.filter((i) => !INCOMPLETE_CODES.has(i.code));
  const notEligibleReasons = notEligible.map((i) =>
    issueText(i, t, ctx.locale, form.decision.reason.trim()),
  );
  const eligible = assessment.eligible;
  if (eligible && form.startedHere === null) errors.startedHere = t.answerRequired;

  const complete = Object.keys(errors).length === 0 && pain !== null && nrs.ok;
  const outcome = !complete ? 'incomplete' : eligible ? 'eligible' : 'not-eligible';
  if (!complete || form.sex === null || pain === null || !nrs.ok) {
    return { errors, pain, assessment, notEligibleReasons, outcome: 'incomplete', payloads: null };
  }
  const { physician1, physician2, external } = pain.opinions;
  const criteria = form.criteria;
  return {
    errors,
    pain,
    assessment,
    notEligibleReasons,
    outcome,
    payloads: {
      patient: {
        centerPatientNumber: number,
        sex: form.sex,
        ...(birth.birthDate !== null ? { birthDate: birth.birthDate } : {}),
        ...(birth.birthYear !== null ? { birthYear: birth.birthYear } : {}),
        painTypeOpinions: {
          physician1: physician1 as PainTypeOpinion,
          physician2: physician2 as PainTypeOpinion,
          ...(external ? { external } : {}),
        },
        baselineNrs: nrs.value,
        baselineNrsRecordedAt: ctx.nowIso,
        isSynthetic: false,
      },
      screening: {
        adult: assessment.age?.status === 'adult',
        nonOncologic: criteria.painIsOncologic === 'no',
        psychologistCleared:
          criteria.psychologistEvaluated === 'yes' &&
          criteria.predominantPsychosocialFlags === 'no' &&
          criteria.significantPsychiatricComorbidity === 'no',
        firstSecondLineFailed:
          criteria.firstLineTreatmentsFailed === 'yes' &&
          criteria.secondLineTreatmentsFailed === 'yes',
        contraindications: Object.fromEntries(
          RELATIVE_CONTRAINDICATIONS.map((c) => [
            CONTRAINDICATION_KEY_BY_ID[c.id],
            form.contraindications[c.id] === 'yes',
          ]),
        ) as PayloadOf<'eligibility-screening'>['contraindications'],
        ...(withDecision && decider && proceed !== null
          ? {
              anesthesiologistDecision: {
                staffId: decider.staffId,
                proceed,
                reason: form.decision.reason.trim(),
              },
            }
          : {}),
      },
      course: eligible ? { startedOn: ctx.today, startedHere: form.startedHere === 'yes' } : null,
    },
  };
}
