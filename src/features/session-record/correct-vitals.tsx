/**
 * Corrections of vitals: an observation (vitals and RASS; its alert findings are re-assessed
 * for the corrected values against this session's baseline and the session's thresholds) and
 * the baseline vitals. Values are parsed by vitals.ts and sedation.ts: an implausible value is
 * refused next to its field and nothing is stored.
 */
import { useState } from 'react';
import { assessVitals } from '../../domain/monitoring.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { assessSedation } from '../../domain/sedation.ts';
import type { VitalThresholds } from '../../domain/settings.ts';
import { parseVitals, type VitalField, type Vitals } from '../../domain/vitals.ts';
import { useErrorText, type ErrorTexts } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { CorrectionMessages } from './correction-messages.ts';
import { CorrectionShell } from './correction-shell.tsx';
import { findingsSnapshot, storedFindings } from '../../domain/observation-findings.ts';

type Texts = { readonly [K in VitalField | 'rass']: string };
/** The refused field and the domain's error, put in words at render (follows a language switch). */
type FieldError = { readonly field: string; readonly error: ErrorTexts } | null;

const texts = (
  p: {
    readonly systolicMmHg: number;
    readonly diastolicMmHg: number;
    readonly heartRatePerMin: number;
    readonly spo2Percent: number;
    readonly respiratoryRatePerMin?: number | null | undefined;
  },
  rass: number | null,
): Texts => ({
  systolicMmHg: String(p.systolicMmHg),
  diastolicMmHg: String(p.diastolicMmHg),
  heartRatePerMin: String(p.heartRatePerMin),
  spo2Percent: String(p.spo2Percent),
  respiratoryRatePerMin: p.respiratoryRatePerMin == null ? '' : String(p.respiratoryRatePerMin),
  rass: rass === null ? '' : String(rass),
});

function VitalsFields(props: {
  readonly value: Texts;
  readonly set: (v: Texts) => void;
  readonly error: FieldError;
  readonly withRass: boolean;
  readonly t: CorrectionMessages;
}) {
  const { value, set, error, withRass, t } = props;
  const errText = useErrorText();
  const fields: readonly { key: VitalField | 'rass'; label: string; unit: string }[] = [
    { key: 'systolicMmHg', label: t.systolic, unit: 'mmHg' },
    { key: 'diastolicMmHg', label: t.diastolic, unit: 'mmHg' },
    { key: 'heartRatePerMin', label: t.heartRate, unit: '/min' },
    { key: 'spo2Percent', label: t.spo2, unit: '%' },
    { key: 'respiratoryRatePerMin', label: t.respiratoryRate, unit: '/min' },
    ...(withRass ? [{ key: 'rass' as const, label: t.rass, unit: 'RASS' }] : []),
  ];
  return (
    <div className="grid-2">
      {fields.map((f) => (
        <NumberField
          key={f.key}
          label={f.label}
          unit={f.unit}
          integer
          inputMode={f.key === 'rass' ? 'text' : 'numeric'}
          value={value[f.key]}
          error={error?.field === f.key ? errText(error.error) : null}
          onChange={(text) => set({ ...value, [f.key]: text })}
        />
      ))}
    </div>
  );
}

type ObservationProps = {
  readonly record: RecordOfKind<'observation'>;
  readonly baseline: Vitals | null;
  readonly thresholds: VitalThresholds;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function CorrectObservation({ record, baseline, thresholds, onDone, t }: ObservationProps) {
  const [value, set] = useState(() => texts(record.payload, record.payload.rass));
  const [error, setError] = useState<FieldError>(null);
  const refuse = (field: string, refusal: ErrorTexts) => {
    setError({ field, error: refusal });
    return null;
  };
  const build = () => {
    const v = parseVitals(value);
    if (!v.ok) return refuse(v.error.field, v.error);
    const rass = assessSedation(value.rass);
    if (!rass.ok) return refuse('rass', rass.error);
    const assessed = assessVitals(v.value, baseline, thresholds);
    if (!assessed.ok) return refuse(assessed.error.field, assessed.error);
    setError(null);
    return {
      payload: {
        ...v.value,
        rass: rass.value.score,
        phase: record.payload.phase,
        findings: storedFindings(findingsSnapshot(assessed.value, rass.value)),
      },
    };
  };
  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <VitalsFields value={value} set={set} error={error} withRass t={t} />
    </CorrectionShell>
  );
}

type BaselineProps = {
  readonly record: RecordOfKind<'baseline-vitals'>;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function CorrectBaseline({ record, onDone, t }: BaselineProps) {
  const [value, set] = useState(() => texts(record.payload, null));
  const [error, setError] = useState<FieldError>(null);
  const build = () => {
    const v = parseVitals(value);
    setError(v.ok ? null : { field: v.error.field, error: v.error });
    return v.ok ? { payload: v.value } : null;
  };
  return (
    <CorrectionShell record={record} build={build} onDone={onDone} t={t}>
      <VitalsFields value={value} set={set} error={error} withRass={false} t={t} />
    </CorrectionShell>
  );
}
