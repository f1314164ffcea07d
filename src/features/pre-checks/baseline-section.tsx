/**
 * This session's baseline vitals (protocol.md section 4 step 2: BP, HR, SpO2; RR optional),
 * parsed by vitals.ts parseVitals: a value a monitor cannot show is refused next to its field
 * and nothing is stored. A new measurement (e.g. an anxious patient re-measured after ten
 * minutes) is a new record; the latest baseline counts for alerts and discharge.
 */
import { useState, type FormEvent } from 'react';
import type { DomainError } from '../../domain/result.ts';
import { parseVitals, type VitalField } from '../../domain/vitals.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatNumber, formatTime } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import type { PreChecksMessages } from './messages.ts';
import { ownerOf, writeContextOf, type SessionRecord } from './session-write.ts';

type Props = {
  readonly state: SessionState;
  readonly session: SessionRecord;
  readonly t: PreChecksMessages;
  readonly locale: Locale;
};

type Texts = { readonly [K in VitalField]: string };
const EMPTY: Texts = {
  systolicMmHg: '',
  diastolicMmHg: '',
  heartRatePerMin: '',
  spo2Percent: '',
  respiratoryRatePerMin: '',
};

export function BaselineSection({ state, session, t, locale }: Props) {
  const { writer, actor } = useBedside();
  const draft = useFormDraft<Texts>('pre-checks-baseline', session.sessionId, EMPTY);
  const [remeasure, setRemeasure] = useState(false);
  // The domain's refusal, put in words at render so it follows a language switch.
  const [error, setError] = useState<DomainError | null>(null);
  const save = useSave();
  const stored = state.baseline;
  const typed = Object.values(draft.value).some((v) => v !== '');
  const showForm = stored === null || remeasure || typed;

  const fields: readonly { key: VitalField; label: string; unit: string }[] = [
    { key: 'systolicMmHg', label: t.systolic, unit: 'mmHg' },
    { key: 'diastolicMmHg', label: t.diastolic, unit: 'mmHg' },
    { key: 'heartRatePerMin', label: t.heartRate, unit: '/min' },
    { key: 'spo2Percent', label: t.spo2, unit: '%' },
    { key: 'respiratoryRatePerMin', label: t.respiratoryRate, unit: '/min' },
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    const parsed = parseVitals(draft.value);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    const saved = await save.run(() =>
      writer.write(
        'baseline-vitals',
        ownerOf(session),
        parsed.value,
        writeContextOf(actor, session),
      ),
    );
    if (saved) {
      draft.clear();
      setRemeasure(false);
    }
  };

  const n = (v: number) => formatNumber(v, locale, 0);
  return (
    <section className="card stack" aria-labelledby="baseline-title">
      <h2 id="baseline-title">{t.baselineTitle}</h2>
      <p className="field__hint">{t.baselineHint}</p>
      {stored !== null ? (
        <p>
          {fill(t.baselineRecorded, {
            time: formatTime(stored.clinicalTime, locale),
            sbp: n(stored.payload.systolicMmHg),
            dbp: n(stored.payload.diastolicMmHg),
            hr: n(stored.payload.heartRatePerMin),
            spo2: n(stored.payload.spo2Percent),
            rr:
              stored.payload.respiratoryRatePerMin == null
                ? ''
                : fill(t.baselineRr, { rr: n(stored.payload.respiratoryRatePerMin) }),
          })}
        </p>
      ) : null}
      {stored !== null && !showForm ? (
        <button type="button" className="btn" disabled={!actor} onClick={() => setRemeasure(true)}>
          {t.remeasure}
        </button>
      ) : null}
      {showForm ? (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <div className="grid-fields">
            {fields.map((f) => (
              <NumberField
                key={f.key}
                label={f.label}
                unit={f.unit}
                integer
                value={draft.value[f.key]}
                error={error?.field === f.key ? errorText(error, locale) : null}
                onChange={(text) => draft.set((d) => ({ ...d, [f.key]: text }))}
              />
            ))}
          </div>
          <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
            {t.saveBaseline}
          </button>
        </form>
      ) : null}
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </section>
  );
}
