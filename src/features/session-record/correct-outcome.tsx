/**
 * Correction of an outcome answer: % pain improvement (0-100, "worse" recorded as 0 %,
 * validatePainImprovement), continue or discontinue, and the reason. The course status is not
 * changed from here (the form says so); that is recorded on the patient.
 */
import { useState } from 'react';
import {
  DISCONTINUATION_REASONS,
  validatePainImprovement,
  type DiscontinuationReason,
} from '../../domain/outcomes.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useErrorText } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { CorrectionMessages } from './correction-messages.ts';
import { CorrectionShell } from './correction-shell.tsx';

type Decision = 'continue' | 'discontinue';
type Errors = { improvement?: string; reason?: string; text?: string };

type Props = {
  readonly record: RecordOfKind<'outcome-answer'>;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function CorrectOutcome({ record, onDone, t }: Props) {
  const errText = useErrorText();
  const p = record.payload;
  // A negative value (the schema's "worse" scale) is shown as "worse" on the 0-100 % question.
  const [worse, setWorse] = useState(p.painImprovementPercent < 0);
  const [improvement, setImprovement] = useState(() =>
    String(Math.max(0, p.painImprovementPercent)),
  );
  const [decision, setDecision] = useState<Decision>(p.decision);
  const [reason, setReason] = useState<DiscontinuationReason | null>(
    p.discontinuationReason ?? null,
  );
  const [text, setText] = useState(p.reasonText ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const build = () => {
    const pain = validatePainImprovement({ improvementPercent: worse ? 0 : improvement, worse });
    const stopping = decision === 'discontinue';
    const next: Errors = {
      ...(pain.ok ? {} : { improvement: errText(pain.error) }),
      ...(stopping && reason === null ? { reason: t.reasonMissing } : {}),
      ...(stopping && reason === 'other' && text.trim() === ''
        ? { text: t.reasonTextMissing }
        : {}),
    };
    setErrors(next);
    if (!pain.ok || Object.keys(next).length > 0) return null;
    return {
      payload: {
        painImprovementPercent: pain.value.improvementPercent,
        decision,
        ...(stopping && reason !== null ? { discontinuationReason: reason } : {}),
        ...(stopping && text.trim() !== '' ? { reasonText: text.trim() } : {}),
      },
    };
  };

  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <NumberField
        label={t.improvement}
        unit="%"
        value={worse ? '0' : improvement}
        disabled={worse}
        onChange={setImprovement}
        error={errors.improvement}
      />
      <label className="choice" data-checked={worse || undefined}>
        <input type="checkbox" checked={worse} onChange={(e) => setWorse(e.target.checked)} />
        <span>{t.worse}</span>
      </label>
      <ChoiceGroup<Decision>
        legend={t.decision}
        value={decision}
        onChange={setDecision}
        choices={[
          { value: 'continue', label: t.decisionContinue },
          { value: 'discontinue', label: t.decisionDiscontinue },
        ]}
      />
      {decision === 'discontinue' ? (
        <>
          <ChoiceGroup<DiscontinuationReason>
            legend={t.reason}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            choices={DISCONTINUATION_REASONS.map((r) => ({ value: r, label: t[`reason.${r}`] }))}
          />
          <TextField
            label={t.reasonText}
            value={text}
            onChange={setText}
            error={errors.text}
            multiline
            maxLength={1000}
          />
        </>
      ) : null}
      <p className="field__hint">{t.decisionNote}</p>
    </CorrectionShell>
  );
}
