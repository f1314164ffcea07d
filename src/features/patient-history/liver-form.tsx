/**
 * Entering a liver blood test as on the lab report (protocol.md section 7): sample date, ALT,
 * AST, GGT and alkaline phosphatase in U/L, each with the lab's upper limit of normal. Checked
 * by domain/liver-entry.ts (nothing stored on a refusal, the message beside the field), then
 * one `liver-test` record for the patient. What was typed survives a reload (draft).
 */
import { format } from 'date-fns';
import { useState } from 'react';
import { parseLiverTestEntry } from '../../domain/liver-entry.ts';
import { LIVER_ENZYMES, LIVER_ENZYME_INFO } from '../../domain/liver.ts';
import type { DomainError } from '../../domain/result.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useNow } from '../../ui/use-now.ts';
import { useSave } from '../../ui/use-save.ts';
import { messages } from './messages.ts';

type Props = { readonly patientId: string; readonly protocolKey: string };

const FIELDS = LIVER_ENZYMES.flatMap((e) => [`${e}UPerL`, `${e}UlnUPerL`] as const);
type Field = (typeof FIELDS)[number] | 'sampledOn' | 'labName';
type Form = Record<Field, string>;

const EMPTY: Form = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<(typeof FIELDS)[number], string>),
  sampledOn: '',
  labName: '',
};

export function LiverForm({ patientId, protocolKey }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const locale = usePreferences((s) => s.locale);
  const { writer, actor, settings } = useBedside();
  const today = format(useNow(60_000), 'yyyy-MM-dd');
  const save = useSave();
  const draft = useFormDraft<Form>(`liver-test-${patientId}`, null, EMPTY);
  const form = draft.value;
  // The domain's refusal, put in words at render so it follows a language switch.
  const [error, setError] = useState<DomainError | null>(null);
  const errors: Partial<Record<string, string>> = error ? { [error.field]: errText(error) } : {};
  const set = (field: Field) => (text: string) => {
    draft.set((f) => ({ ...f, [field]: text }));
    setError((e) => (e?.field === field ? null : e));
  };

  const submit = async () => {
    if (!actor) return;
    const entry = parseLiverTestEntry(form, today);
    if (!entry.ok) {
      setError(entry.error);
      save.reset();
      return;
    }
    setError(null);
    const lab = form.labName.trim();
    const saved = await save.run(() =>
      writer.write(
        'liver-test',
        { patientId, sessionId: null },
        { ...entry.value, ...(lab ? { labName: lab } : {}) },
        { authorStaffId: actor.staffId, protocolKey, settingsVersion: settings.version },
      ),
    );
    if (saved) draft.clear();
  };

  return (
    <form
      className="card stack history-liver-form"
      aria-labelledby="history-liver-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="history-liver-form">{t.formTitle}</h3>
      <p className="field__hint">{t.formHint}</p>
      {actor ? null : (
        <p className="notice notice--urgent" role="alert">
          {t.noActor}
        </p>
      )}
      <div className="grid-2">
        <TextField
          label={t.sampledOn}
          type="date"
          value={form.sampledOn}
          onChange={set('sampledOn')}
          error={errors.sampledOn}
        />
        <TextField
          label={t.labName}
          value={form.labName}
          onChange={set('labName')}
          maxLength={200}
        />
      </div>
      {LIVER_ENZYMES.map((e) => {
        const enzyme =
          locale === 'nl-BE' ? LIVER_ENZYME_INFO[e].labelNl : LIVER_ENZYME_INFO[e].label;
        return (
          <div className="grid-2 history-liver-pair" key={e}>
            <NumberField
              label={fill(t.valueLabel, { enzyme })}
              unit="U/L"
              value={form[`${e}UPerL`]}
              onChange={set(`${e}UPerL`)}
              error={errors[`${e}UPerL`]}
            />
            <NumberField
              label={fill(t.ulnLabel, { enzyme })}
              unit="U/L"
              value={form[`${e}UlnUPerL`]}
              onChange={set(`${e}UlnUPerL`)}
              error={errors[`${e}UlnUPerL`]}
            />
          </div>
        );
      })}
      <div className="row">
        <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
          {t.save}
        </button>
        <SaveStatus
          state={save.state}
          labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
          onRetry={() => void submit()}
        />
      </div>
    </form>
  );
}
