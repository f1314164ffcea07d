/**
 * S-ketamine doses and vial concentration, entered by the center (protocol.md section 3: "a
 * second protocol definition whose doses and concentration the center enters itself, never
 * guessed"). Validated by the domain's configureProtocol; saved as a new protocol version
 * carried by a new settings version. The fields start empty, also when a version exists, so
 * nothing is ever pre-filled for the administrator to accept without reading.
 */
import { useState, type FormEvent } from 'react';
import { configureProtocol } from '../../domain/protocol-config.ts';
import { S_KETAMINE_TEMPLATE } from '../../domain/protocols/s-ketamine-template.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import { validateChangeReason } from '../../domain/settings-validation.ts';
import type { CenterSettings } from '../../domain/settings.ts';
import { formatQuantity } from '../../ui/format.ts';
import { errorText, fill, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { TextField } from '../../ui/text-field.tsx';
import { messages } from './messages.ts';

type Props = {
  readonly current: CenterSettings;
  /** The S-ketamine definition in force, if the center configured one. */
  readonly configured: ProtocolDefinition | null;
  /** Version string the new definition will get. */
  readonly nextProtocolVersion: string;
  readonly canEdit: boolean;
  readonly onSave: (protocol: ProtocolDefinition, reason: string) => Promise<boolean>;
};

/**
 * The template's title says "to be entered by the center"; once entered, every screen and
 * export should name the doses instead (titles are stored data, in English like the
 * published protocol's).
 */
function withTitle(p: ProtocolDefinition): ProtocolDefinition {
  const d = p.ketamine.sessionDoses;
  if (d === null) return p;
  return Object.freeze({
    ...p,
    title: `KIT S-ketamine ${d.testDoseMg} mg then ${d.fullDoseMg} mg over ${p.ketamine.infusionDurationH} h with propofol ${p.propofol.rateMgPerKgPerH} mg/kg/h (center-configured)`,
  });
}

type Field =
  'testDoseMg' | 'fullDoseMg' | 'product.name' | 'product.concentrationMgPerMl' | 'reason';

export function SKetamineForm({
  current,
  configured,
  nextProtocolVersion,
  canEdit,
  onSave,
}: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const [testDose, setTestDose] = useState('');
  const [fullDose, setFullDose] = useState('');
  const [name, setName] = useState('');
  const [concentration, setConcentration] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const configuredResult = configureProtocol(
      S_KETAMINE_TEMPLATE,
      {
        version: nextProtocolVersion,
        testDoseMg: testDose,
        fullDoseMg: fullDose,
        // One product id per protocol version: never clashes with an earlier vial's id.
        product: {
          id: `s-ketamine-v${nextProtocolVersion.split('.')[0] ?? '1'}`,
          name,
          concentrationMgPerMl: concentration,
        },
      },
      current.limits,
    );
    if (!configuredResult.ok) {
      const field = configuredResult.error.field;
      next[field === 'product.id' || field === 'version' ? 'product.name' : (field as Field)] =
        errorText(configuredResult.error, locale);
    }
    const why = validateChangeReason(reason);
    if (!why.ok) next.reason = errorText(why.error, locale);
    setErrors(next);
    if (!configuredResult.ok || !why.ok) return;
    await onSave(withTitle(configuredResult.value), why.value);
  };

  const doses = configured?.ketamine.sessionDoses ?? null;
  return (
    <form
      className="card stack"
      aria-labelledby="s-ketamine-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="s-ketamine-title">{t.sKetTitle}</h2>
      <p className="field__hint">{t.sKetIntro}</p>
      {configured && doses ? (
        <div className="notice notice--ok" role="status">
          <strong>{fill(t.sKetConfigured, { version: configured.version })}</strong>
          <dl className="facts">
            <dt>{t.testDose}</dt>
            <dd>{formatQuantity(doses.testDoseMg, 'mg', locale)}</dd>
            <dt>{t.fullDose}</dt>
            <dd>{formatQuantity(doses.fullDoseMg, 'mg', locale)}</dd>
            {configured.ketamine.products.map((p) => (
              <div key={p.id} style={{ display: 'contents' }}>
                <dt>{t.vial}</dt>
                <dd>
                  {p.name} ({formatQuantity(p.concentrationMgPerMl, 'mg/mL', locale)})
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="notice notice--warning" role="status">
          {t.sKetNotConfigured}
        </p>
      )}
      {canEdit ? (
        <>
          <div className="center-settings__fields">
            <NumberField
              label={t.testDose}
              unit="mg"
              value={testDose}
              onChange={setTestDose}
              error={errors.testDoseMg}
            />
            <NumberField
              label={t.fullDose}
              unit="mg"
              value={fullDose}
              onChange={setFullDose}
              error={errors.fullDoseMg}
            />
            <TextField
              label={t.productName}
              hint={t.productNameHint}
              value={name}
              onChange={setName}
              error={errors['product.name']}
              maxLength={200}
            />
            <NumberField
              label={t.concentration}
              unit="mg/mL"
              value={concentration}
              onChange={setConcentration}
              error={errors['product.concentrationMgPerMl']}
            />
          </div>
          <TextField
            label={t.reason}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            maxLength={500}
          />
          <p className="field__hint">{fill(t.sKetVersionNote, { version: nextProtocolVersion })}</p>
          <button type="submit" className="btn btn--primary">
            {t.saveSKet}
          </button>
        </>
      ) : null}
    </form>
  );
}
