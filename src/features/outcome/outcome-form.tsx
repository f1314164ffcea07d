/**
 * The outcome questions of one session (protocol.md section 4 step 6 and section 5): the
 * self-reported % pain improvement since the first full dose, continue or discontinue. Saved
 * as an `outcome-answer`; a discontinuation also as a `course-status` record on the session's
 * course, which is what the patient summary reads (patient-summary.ts). The two are separate
 * writes: if the second fails, the stored-answer view offers to record it again.
 */
import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../domain/state/session-state.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { NumberField } from '../../ui/number-field.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { useFormDraft } from '../../ui/use-form-draft.ts';
import { useSave } from '../../ui/use-save.ts';
import { DecisionSection } from './decision-section.tsx';
import { FavorableNote } from './favorable-note.tsx';
import type { OutcomeMessages } from './messages.ts';
import {
  checkOutcome,
  EMPTY_OUTCOME,
  favorableOf,
  type OutcomeDraft,
  type OutcomeErrors,
} from './outcome-check.ts';
import { useCourseStatusWrite } from './use-course-status-write.ts';

type SessionRecord = NonNullable<SessionState['session']>;

type Props = {
  readonly session: SessionRecord;
  /** Administrations given so far (patient summary), to prefill "after how many". */
  readonly administered: number;
  readonly onDone: () => void;
  readonly t: OutcomeMessages;
};

export function OutcomeForm({ session, administered, onDone, t }: Props) {
  const { writer, actor } = useBedside();
  const locale = usePreferences((s) => s.locale);
  const draft = useFormDraft<OutcomeDraft>('outcome', session.sessionId, EMPTY_OUTCOME);
  const [errors, setErrors] = useState<OutcomeErrors>({});
  const save = useSave();
  const writeStatus = useCourseStatusWrite(session);
  const d = draft.value;
  const afterText = d.after ?? String(administered);
  const set = (patch: Partial<OutcomeDraft>) => draft.set((v) => ({ ...v, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    const checked = checkOutcome(d, afterText, t.decisionRequired, locale);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const answer = await save.run(() =>
      writer.write(
        'outcome-answer',
        { patientId: session.patientId, sessionId: session.sessionId },
        checked.answer,
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
      ),
    );
    if (!answer) return;
    const discontinued = checked.status;
    if (discontinued !== null) {
      const status = await save.run(() => writeStatus(discontinued, actor.staffId));
      if (!status) return;
    }
    draft.clear();
    onDone();
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <section className="card stack" aria-labelledby="pain-title">
        <h2 id="pain-title">{t.painTitle}</h2>
        <p>{t.painQuestion}</p>
        <NumberField
          label={t.improvement}
          unit="%"
          value={d.worse ? '0' : d.improvement}
          disabled={d.worse}
          onChange={(improvement) => set({ improvement })}
          error={errors.improvementPercent}
        />
        <label className="choice" data-checked={d.worse || undefined}>
          <input
            type="checkbox"
            checked={d.worse}
            onChange={(e) => set({ worse: e.target.checked })}
          />
          <span>
            {t.worse}
            <span className="field__hint"> {t.worseHint}</span>
          </span>
        </label>
      </section>
      <DecisionSection
        draft={d}
        set={set}
        afterText={afterText}
        administered={administered}
        errors={errors}
        t={t}
      />
      <FavorableNote favorable={favorableOf(d)} t={t} />
      <button type="submit" className="btn btn--primary btn--large" disabled={!actor}>
        {t.save}
      </button>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </form>
  );
}
