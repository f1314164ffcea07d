/**
 * Correction of today's weight (kg), validated by weight.ts as at the time it was entered
 * (the weighing time stays the original's). A dose plan made with the old weight is not
 * changed by this: the form says so, and a new plan is made on the dose plan screen.
 */
import { useState } from 'react';
import type { RecordOfKind } from '../../domain/records.ts';
import type { DoseLimits } from '../../domain/settings.ts';
import { validateWeightKg } from '../../domain/weight.ts';
import { formatQuantity } from '../../ui/format.ts';
import { errorText, fill, type ErrorTexts } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { Locale } from '../../ui/preferences.ts';
import type { CorrectionMessages } from './correction-messages.ts';
import { CorrectionShell } from './correction-shell.tsx';

type Props = {
  readonly record: RecordOfKind<'weight'>;
  readonly limits: DoseLimits;
  /** The current dose plan, when there is one. */
  readonly plan: RecordOfKind<'dose-plan'> | null;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
  readonly locale: Locale;
};

export function CorrectWeight({ record, limits, plan, onDone, t, locale }: Props) {
  const [text, setText] = useState(() => String(record.payload.weightKg));
  // Kept as the domain gave them and put in words at render, so they follow a language switch.
  const [error, setError] = useState<ErrorTexts | null>(null);
  const [notice, setNotice] = useState<ErrorTexts | null>(null);
  const build = () => {
    const measuredAt = record.payload.measuredAt;
    // Judged as when it was entered, so a correction made later is not "too old".
    const asOf = record.clinicalTime > measuredAt ? record.clinicalTime : measuredAt;
    const w = validateWeightKg(text, limits, measuredAt, asOf);
    setError(w.ok ? null : w.error);
    setNotice(w.ok ? w.value.softLimit : null);
    return w.ok ? { payload: { weightKg: w.value.weightKg, measuredAt } } : null;
  };
  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <NumberField
        label={t.weight}
        unit="kg"
        value={text}
        onChange={setText}
        error={error && errorText(error, locale)}
      />
      {notice ? <p className="notice notice--warning">{errorText(notice, locale)}</p> : null}
      {plan !== null && plan.payload.weightRecordId === record.id ? (
        <p className="notice notice--warning">
          {fill(t.weightPlan, { kg: formatQuantity(plan.payload.weightKg, 'kg', locale, 1) })}
        </p>
      ) : null}
    </CorrectionShell>
  );
}
