/**
 * Which protocol new courses use (settings.activeProtocolKey). A protocol can be chosen only
 * when the domain finds it usable (assertProtocolUsable: doses and concentrations entered); the
 * unconfigured S-ketamine template is listed but cannot be picked, with what is missing.
 */
import { useState, type FormEvent } from 'react';
import { assertProtocolUsable } from '../../domain/protocol-config.ts';
import { S_KETAMINE_TEMPLATE } from '../../domain/protocols/s-ketamine-template.ts';
import { protocolKey, type ProtocolDefinition } from '../../domain/protocols/types.ts';
import { validateChangeReason } from '../../domain/settings-validation.ts';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import { messages } from './messages.ts';

type Props = {
  readonly activeKey: string;
  /** Candidates: the published protocol and the latest center-configured version of each. */
  readonly candidates: readonly ProtocolDefinition[];
  readonly canEdit: boolean;
  readonly onSave: (activeProtocolKey: string, reason: string) => Promise<boolean>;
};

export function ActiveProtocolForm({ activeKey, candidates, canEdit, onSave }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const [chosen, setChosen] = useState(activeKey);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ choice?: string; reason?: string }>({});
  const listed = candidates.some((p) => p.id === S_KETAMINE_TEMPLATE.id)
    ? candidates
    : [...candidates, S_KETAMINE_TEMPLATE];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: { choice?: string; reason?: string } = {};
    const protocol = listed.find((p) => protocolKey(p) === chosen);
    const usable = protocol ? assertProtocolUsable(protocol) : null;
    if (chosen === activeKey) next.choice = t.alreadyActive;
    else if (usable && !usable.ok) next.choice = errText(usable.error);
    const why = validateChangeReason(reason);
    if (!why.ok) next.reason = errText(why.error);
    setErrors(next);
    if (next.choice || !why.ok) return;
    await onSave(chosen, why.value);
  };

  return (
    <form
      className="card stack"
      aria-labelledby="active-protocol-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="active-protocol-title">{t.activeTitle}</h2>
      <p className="field__hint">{t.activeIntro}</p>
      <fieldset className="choice-group" disabled={!canEdit}>
        <legend>{t.activeLegend}</legend>
        <div className="stack" style={{ gap: '0.5rem' }}>
          {listed.map((p) => {
            const key = protocolKey(p);
            const usable = assertProtocolUsable(p).ok;
            return (
              <label key={key} className="choice" data-checked={chosen === key || undefined}>
                <input
                  type="radio"
                  name="active-protocol"
                  value={key}
                  checked={chosen === key}
                  disabled={!usable}
                  onChange={() => setChosen(key)}
                />
                <span>
                  {p.title} · {p.version}
                  {key === activeKey ? <span className="badge badge--ok">{t.current}</span> : null}
                  {usable ? null : <span className="field__hint"> ({t.needsDoses})</span>}
                </span>
              </label>
            );
          })}
        </div>
        {errors.choice ? (
          <span className="field__error" role="alert">
            {errors.choice}
          </span>
        ) : null}
      </fieldset>
      {canEdit ? (
        <>
          <TextField
            label={t.reason}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            maxLength={500}
          />
          <button type="submit" className="btn btn--primary">
            {t.activate}
          </button>
        </>
      ) : null}
    </form>
  );
}
