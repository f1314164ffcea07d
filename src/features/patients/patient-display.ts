/**
 * How patient facts are shown: age or birth year, sex, course status badge, and the
 * eligibility status read from the stored screening record. Display only; no rule decided here
 * beyond reading what the screening recorded.
 */
import { format } from 'date-fns';
import { ageAtStart } from '../../domain/age.ts';
import type { PainType, RecordOfKind } from '../../domain/records.ts';
import { staffName, type StaffMember } from '../../ui/bedside-context.tsx';
import { fill } from '../../ui/i18n.ts';
import type { PatientMessages } from './messages.ts';
import type { Sex } from './register-form.ts';

export type CourseStatus = 'active' | 'paused' | 'discontinued';

/** The local calendar day (YYYY-MM-DD) of an ISO instant. */
export const localDay = (iso: string): string => format(new Date(iso), 'yyyy-MM-dd');

export const painTypeLabel = (t: PatientMessages, p: PainType): string =>
  ({ neuropathic: t.neuropathic, nociceptive: t.nociceptive, nociplastic: t.nociplastic })[p];

export const sexLabel = (t: PatientMessages, sex: Sex): string =>
  ({ female: t.female, male: t.male, other: t.other, unknown: t.unknown })[sex];

/** "54 years" from a full birth date (whole years today), "born 1970" from a year only. */
export function ageText(
  born: { readonly birthDate?: string | null; readonly birthYear?: number | null },
  today: string,
  t: PatientMessages,
): string {
  if (born.birthDate != null) {
    const age = ageAtStart(born.birthDate, null, today);
    if (age?.ageYears != null) return fill(t.ageYears, { age: age.ageYears });
  }
  if (born.birthYear != null) return fill(t.bornIn, { year: born.birthYear });
  return '—';
}

export const statusLabel = (t: PatientMessages, s: CourseStatus | null): string =>
  s === null
    ? t.noCourse
    : { active: t.statusActive, paused: t.statusPaused, discontinued: t.statusDiscontinued }[s];

export const statusBadgeClass = (s: CourseStatus | null): string =>
  s === 'active'
    ? 'badge badge--ok'
    : s === 'paused'
      ? 'badge badge--warning'
      : s === 'discontinued'
        ? 'badge badge--urgent'
        : 'badge';

export type EligibilityView = {
  readonly kind: 'eligible' | 'not-eligible' | 'not-screened';
  readonly text: string;
};

/**
 * What the latest screening recorded: all four protocol criteria met, and any relative
 * contraindication covered by an anesthesiologist's decision to proceed (the rule of
 * assessEligibility, which checked the answers when they were entered).
 */
export function eligibilityView(
  screening: RecordOfKind<'eligibility-screening'> | null,
  staff: readonly StaffMember[],
  t: PatientMessages,
): EligibilityView {
  if (screening === null) return { kind: 'not-screened', text: t.eligibilityNotScreened };
  const p = screening.payload;
  const reasons: string[] = [];
  if (!p.adult) reasons.push(t.notEligibleAdult);
  if (!p.nonOncologic) reasons.push(t.notEligibleOncologic);
  if (!p.psychologistCleared) reasons.push(t.notEligiblePsychologist);
  if (!p.firstSecondLineFailed) reasons.push(t.notEligibleTreatments);
  const contraindicated = Object.values(p.contraindications).some(Boolean);
  const decision = p.anesthesiologistDecision;
  if (contraindicated && decision?.proceed !== true) reasons.push(t.notEligibleDecision);
  if (reasons.length > 0)
    return { kind: 'not-eligible', text: `${t.eligibilityNotEligible}: ${reasons.join('; ')}` };
  if (contraindicated && decision)
    return {
      kind: 'eligible',
      text: fill(t.eligibilityWithDecision, { name: staffName(staff, decision.staffId) }),
    };
  return { kind: 'eligible', text: t.eligibilityEligible };
}
