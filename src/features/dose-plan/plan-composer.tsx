/**
 * Making the dose plan (protocol.md section 4 step 3): the ketamine dose (the expected one, or
 * another as a protocol deviation), the two products picked from the protocol's lists (never a
 * typed concentration), the final volume from the session's settings snapshot. The plan, its
 * working and its limit findings are recomputed by the domain on every change; saving writes
 * one `dose-plan` record (superseding the current plan, with a reason, when re-planning).
 */
import { useState } from 'react';
import { canProceed } from '../../domain/limits.ts';
import type { ExpectedSessionDose } from '../../domain/session-dose.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { formatQuantity } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import { ReplanReasonField, SessionInputs } from './composer-fields.tsx';
import { composePlan, type ComposerChoices } from './compose-plan.ts';
import { findingsErrors, FindingsEditor, type FindingsErrors } from './findings-panel.tsx';
import type { DosePlanMessages } from './messages.ts';
import { PlanCalculation } from './plan-calculation.tsx';
import { dosePlanPayload, namedReasons, type DosePlanRecord } from './plan-model.ts';

type Draft = ComposerChoices & {
  readonly overrideReasons: Readonly<Record<string, string>>;
  readonly deviationBy: string | null;
  readonly deviationReason: string;
  readonly replanReason: string;
};

