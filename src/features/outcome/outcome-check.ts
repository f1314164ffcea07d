/**
 * The outcome form as records: the `outcome-answer` and, when therapy stops, the
 * `course-status` "discontinued" record of the session's course (protocol.md section 5:
 * "Discontinuation reasons: lack of effect, disturbing side effects, other (free text); note
 * after how many administrations"). Validation is the domain's (validatePainImprovement,
 * validateDiscontinuation); this only collects every error for its field and builds the
 * payloads from what was validated.
 *
 * "Worse" follows outcomes.ts: 0 % improvement (the question is asked on a 0-100 % scale and a
 * worse pain has no number on it). The outcome-answer schema has no "worse" flag, so the flag
 * itself is not stored (reported to the lead).
 */
import {
  isFavorableOutcome,
  validateDiscontinuation,
  validatePainImprovement,
  type DiscontinuationReason,
} from '../../domain/outcomes.ts';
import type { PayloadOf } from '../../domain/records.ts';
import { errorText } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';

export type Decision = 'continue' | 'discontinue';

export type OutcomeDraft = {
  readonly improvement: string;
  readonly worse: boolean;
  readonly decision: Decision | null;
  readonly reason: DiscontinuationReason | null;
  readonly text: string;
  /** null: prefilled with the administrations given so far. */
  readonly after: string | null;
};

export const EMPTY_OUTCOME: OutcomeDraft = {
  improvement: '',
  worse: false,
  decision: null,
  reason: null,
  text: '',
  after: null,
};

export type OutcomeField =
  'improvementPercent' | 'decision' | 'reason' | 'otherText' | 'afterAdministrations';
export type OutcomeErrors = { readonly [F in OutcomeField]?: string };

type StatusPayload = Omit<PayloadOf<'course-status'>, 'courseId'>;

export type CheckedOutcome =
  | {
      readonly ok: true;
      readonly answer: PayloadOf<'outcome-answer'>;
      /** The discontinuation to record on the course; null when therapy continues. */
      readonly status: StatusPayload | null;
    }
  | { readonly ok: false; readonly errors: OutcomeErrors };

/** Validates the whole form, collecting one message per field (the domain's in `locale`). */
export function checkOutcome(
  d: OutcomeDraft,
  afterText: string,
  decisionRequired: string,
  locale: Locale,
): CheckedOutcome {
  const errors: { [F in OutcomeField]?: string } = {};
  const pain = validatePainImprovement({
    improvementPercent: d.worse ? 0 : d.improvement,
    worse: d.worse,
  });
  if (!pain.ok) errors.improvementPercent = errorText(pain.error, locale);
  if (d.decision === null) errors.decision = decisionRequired;
  const stop =
    d.decision === 'discontinue'
      ? validateDiscontinuation({
          reason: d.reason,
          otherText: d.text,
          afterAdministrations: afterText,
        })
      : null;
  if (stop && !stop.ok) {
    const field = stop.error.field as OutcomeField;
    errors[field === 'reason' || field === 'otherText' ? field : 'afterAdministrations'] =
      errorText(stop.error, locale);
  }
  if (!pain.ok || d.decision === null || (stop !== null && !stop.ok)) return { ok: false, errors };

  const answer: PayloadOf<'outcome-answer'> = {
    painImprovementPercent: pain.value.improvementPercent,
    decision: d.decision,
    ...(stop?.ok
      ? {
          discontinuationReason: stop.value.reason,
          ...(stop.value.otherText === null ? {} : { reasonText: stop.value.otherText }),
        }
      : {}),
  };
  const status: StatusPayload | null = stop?.ok
    ? {
        status: 'discontinued',
        reason: stop.value.reason,
        ...(stop.value.otherText === null ? {} : { reasonText: stop.value.otherText }),
        afterAdministrations: stop.value.afterAdministrations,
      }
    : null;
  return { ok: true, answer, status };
}

/**
 * Favorable under the registry definition (isFavorableOutcome), or null while the improvement
 * typed cannot be read yet.
 */
export function favorableOf(d: OutcomeDraft): boolean | null {
  const pain = validatePainImprovement({
    improvementPercent: d.worse ? 0 : d.improvement,
    worse: d.worse,
  });
  if (!pain.ok) return null;
  const reason = d.decision === 'discontinue' ? d.reason : null;
  const result = isFavorableOutcome({
    painReductionPercent: pain.value.improvementPercent,
    discontinuationReason: reason,
  });
  return result.ok ? result.value : null;
}
