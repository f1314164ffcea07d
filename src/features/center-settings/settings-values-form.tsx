/**
 * The center's configurable values, grouped as on the "settings in force" view, each with its
 * unit, the protocol default and the allowed range. Validation is the domain's
 * (validateCenterSettings): a refused value shows its message beside the field and nothing is
 * saved. Saving creates a new version; nothing is edited.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import {
  fieldsOf,
  settingValue,
  type SettingField,
  type SettingGroup,
} from '../../domain/settings-fields.ts';
import { settingsChanges } from '../../domain/settings-history.ts';
import {
  settingsToInput,
  validateCenterSettings,
  validateChangeReason,
} from '../../domain/settings-validation.ts';
import type { CenterSettings } from '../../domain/settings.ts';
import { formatNumber } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { TextField } from '../../ui/text-field.tsx';
import { fieldLabels } from './field-labels.ts';
import { messages } from './messages.ts';

type Props = {
  readonly current: CenterSettings;
  /** Protocol defaults, shown beside each field. */
  readonly defaults: CenterSettings;
  readonly protocolsInUse: readonly ProtocolDefinition[];
  readonly nextVersion: number;
  readonly canEdit: boolean;
  readonly onSave: (settings: CenterSettings, reason: string) => Promise<boolean>;
};

const GROUP_TITLE = {
  monitoring: 'groupMonitoring',
  thresholds: 'groupThresholds',
  limits: 'groupLimits',
  preparation: 'groupPreparation',
  appointments: 'groupAppointments',
  discharge: 'groupDischarge',
  liver: 'groupLiver',
  access: 'groupAccess',
} as const satisfies Record<SettingGroup, keyof typeof messages.en>;

export function SettingsValuesForm(props: Props) {
  const { current, defaults, protocolsInUse, nextVersion, canEdit, onSave } = props;
  const t = useMessages(messages);
  const labels = useMessages(fieldLabels) as Record<string, string | undefined>;
  const locale = usePreferences((s) => s.locale);
  const [values, setValues] = useState<Record<string, string>>(() => settingsToInput(current));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Bumped on every refused save: the first refused field gets the focus (it may be far above).
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const fields = fieldsOf(current);
  const groups = [...new Set(fields.map((f) => f.group))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const validated = validateCenterSettings(values, current, protocolsInUse);
    const next: Record<string, string> = {};
    if (!validated.ok)
      for (const err of validated.errors) next[err.field] ??= errorText(err, locale);
    const why = validateChangeReason(reason);
    if (!why.ok) next.reason = errorText(why.error, locale);
    setErrors(next);
    if (!validated.ok || !why.ok) {
      setFormError(t.fixErrors);
      setRefusals((n) => n + 1);
      return;
    }
    if (settingsChanges(current, validated.value).length === 0) {
      setFormError(t.nothingChanged);
      return;
    }
    setFormError(null);
    await onSave(validated.value, why.value);
  };

  const hint = (field: SettingField) => {
    const d = settingValue(defaults, field.path);
    return fill(t.fieldHint, {
      default: d === undefined ? '–' : `${formatNumber(d, locale)} ${field.unit}`,
      min: formatNumber(field.min, locale),
      max: formatNumber(field.max, locale),
      unit: field.unit,
    });
  };

  return (
    <form
      ref={formRef}
      className="card stack"
      aria-labelledby="center-values-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="center-values-title">{t.valuesTitle}</h2>
      <fieldset disabled={!canEdit} className="stack center-settings__fieldset">
        {groups.map((g) => (
          <fieldset key={g} className="center-settings__group">
            <legend>{t[GROUP_TITLE[g]]}</legend>
            <div className="center-settings__fields">
              {fields
                .filter((f) => f.group === g)
                .map((f) => (
                  <NumberField
                    key={f.path}
                    label={labels[f.path] ?? f.label}
                    unit={f.unit}
                    integer={f.integer}
                    value={values[f.path] ?? ''}
                    onChange={(text) => setValues((v) => ({ ...v, [f.path]: text }))}
                    hint={hint(f)}
                    error={errors[f.path]}
                  />
                ))}
            </div>
          </fieldset>
        ))}
        {canEdit ? (
          <>
            <TextField
              label={t.reason}
              hint={t.reasonHint}
              value={reason}
              onChange={setReason}
              error={errors.reason}
              maxLength={500}
            />
            {formError ? (
              <p className="notice notice--warning" role="alert">
                {formError}
              </p>
            ) : null}
            <button type="submit" className="btn btn--primary btn--large">
              {fill(t.saveValues, { version: nextVersion })}
            </button>
          </>
        ) : null}
      </fieldset>
    </form>
  );
}
