/**
 * Capturing one side effect (protocol.md section 4): severity, what was done (a suggestion
 * fills it), the drug if any, who decided, what happened to the infusion, and the time. Saved
 * as a `drug-given` record first (a drug actually given is the fact that must never be lost;
 * if the side effect then fails to save, a retry does not give the drug twice), then the
 * `side-effect` record naming it in `drugGivenRecordId`. Record ids are assigned when written,
 * so only the later record can name the earlier one: the drug-given record carries no
 * `sideEffectRecordId`; the link is read from the side effect.
 */
import { useState, type FormEvent } from 'react';
import { extraDrugForCatalogName } from '../../domain/extra-drugs.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import {
  SEVERITY_SCALE,
  SIDE_EFFECT_CATALOG,
  type SuggestedResponse,
} from '../../domain/side-effects.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { StaffSelect } from '../../ui/staff-select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { TimeOfDayField } from '../../ui/time-of-day-field.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { SessionWrite } from '../../ui/use-session-write.ts';
import { checkCapture, type CaptureErrors, type CaptureForm } from './capture.ts';
import { DrugSection } from './drug-section.tsx';
import { messages } from './messages.ts';
import { Suggestions } from './suggestions.tsx';

type Props = {
  readonly form: CaptureForm;
  readonly patch: (p: Partial<CaptureForm>) => void;
  readonly sessionStart: string;
  readonly sessionStartLabel: string;
  readonly write: SessionWrite | null;
  readonly onSaved: (record: RecordOfKind<'side-effect'>) => void;
  readonly onCancel: () => void;
};

export function SideEffectForm({
  form,
  patch,
  sessionStart,
  sessionStartLabel,
  write,
  onSaved,
  onCancel,
}: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { clock } = useBedside();
  const save = useSave();
  const [errors, setErrors] = useState<CaptureErrors>({});
  const [drugRecordId, setDrugRecordId] = useState<string | null>(null);
  const [doseWarning, setDoseWarning] = useState<{ dose: string; message: string } | null>(null);
  const def = SIDE_EFFECT_CATALOG.find((d) => d.id === form.effect);
  if (!def) return null;
  const nl = locale === 'nl-BE';

  const applySuggestion = (s: SuggestedResponse) =>
    patch({
      response: nl ? s.textNl : s.text,
      suggestion: s.text,
      ...(s.drug
        ? { drugGiven: 'yes', drug: extraDrugForCatalogName(s.drug.name), route: s.drug.route }
        : {}),
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!write) return;
    const checked = checkCapture(form, {
      sessionStart,
      now: clock.now(),
      messages: {
        drugGivenRequired: t.drugGivenRequired,
        drugRequired: t.drugRequired,
        drugNameRequired: t.drugNameRequired,
        orderedByRequired: t.orderedByRequired,
        routeRequired: t.routeRequired,
        timeLabel: t.time,
      },
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const { capture, sideEffect, drug } = checked.value;
    // A dose other than the suggested one (a 10x slip?) is saved only when tapped again.
    if (
      capture.doseCheck === 'differs-from-suggestion' &&
      drugRecordId === null &&
      doseWarning?.dose !== form.dose
    ) {
      const suggested = def.suggestions.find(
        (s) => s.drug?.name.toLowerCase() === capture.drug?.name.toLowerCase(),
      )?.drug?.doseMg;
      setDoseWarning({
        dose: form.dose,
        message: fill(t.doseDiffers, { dose: form.dose, suggested: String(suggested ?? '') }),
      });
      return;
    }
    let drugId = drugRecordId;
    if (drug !== null && drugId === null) {
      const given = await save.run(() =>
        write('drug-given', drug, { clinicalTime: capture.clinicalTime }),
      );
      if (!given) return;
      drugId = given.id;
      setDrugRecordId(given.id);
    }
    const payload = drugId === null ? sideEffect : { ...sideEffect, drugGivenRecordId: drugId };
    const saved = await save.run(() =>
      write('side-effect', payload, { clinicalTime: capture.clinicalTime }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <form
      className="stack"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="se-form-title"
    >
      <h3 id="se-form-title">{nl ? def.labelNl : def.label}</h3>
      <Suggestions suggestions={def.suggestions} onUse={applySuggestion} />
      {def.id === 'other' ? (
        <TextField
          label={t.otherText}
          value={form.otherText}
          onChange={(v) => patch({ otherText: v })}
          error={errors.otherText}
          maxLength={1000}
        />
      ) : null}
      <ChoiceGroup
        legend={t.severity}
        value={form.severity === '' ? null : form.severity}
        onChange={(v) => patch({ severity: v })}
        error={errors.severity}
        choices={SEVERITY_SCALE.map((s) => ({
          value: s.id,
          label: nl ? s.labelNl : s.label,
          hint: nl ? undefined : s.description,
        }))}
      />
      <TextField
        label={t.response}
        value={form.response}
        onChange={(v) => patch({ response: v, suggestion: '' })}
        error={errors.response}
        multiline
        maxLength={2000}
      />
      <DrugSection form={form} errors={errors} patch={patch} locked={drugRecordId !== null} />
      {drugRecordId !== null ? (
        <p className="notice notice--warning">{t.drugAlreadySaved}</p>
      ) : null}
      <StaffSelect
        label={t.decidedBy}
        value={form.decidedBy}
        onChange={(v) => patch({ decidedBy: v })}
        placeholder={t.choosePerson}
        anesthesiologistsFirst
        error={errors.decidedBy}
      />
      <ChoiceGroup
        legend={t.infusion}
        value={form.action === '' ? null : form.action}
        onChange={(v) => patch({ action: v })}
        error={errors.action}
        choices={[
          { value: 'continued', label: t.actionContinued },
          { value: 'paused', label: t.actionPaused },
          { value: 'rate-changed', label: t.actionRateChanged },
          { value: 'stopped', label: t.actionStopped },
        ]}
      />
      {form.action !== '' && form.action !== 'continued' ? (
        <p className="field__hint">{t.pumpEventHint}</p>
      ) : null}
      <TimeOfDayField
        label={t.time}
        value={form.time}
        onChange={(v) => patch({ time: v })}
        placeholder={t.nowPlaceholder}
        hint={fill(t.timeHint, { start: sessionStartLabel })}
        error={errors.time}
      />
      {doseWarning ? (
        <p className="notice notice--warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {doseWarning.message}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--primary btn--large" disabled={!write}>
          {doseWarning?.dose === form.dose ? t.saveAnyway : t.save}
        </button>
        <button type="button" className="btn btn--large" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </form>
  );
}
