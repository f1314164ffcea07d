/**
 * Rate change: the new rate of the ketamine and/or propofol pump in mL/h (decimal comma or
 * point, at most one decimal as the pump takes 0.1 mL/h steps; parsed by the domain, never
 * rounded), with a reason. A rate above the signed plan is shown as a warning before saving.
 */
import { useId, useState } from 'react';
import { pumpEntryMlPerH } from '../../domain/pump-entry.ts';
import type { Result } from '../../domain/result.ts';
import { mlPerH, parseQuantity } from '../../domain/units.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { TextField } from '../../ui/text-field.tsx';
import { messages } from './messages.ts';
import { formatPumpRate } from './pump-rates.tsx';
import type { PumpRates } from './timeline-events.ts';

export type RateChange = {
  ketamineRateMlPerH?: number;
  propofolRateMlPerH?: number;
  reason: string;
};

type Props = {
  readonly planned: PumpRates;
  readonly current: PumpRates | null;
  readonly busy: boolean;
  readonly onConfirm: (change: RateChange) => void;
  readonly onCancel: () => void;
};

type Errors = { ketamine?: string; propofol?: string; reason?: string };

/** Empty = pump unchanged; otherwise a positive mL/h with at most one decimal, within pump range. */
function parseRate(text: string, field: string, label: string): Result<number> | null {
  if (text.trim() === '') return null;
  const r = parseQuantity(text, { field, label, unit: 'mL/h', maxDecimals: 1 });
  if (!r.ok) return r;
  const entry = pumpEntryMlPerH(mlPerH(r.value), field);
  return entry.ok ? r : entry;
}

export function RateChangeForm({ planned, current, busy, onConfirm, onCancel }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const locale = usePreferences((s) => s.locale);
  const id = useId();
  const [ketamine, setKetamine] = useState('');
  const [propofol, setPropofol] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const k = parseRate(ketamine, 'ketamineRateMlPerH', t.newKetamineRate);
  const p = parseRate(propofol, 'propofolRateMlPerH', t.newPropofolRate);
  const above = [
    k?.ok && k.value > planned.ketamineMlPerH
      ? fill(t.abovePlan, {
          drug: t.ketamine,
          rate: formatPumpRate(k.value, locale),
          plan: formatPumpRate(planned.ketamineMlPerH, locale),
        })
      : null,
    p?.ok && p.value > planned.propofolMlPerH
      ? fill(t.abovePlan, {
          drug: t.propofol,
          rate: formatPumpRate(p.value, locale),
          plan: formatPumpRate(planned.propofolMlPerH, locale),
        })
      : null,
  ].filter((x): x is string => x !== null);

  const confirm = () => {
    const next: Errors = {};
    if (k && !k.ok) next.ketamine = errText(k.error);
    if (p && !p.ok) next.propofol = errText(p.error);
    if (k === null && p === null) next.ketamine = t.rateOneRequired;
    if (reason.trim() === '')
      next.reason = above.length > 0 ? t.reasonAbovePlanRequired : t.reasonRequired;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onConfirm({
      ...(k?.ok ? { ketamineRateMlPerH: k.value } : {}),
      ...(p?.ok ? { propofolRateMlPerH: p.value } : {}),
      reason: reason.trim(),
    });
  };

  return (
    <div className="card stack" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.rateChangeTitle}</h3>
      {current ? (
        <p className="field__hint">
          {fill(t.ratesNow, {
            ketamine: formatPumpRate(current.ketamineMlPerH, locale),
            propofol: formatPumpRate(current.propofolMlPerH, locale),
          })}
        </p>
      ) : null}
      <div className="grid-2">
        <NumberField
          label={t.newKetamineRate}
          unit="mL/h"
          value={ketamine}
          onChange={setKetamine}
          error={errors.ketamine}
          hint={t.leaveEmptyUnchanged}
        />
        <NumberField
          label={t.newPropofolRate}
          unit="mL/h"
          value={propofol}
          onChange={setPropofol}
          error={errors.propofol}
          hint={t.leaveEmptyUnchanged}
        />
      </div>
      {above.map((w) => (
        <p key={w} className="notice notice--warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {w}
        </p>
      ))}
      <TextField
        label={t.rateReason}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        multiline
        maxLength={1000}
      />
      <div className="row">
        <button
          type="button"
          className="btn btn--primary btn--large"
          disabled={busy}
          onClick={confirm}
        >
          {t.saveRateChange}
        </button>
        <button type="button" className="btn btn--large" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
