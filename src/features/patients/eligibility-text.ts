/** Eligibility issues and contraindications in the nurse's language (en / nl-BE). */
import { RELATIVE_CONTRAINDICATIONS, type EligibilityIssue } from '../../domain/eligibility.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { PatientMessages } from './messages.ts';

/** The label of the contraindication a field like `contraindications.pregnancy` is about. */
export function contraindicationLabel(field: string, locale: Locale): string {
  const c = RELATIVE_CONTRAINDICATIONS.find((x) => field.endsWith(x.id));
  return c ? (locale === 'nl-BE' ? c.labelNl : c.label) : field;
}

/**
 * The domain's eligibility issue in the nurse's language, by its code (the domain's English
 * text as a fallback for a code this screen does not know). `decisionReason` is the reason
 * the anesthesiologist gave, quoted when they decided not to proceed.
 */
export function issueText(
  issue: EligibilityIssue,
  t: PatientMessages,
  locale: Locale,
  decisionReason = '',
): string {
  const byCode: Record<string, string> = {
    minor: t.issueMinor,
    'oncologic-pain': t.issueOncologic,
    'no-psychologist-evaluation': t.issueNoPsychologist,
    'psychosocial-flags': t.issueFlags,
    'psychiatric-comorbidity': t.issueComorbidity,
    'first-line-not-failed': t.issueFirstLine,
    'second-line-not-failed': t.issueSecondLine,
    contraindication: fill(t.issueNeedsDecision, {
      label: contraindicationLabel(issue.field, locale),
    }),
  };
  if (issue.code === 'decided-not-to-proceed') {
    return fill(t.issueDecidedNo, {
      label: contraindicationLabel(issue.field, locale),
      reason: decisionReason,
    });
  }
  return byCode[issue.code] ?? issue.message;
}