type Props = {
  readonly session: RecordOfKind<'session'>;
  readonly weight: RecordOfKind<'weight'>;
  readonly expected: ExpectedSessionDose;
  /** The current plan when re-planning (the new one supersedes it). */
  readonly previous: DosePlanRecord | null;
  readonly onSaved: () => void;
  readonly onCancel: (() => void) | null;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

const MIN_SUPERSEDE_REASON = 3;
const NO_ERRORS: FindingsErrors = { overrides: {} };

export function PlanComposer({
  session,
  weight,
  expected,
  previous,
  onSaved,
  onCancel,
  t,
  locale,
}: Props) {
  const { writer, actor, staff } = useBedside();
  const protocol = session.payload.protocolSnapshot;
  const sessionNumber = session.payload.sessionNumber;
  const draft = useFormDraft<Draft>('dose-plan-compose', session.sessionId, {
    dose: String(expected.doseMg),
    otherDoseMg: '',
    ketamineProductId: null,
    propofolProductId: null,
    overrideReasons: {},
    deviationBy: null,
    deviationReason: '',
    replanReason: '',
  });
  const d = draft.value;
  const [errors, setErrors] = useState<FindingsErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [replanError, setReplanError] = useState<string | null>(null);
  const save = useSave();
  const mg = (v: number) => formatQuantity(v, 'mg', locale);
  const set = (patch: Partial<Draft>) => draft.set((prev) => ({ ...prev, ...patch }));

  const { doseValues, planned, pump, findings } = composePlan(session, weight, expected, d);
  const doseChoices = [
    ...doseValues.map((v) => ({
      value: String(v),
      label:
        v === expected.doseMg
          ? fill(t.doseExpected, { dose: mg(v), session: sessionNumber })
          : fill(t.doseDeviation, { dose: mg(v) }),
    })),
    { value: 'other', label: t.doseOther },
  ];
  const recordedBy = actor ? { staffId: actor.staffId, role: actor.role } : null;
  const decisions = {
    overrideReasons: d.overrideReasons,
    recordedBy: recordedBy ?? { staffId: '', role: 'nurse' as const },
    deviationBy: d.deviationBy,
    deviationReason: d.deviationReason,
  };
  const anesthesiologists = staff.filter((s) => s.active && s.role === 'anesthesiologist');
  const doseFieldError =
    d.dose === 'other' && d.otherDoseMg.trim() !== '' && planned && !planned.ok
      ? errorText(planned.error, locale)
      : null;

  const submit = async () => {
    if (!actor || !planned?.ok || !pump?.ok) return;
    const { overrides, deviations } = namedReasons(findings, decisions);
    const next = findingsErrors(overrides, deviations, d, anesthesiologists, t);
    setErrors(next);
    const replanMissing = previous !== null && d.replanReason.trim().length < MIN_SUPERSEDE_REASON;
    setReplanError(replanMissing ? t.replanReasonRequired : null);
    // The domain decides whether the plan may proceed; the errors above only point at fields.
    const decision = canProceed(findings, overrides, deviations);
    if (decision.blockedBy.length > 0) return setFormError(t.cannotSaveHard);
    if (!decision.canProceed || replanMissing || next.deviationBy)
      return setFormError(t.cannotSaveMissing);
    setFormError(null);
    const payload = dosePlanPayload({
      plan: planned.value,
      pump: pump.value,
      expectedDoseMg: expected.doseMg,
      weightRecordId: weight.id,
      findings,
      decisions,
    });
    const saved = await save.run(() =>
      writer.write(
        'dose-plan',
        { patientId: session.patientId, sessionId: session.sessionId },
        payload,
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
        previous ? { supersedes: { recordId: previous.id, reason: d.replanReason.trim() } } : {},
      ),
    );
    if (saved) {
      draft.clear();
      onSaved();
    }
  };

  return (
    <section className="card stack" aria-labelledby="compose-title">
      <h2 id="compose-title">{previous ? t.replanTitle : t.composeTitle}</h2>
      <SessionInputs session={session} weight={weight} t={t} locale={locale} />
      <ChoiceGroup
        legend={t.doseLegend}
        value={d.dose}
        onChange={(dose) => set({ dose })}
        choices={doseChoices}
      />
      {d.dose === 'other' ? (
        <NumberField
          label={t.otherDoseLabel}
          unit="mg"
          value={d.otherDoseMg}
          error={doseFieldError}
          onChange={(otherDoseMg) => set({ otherDoseMg })}
        />
      ) : null}
      <ChoiceGroup
        legend={t.ketamineProductLegend}
        value={d.ketamineProductId}
        onChange={(ketamineProductId) => set({ ketamineProductId })}
        choices={protocol.ketamine.products.map((p) => ({ value: p.id, label: p.name }))}
      />
      <ChoiceGroup
        legend={t.propofolProductLegend}
        value={d.propofolProductId}
        onChange={(propofolProductId) => set({ propofolProductId })}
        choices={protocol.propofol.products.map((p) => ({ value: p.id, label: p.name }))}
      />
      {planned === null ? <p className="notice">{t.pickProducts}</p> : null}
      {planned && !planned.ok && doseFieldError === null && d.otherDoseMg.trim() !== '' ? (
        <p className="notice notice--urgent" role="alert">
          {errorText(planned.error, locale)}
        </p>
      ) : null}
      {pump && !pump.ok ? (
        <p className="notice notice--urgent" role="alert">
          {errorText(pump.error, locale)}
        </p>
      ) : null}
      {planned?.ok && pump?.ok ? (
        <>
          <PlanCalculation
            plan={planned.value}
            pump={pump.value}
            protocol={protocol}
            t={t}
            locale={locale}
          />
          <FindingsEditor
            findings={findings}
            overrideReasons={d.overrideReasons}
            onOverrideReason={(code, reason) =>
              set({ overrideReasons: { ...d.overrideReasons, [code]: reason } })
            }
            deviationBy={d.deviationBy}
            onDeviationBy={(deviationBy) => set({ deviationBy })}
            deviationReason={d.deviationReason}
            onDeviationReason={(deviationReason) => set({ deviationReason })}
            recordedByName={actor?.displayName ?? ''}
            anesthesiologists={anesthesiologists}
            errors={errors}
            t={t}
          />
        </>
      ) : null}
      {previous ? (
        <ReplanReasonField
          value={d.replanReason}
          onChange={(replanReason) => set({ replanReason })}
          error={replanError}
          t={t}
        />
      ) : null}
      {formError ? (
        <p className="notice notice--urgent" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="btn btn--primary btn--large"
          disabled={!actor || !planned?.ok || !pump?.ok}
          onClick={() => void submit()}
        >
          {t.savePlan}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t.cancel}
          </button>
        ) : null}
      </div>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </section>
  );
}
