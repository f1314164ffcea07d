/** Correction of a side effect's severity and of what was done (the response text). */
import { useState } from 'react';
import type { RecordOfKind } from '../../domain/records.ts';
import { SEVERITY_SCALE, type Severity } from '../../domain/side-effects.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { TextField } from '../../ui/text-field.tsx';
import type { CorrectionMessages } from './correction-messages.ts';
import { CorrectionShell } from './correction-shell.tsx';

type Props = {
  readonly record: RecordOfKind<'side-effect'>;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
  readonly locale: Locale;
};

export function CorrectSideEffect({ record, onDone, t, locale }: Props) {
  const [severity, setSeverity] = useState<Severity>(record.payload.severity);
  const [response, setResponse] = useState(record.payload.responseTaken);
  const [error, setError] = useState<string | null>(null);
  const build = () => {
    const blank = response.trim() === '';
    setError(blank ? t.responseRequired : null);
    return blank ? null : { payload: { ...record.payload, severity, responseTaken: response } };
  };
  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <ChoiceGroup<Severity>
        legend={t.severity}
        value={severity}
        onChange={setSeverity}
        choices={SEVERITY_SCALE.map((s) => ({
          value: s.id,
          label: locale === 'nl-BE' ? s.labelNl : s.label,
        }))}
      />
      <TextField
        label={t.response}
        value={response}
        onChange={setResponse}
        error={error}
        multiline
        maxLength={2000}
      />
    </CorrectionShell>
  );
}
