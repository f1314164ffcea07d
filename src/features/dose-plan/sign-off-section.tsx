/**
 * The anesthesiologist's sign-off of the current dose plan (protocol.md section 4 step 3;
 * section 6: "Sign-offs name exactly what they cover"). Possible only when the plan has no open
 * findings (dose-plan-checks.ts checkPlanSignable), its independent double check is valid and it
 * uses the current weight. The anesthesiologist picked under "Signed by" types their own PIN
 * (issue 4: "Dose sign-off needs an anesthesiologist's PIN"), checked against this tablet's
 * staffPins; only then is the sign-off written, authored by and signed by that anesthesiologist
 * whoever is recording (the server accepts sign-offs only from anesthesiologists). A wrong PIN
 * writes nothing and counts towards their lockout. Only active anesthesiologists can be picked.
 * The statement names the plan id and every number it covers.
 */
import { useState } from 'react';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import { PinConfirm } from '../../ui/pin-confirm.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { DosePlanMessages } from './messages.ts';
import { productName, pumpText } from './plan-calculation.tsx';
import type { DosePlanRecord } from './plan-model.ts';

/** The words signed: plan id, session, both drugs with dose, product, concentration, pump rate. */
export function signOffStatement(
  record: DosePlanRecord,
  protocol: ProtocolDefinition,
  signerName: string,
  t: DosePlanMessages,
  locale: Locale,
): string {
  const p = record.payload;
  const q = (v: number, unit: string, digits = 2) => formatQuantity(v, unit, locale, digits);
  const statement = fill(t.statement, {
    name: signerName,
    planId: record.id,
    session: p.sessionNumber,
    dose: q(p.ketamineDoseMg, 'mg'),
    ketamineProduct: productName(protocol, p.ketamineProductId),
    volume: q(p.preparationFinalVolumeMl, 'mL'),
    concentration: q(p.ketaminePreparedConcentrationMgPerMl, 'mg/mL'),
    ketamineRate: pumpText({ valueMlPerH: p.pumpEntry.ketamineMlPerH }, locale),
    hours: q(p.infusionDurationH, 'h'),
    propofolDose: q(p.propofolRateMgPerKgPerH, 'mg/kg/h', 3),
    weight: q(p.weightKg, 'kg', 1),
    propofolMgPerH: q(p.propofolRateMgPerH, 'mg/h'),
    propofolProduct: productName(protocol, p.propofolProductId),
    propofolRate: pumpText({ valueMlPerH: p.pumpEntry.propofolMlPerH }, locale),
  });
  if (!p.deviation.isDeviation) return statement;
  const reasons = [...new Set(p.deviation.reasons.map((r) => r.reason))].join('; ');
  return (
    statement + fill(t.statementDeviation, { expected: q(p.expectedDoseMg, 'mg'), reason: reasons })
  );
}

type Props = {
  readonly session: RecordOfKind<'session'>;
  readonly record: DosePlanRecord;
  readonly state: SessionState;
  /** The plan was made with a weight that is no longer the current one. */
  readonly stale: boolean;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

export function SignOffSection({ session, record, state, stale, t, locale }: Props) {
  const { writer, actor, staff } = useBedside();
  const protocol = session.payload.protocolSnapshot;
  const anesthesiologists = staff.filter((s) => s.active && s.role === 'anesthesiologist');
  const [picked, setChosen] = useState<string | null>(null);
  // Until someone is picked, an anesthesiologist recording signs as themself.
  const chosenId = picked ?? (actor?.role === 'anesthesiologist' ? actor.staffId : null);
  // Only an active anesthesiologist can sign (a deactivated one drops out of the choice).
  const chosen = anesthesiologists.find((s) => s.staffId === chosenId)?.staffId ?? null;
  const save = useSave();
  const signOff =
    state.signOff?.record.payload.covers.recordId === record.id ? state.signOff : null;

  if (signOff?.valid) {
    return (
      <section className="card stack" aria-labelledby="sign-title">
        <h2 id="sign-title">{t.signTitle}</h2>
        <p className="notice notice--ok" role="status">
          ✓{' '}
          {fill(t.signedNotice, {
            name: staffName(staff, signOff.record.payload.signedByStaffId),
            time: formatTime(signOff.record.clinicalTime, locale),
          })}
        </p>
        <blockquote>{signOff.record.payload.statement}</blockquote>
      </section>
    );
  }

  const checkValid =
    state.doubleCheck?.valid === true && state.doubleCheck.record.payload.dosePlanId === record.id;
  const needs = [
    ...(checkValid ? [] : [t['signNeeds.check']]),
    ...(state.dosePlanProblems.length > 0 ? [t['signNeeds.findings']] : []),
    ...(stale ? [t['signNeeds.weight']] : []),
  ];
  const signerName = chosen ? staffName(staff, chosen) : '';
  const statement = chosen ? signOffStatement(record, protocol, signerName, t, locale) : null;

  // Runs only after the signer's PIN was verified (PinConfirm).
  const sign = async () => {
    if (chosen === null || needs.length > 0 || statement === null) return;
    await save.run(() =>
      writer.write(
        'sign-off',
        { patientId: session.patientId, sessionId: session.sessionId },
        {
          covers: { kind: 'dose-plan', recordId: record.id },
          role: 'anesthesiologist',
          signedByStaffId: chosen,
          statement,
        },
        {
          authorStaffId: chosen,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
      ),
    );
  };

  return (
    <section className="card stack" aria-labelledby="sign-title">
      <h2 id="sign-title">{t.signTitle}</h2>
      {signOff && !signOff.valid ? (
        <p className="notice notice--urgent">
          {fill(t.signInvalid, { problems: signOff.problems.join(' ') })}
        </p>
      ) : null}
      {needs.length > 0 ? (
        <div className="notice notice--warning">
          <p style={{ margin: 0 }}>{t.signBlocked}</p>
          <ul aria-label={t.signBlocked}>
            {needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {anesthesiologists.length === 0 ? (
        <p className="notice notice--urgent">{t.noAnesthesiologist}</p>
      ) : (
        <ChoiceGroup
          legend={t.signedBy}
          value={chosen}
          onChange={setChosen}
          choices={anesthesiologists.map((s) => ({ value: s.staffId, label: s.displayName }))}
        />
      )}
      {statement !== null && needs.length === 0 ? (
        <div className="stack">
          <h3>{t.statementTitle}</h3>
          <blockquote>{statement}</blockquote>
        </div>
      ) : null}
      <p className="field__hint">{t.signPinHint}</p>
      <PinConfirm
        staffId={chosen}
        staffName={signerName}
        pinLabel={fill(t.signPin, { name: signerName })}
        confirmLabel={t.signButton}
        disabled={needs.length > 0 || statement === null}
        onConfirmed={sign}
      />
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </section>
  );
}
