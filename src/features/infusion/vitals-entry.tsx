/**
 * Fast vitals entry (protocol.md section 4, Monitoring): SBP, DBP, HR, SpO2, RR optional and
 * sedation (RASS, one tap). Parsed by the domain (decimal comma or point accepted; values a
 * monitor cannot show are refused with the domain's message and nothing is saved), assessed
 * against absolute limits and this session's baseline, and written as one `observation`
 * record with the findings snapshot. The flagged findings are shown plainly after saving.
 */
import { useState, type FormEvent } from 'react';
import type { VitalThresholds } from '../../domain/settings.ts';
import { assessVitals } from '../../domain/monitoring.ts';
import { assessSedation, RASS_SCALE } from '../../domain/sedation.ts';
import type { DomainError } from '../../domain/result.ts';
import { parseVitals, type VitalField, type Vitals } from '../../domain/vitals.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useErrorText, useMessages } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import { playSoftBeep } from './alert-beep.ts';
import { FindingsView } from './findings-view.tsx';
import { messages } from './messages.ts';
import {
  findingsSnapshot,
  storedFindings,
  highestLevel,
  type AssessedFinding,
} from '../../domain/observation-findings.ts';
import type { SessionWrite } from '../../ui/use-session-write.ts';

type Props = {
  readonly sessionId: string;
  readonly baseline: Vitals | null;
  readonly thresholds: VitalThresholds;
  readonly phase: 'infusion' | 'recovery';
  readonly write: SessionWrite | null;
  readonly onSaved: () => void;
};

const EMPTY = {
  systolicMmHg: '',
  diastolicMmHg: '',
  heartRatePerMin: '',
  spo2Percent: '',
  respiratoryRatePerMin: '',
  rass: '',
};
type Form = typeof EMPTY;
/** Kept as the domain's errors and put in words at render, so they follow a language switch. */
type Errors = { [K in VitalField | 'rass']?: DomainError };

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function VitalsEntry({ sessionId, baseline, thresholds, phase, write, onSaved }: Props) {
  const t = useMessages(messages);
  const errText = useErrorText();
  const locale = usePreferences((s) => s.locale);
  const sound = usePreferences((s) => s.alertSound);
  const draft = useFormDraft<Form>('infusion-vitals', sessionId, EMPTY);
  const form = draft.value;
  const patch = (p: Partial<Form>) => draft.set((old) => ({ ...old, ...p }));
  const [errors, setErrors] = useState<Errors>({});
  const [last, setLast] = useState<readonly AssessedFinding[] | null>(null);
  const save = useSave();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!write) return;
    const vitals = parseVitals(form);
    const rass = assessSedation(form.rass);
    const next: Errors = {};
    if (!vitals.ok) next[vitals.error.field as VitalField] = vitals.error;
    if (!rass.ok) next.rass = rass.error;
    setErrors(next);
    // A refused entry must not sit next to the previous entry's "Saved".
    if (!vitals.ok || !rass.ok) return save.reset();
    const assessed = assessVitals(vitals.value, baseline, thresholds);
    if (!assessed.ok) {
      save.fail(assessed.error);
      return;
    }
    const findings = findingsSnapshot(assessed.value, rass.value);
    const saved = await save.run(() =>
      write('observation', {
        ...vitals.value,
        rass: rass.value.score,
        phase,
        findings: storedFindings(findings),
      }),
    );
    if (!saved) return;
    setLast(findings);
    draft.clear();
    onSaved();
    if (sound && highestLevel(findings) !== 'normal') playSoftBeep();
  };

  const field = (name: VitalField, label: string, unit: string, hint?: string) => (
    <NumberField
      label={label}
      unit={unit}
      integer
      value={form[name]}
      onChange={(v) => patch({ [name]: v })}
      error={errors[name] && errText(errors[name])}
      hint={hint}
    />
  );

  return (
    <section className="card stack" aria-labelledby="vitals-title">
      <h2 id="vitals-title">{phase === 'recovery' ? t.vitalsTitleRecovery : t.vitalsTitle}</h2>
      {baseline === null ? <p className="notice notice--warning">{t.noBaseline}</p> : null}
      <form
        className="stack"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="vitals-title"
      >
        <div className="grid-fields">
          {field('systolicMmHg', t.systolic, 'mmHg')}
          {field('diastolicMmHg', t.diastolic, 'mmHg')}
          {field('heartRatePerMin', t.heartRate, '/min')}
          {field('spo2Percent', t.spo2, '%')}
          {field('respiratoryRatePerMin', t.respiratoryRate, '/min', t.optionalHint)}
        </div>
        <ChoiceGroup
          legend={t.rass}
          value={form.rass === '' ? null : form.rass}
          onChange={(v) => patch({ rass: v })}
          error={errors.rass && errText(errors.rass)}
          choices={RASS_SCALE.map((r) => ({
            value: String(r.score),
            label: `${signed(r.score)} ${locale === 'nl-BE' ? r.labelNl : r.label}`,
          }))}
        />
        <button type="submit" className="btn btn--primary btn--large" disabled={!write}>
          {t.saveVitals}
        </button>
        <SaveStatus
          state={save.state}
          labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
        />
      </form>
      {last !== null ? (
        <section aria-label={t.lastObservation} className="stack">
          <h3>{t.lastObservation}</h3>
          <FindingsView findings={last} />
        </section>
      ) : null}
    </section>
  );
}
