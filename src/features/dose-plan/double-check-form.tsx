/**
 * The independent double check (protocol.md section 3; ISMP independent double check of
 * high-alert infusions). While this form is open the screen renders it INSTEAD of the plan, so
 * none of the plan's computed numbers (mg/h, mg/mL, mL/h) is on screen: the second person sees
 * only the order (dose, weight, final volume, duration, propofol mg/kg/h), calculates both pump
 * rates, picks the products of the vials in hand, and types them. double-check.ts compares after
 * submitting; the result (match or the precise mismatch) is stored as a `double-check` record.
 * The checker is picked from the staff list and must not be the plan's author; the record's
 * author is the person recording on the tablet (PINs arrive with the staff-accounts issue).
 */
import { useState, type FormEvent } from 'react';
import { compareDoubleCheck } from '../../domain/double-check.ts';
import type { DosePlan } from '../../domain/dosing.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { formatQuantity } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { DosePlanMessages } from './messages.ts';
import { doubleCheckPayload, type DosePlanRecord } from './plan-model.ts';

type Props = {
  readonly session: RecordOfKind<'session'>;
  readonly record: DosePlanRecord;
  /** The plan recomputed by dosing.ts (plan-model.ts recomputePlan): compared, never shown. */
  readonly plan: DosePlan;
  readonly onDone: () => void;
  readonly onCancel: () => void;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

type Errors = Partial<
  Record<
    'checker' | 'ketamineRate' | 'propofolRate' | 'ketamineProduct' | 'propofolProduct' | 'form',
    string
  >
>;

export function DoubleCheckForm({ session, record, plan, onDone, onCancel, t, locale }: Props) {
  const { writer, actor, staff } = useBedside();
  const protocol = session.payload.protocolSnapshot;
  const [checker, setChecker] = useState<string>(
    actor && actor.staffId !== record.authorStaffId ? actor.staffId : '',
  );
  const [ketamineRate, setKetamineRate] = useState('');
  const [propofolRate, setPropofolRate] = useState('');
  const [ketamineProduct, setKetamineProduct] = useState<string | null>(null);
  const [propofolProduct, setPropofolProduct] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave();
  const p = record.payload;
  const q = (v: number, unit: string) => formatQuantity(v, unit, locale);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    const next: Errors = {};
    if (checker === '') next.checker = t.checkerRequired;
    else if (checker === record.authorStaffId)
      next.checker = fill(t.checkerIsAuthor, { name: staffName(staff, checker) });
    if (ketamineProduct === null) next.ketamineProduct = t.productRequired;
    if (propofolProduct === null) next.propofolProduct = t.productRequired;
    const compared = compareDoubleCheck(
      plan,
      {
        ketaminePumpRateMlPerH: ketamineRate,
        propofolPumpRateMlPerH: propofolRate,
        ketamineProductId: ketamineProduct ?? '',
        propofolProductId: propofolProduct ?? '',
      },
      protocol,
    );
    if (!compared.ok) next.form = errorText(compared.error, locale);
    else {
      for (const f of compared.value.fields) {
        if (f.status !== 'invalid') continue;
        // The field's own text (the refusal plus the pump's 0.1 mL/h step), in the screen's language.
        if (f.field === 'ketaminePumpRateMlPerH') next.ketamineRate = errorText(f, locale);
        if (f.field === 'propofolPumpRateMlPerH') next.propofolRate = errorText(f, locale);
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !compared.ok) return;
    const payload = doubleCheckPayload({
      dosePlanId: record.id,
      checkerStaffId: checker,
      report: compared.value,
    });
    if (!payload.ok) return setErrors({ form: errorText(payload.error, locale) });
    const saved = await save.run(() =>
      writer.write(
        'double-check',
        { patientId: session.patientId, sessionId: session.sessionId },
        payload.value,
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
      ),
    );
    if (saved) onDone();
  };

  const candidates = staff.filter((s) => s.active);
  return (
    <form
      className="card stack"
      aria-labelledby="check-form-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="check-form-title">{t.checkFormTitle}</h2>
      <p className="field__hint">{t.checkFormIntro}</p>
      <dl className="facts" aria-label={t.checkOrder}>
        <dt>{t.orderSession}</dt>
        <dd>{p.sessionNumber}</dd>
        <dt>{fill(t.orderDose, { hours: q(p.infusionDurationH, 'h') })}</dt>
        <dd>{q(p.ketamineDoseMg, 'mg')}</dd>
        <dt>{t.orderWeight}</dt>
        <dd>{formatQuantity(p.weightKg, 'kg', locale, 1)}</dd>
        <dt>{t.orderVolume}</dt>
        <dd>{q(p.preparationFinalVolumeMl, 'mL')}</dd>
        <dt>{t.orderPropofol}</dt>
        <dd>{q(p.propofolRateMgPerKgPerH, 'mg/kg/h')}</dd>
      </dl>
      <div className="field">
        <label htmlFor="checked-by">{t.checkedBy}</label>
        <select
          id="checked-by"
          className="input"
          value={checker}
          aria-invalid={errors.checker ? true : undefined}
          onChange={(e) => setChecker(e.target.value)}
        >
          <option value="">—</option>
          {candidates.map((s) => (
            <option key={s.staffId} value={s.staffId}>
              {s.displayName}
              {s.staffId === record.authorStaffId ? ` ${t.madeThePlan}` : ''}
            </option>
          ))}
        </select>
        {errors.checker ? (
          <span className="field__error" role="alert">
            {errors.checker}
          </span>
        ) : null}
      </div>
      <ChoiceGroup
        legend={t.ketamineProductLegend}
        value={ketamineProduct}
        onChange={setKetamineProduct}
        error={errors.ketamineProduct}
        choices={protocol.ketamine.products.map((x) => ({ value: x.id, label: x.name }))}
      />
      <NumberField
        label={t.ketamineRateEntry}
        unit="mL/h"
        value={ketamineRate}
        error={errors.ketamineRate}
        onChange={setKetamineRate}
      />
      <ChoiceGroup
        legend={t.propofolProductLegend}
        value={propofolProduct}
        onChange={setPropofolProduct}
        error={errors.propofolProduct}
        choices={protocol.propofol.products.map((x) => ({ value: x.id, label: x.name }))}
      />
      <NumberField
        label={t.propofolRateEntry}
        unit="mL/h"
        value={propofolRate}
        error={errors.propofolRate}
        onChange={setPropofolRate}
      />
      {errors.form ? (
        <p className="notice notice--urgent" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
          {t.submitCheck}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.cancelCheck}
        </button>
      </div>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </form>
  );
}
