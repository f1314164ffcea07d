/**
 * Today's weight in kg (protocol.md section 3 safety limits; weight.ts validateWeightKg): hard
 * limits and values that look like pounds or grams are refused with the domain's message and
 * nothing is stored; a weight outside the soft limits is stored and shown with the named
 * override it will need at the dose plan. A second weight is a correction of the first (with a
 * reason), so the dose plan made with the old weight is visibly out of date.
 */
import { useState, type FormEvent } from 'react';
import { validateWeightKg } from '../../domain/weight.ts';
import type { DoseLimits } from '../../domain/settings.ts';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { errorText, fill, type ErrorTexts } from '../../ui/i18n.ts';
import { NumberField } from '../../ui/number-field.tsx';
import type { Locale } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import type { PreChecksMessages } from './messages.ts';
import { ownerOf, writeContextOf, type SessionRecord } from './session-write.ts';

/** A correction reason must say something (records/base.ts supersedesSchema: >= 3). */
const MIN_CORRECTION_REASON = 3;

type Props = {
  readonly state: SessionState;
  readonly session: SessionRecord;
  readonly now: Date;
  readonly t: PreChecksMessages;
  readonly locale: Locale;
};

/** The stored weight re-checked against the session's limits now (soft limit, staleness). */
export function storedWeightStatus(state: SessionState, limits: DoseLimits, now: Date) {
  const w = state.weight;
  if (w === null) return null;
  return validateWeightKg(w.payload.weightKg, limits, w.payload.measuredAt, now);
}

export function WeightSection({ state, session, now, t, locale }: Props) {
  const { writer, actor, clock } = useBedside();
  const limits = session.payload.settingsSnapshot.limits;
  const draft = useFormDraft('pre-checks-weight', session.sessionId, { weight: '', reason: '' });
  const [correctingChosen, setCorrecting] = useState(false);
  // The weight's refusal stays the domain's error, put in words at render (follows a language switch).
  const [errors, setErrors] = useState<{ weight?: ErrorTexts; reason?: string }>({});
  const save = useSave();
  const stored = state.weight;
  const status = storedWeightStatus(state, limits, now);
  // A correction typed before a reload is still open after it.
  const correcting =
    correctingChosen ||
    (stored !== null && (draft.value.weight !== '' || draft.value.reason !== ''));
  const showForm = stored === null || correcting;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    const at = clock.now();
    const checked = validateWeightKg(draft.value.weight, limits, at, at);
    const next: typeof errors = {};
    if (!checked.ok) next.weight = checked.error;
    if (stored !== null && draft.value.reason.trim().length < MIN_CORRECTION_REASON)
      next.reason = t.correctionReasonRequired;
    setErrors(next);
    if (!checked.ok || next.reason) return;
    const saved = await save.run(() =>
      writer.write(
        'weight',
        ownerOf(session),
        { weightKg: checked.value.weightKg, measuredAt: checked.value.measuredAt },
        writeContextOf(actor, session),
        stored === null
          ? {}
          : { supersedes: { recordId: stored.id, reason: draft.value.reason.trim() } },
      ),
    );
    if (saved) {
      draft.clear();
      setCorrecting(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="weight-title">
      <h2 id="weight-title">{t.weightTitle}</h2>
      {stored !== null ? (
        <div className="stack">
          <p>
            {fill(t.weightRecorded, {
              weight: formatQuantity(stored.payload.weightKg, 'kg', locale, 1),
              time: formatTime(stored.payload.measuredAt, locale),
            })}
          </p>
          {status?.ok && status.value.softLimit ? (
            <p className="notice notice--warning" role="status">
              {errorText(status.value.softLimit, locale)} <strong>{t.weightSoftNote}</strong>
            </p>
          ) : null}
          {status && !status.ok ? (
            <p className="notice notice--urgent" role="alert">
              {status.error.code === 'stale-measurement'
                ? t.weightStale
                : errorText(status.error, locale)}
            </p>
          ) : null}
          {!correcting ? (
            <button
              type="button"
              className="btn"
              disabled={!actor}
              onClick={() => setCorrecting(true)}
            >
              {t.correctWeight}
            </button>
          ) : null}
        </div>
      ) : null}
      {showForm ? (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <NumberField
            label={t.weightLabel}
            unit="kg"
            value={draft.value.weight}
            hint={t.weightHint}
            error={errors.weight && errorText(errors.weight, locale)}
            onChange={(weight) => draft.set((d) => ({ ...d, weight }))}
          />
          {stored !== null ? (
            <div className="field">
              <label htmlFor="weight-correction-reason">{t.correctionReason}</label>
              <input
                id="weight-correction-reason"
                className="input"
                value={draft.value.reason}
                aria-invalid={errors.reason ? true : undefined}
                onChange={(e) => draft.set((d) => ({ ...d, reason: e.target.value }))}
              />
              <span className="field__hint">{t.correctionReasonHint}</span>
              {errors.reason ? (
                <span className="field__error" role="alert">
                  {errors.reason}
                </span>
              ) : null}
              {state.currentDosePlan ? (
                <p className="notice notice--warning">{t.replanNote}</p>
              ) : null}
            </div>
          ) : null}
          <div className="row">
            <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
              {t.saveWeight}
            </button>
            {correcting ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setCorrecting(false);
                  setErrors({});
                  draft.clear();
                }}
              >
                {t.cancel}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </section>
  );
}
