/**
 * Continue or stop; when stopping, the reason (lack of effect, disturbing side effects, other
 * with text) and after how many administrations (protocol.md section 5).
 */
import { DISCONTINUATION_REASONS, type DiscontinuationReason } from '../../domain/outcomes.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { Decision, OutcomeDraft, OutcomeErrors } from './outcome-check.ts';
import type { OutcomeMessages } from './messages.ts';

type Props = {
  readonly draft: OutcomeDraft;
  readonly set: (patch: Partial<OutcomeDraft>) => void;
  readonly afterText: string;
  readonly administered: number;
  readonly errors: OutcomeErrors;
  readonly t: OutcomeMessages;
};

export function DecisionSection({ draft, set, afterText, administered, errors, t }: Props) {
  return (
    <section className="card stack" aria-labelledby="decision-title">
      <h2 id="decision-title">{t.decisionTitle}</h2>
      <ChoiceGroup<Decision>
        legend={t.decisionLegend}
        value={draft.decision}
        onChange={(decision) => set({ decision })}
        error={errors.decision}
        choices={[
          { value: 'continue', label: t.decisionContinue },
          { value: 'discontinue', label: t.decisionDiscontinue },
        ]}
      />
      {draft.decision === 'discontinue' ? (
        <>
          <ChoiceGroup<DiscontinuationReason>
            legend={t.reasonLegend}
            value={draft.reason}
            onChange={(reason) => set({ reason })}
            error={errors.reason}
            choices={DISCONTINUATION_REASONS.map((r) => ({ value: r, label: t[`reason.${r}`] }))}
          />
          <TextField
            label={t.reasonText}
            hint={draft.reason === 'other' ? t.reasonTextHintOther : t.reasonTextHintOptional}
            value={draft.text}
            onChange={(text) => set({ text })}
            error={errors.otherText}
            multiline
            maxLength={1000}
          />
          <NumberField
            label={t.afterAdministrations}
            unit={t.afterUnit}
            integer
            value={afterText}
            onChange={(after) => set({ after })}
            hint={fill(t.afterHint, { count: administered })}
            error={errors.afterAdministrations}
          />
        </>
      ) : null}
    </section>
  );
}
