/**
 * What every "Correct…" form shares: the reason (at least 3 characters), and the write of a new
 * record of the same kind with `supersedes: { recordId, reason }` under the original's owner,
 * protocol key and settings version. The clinical time stays the original's (the values were
 * measured then) unless the form corrects the time itself. Each kind's form validates its own
 * fields with the domain and hands over the payload via `build` (null: it shows its errors).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PayloadOf, RecordBase } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { SaveStatus } from '../../ui/save-status.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { CorrectionMessages } from './correction-messages.ts';
import { MIN_CORRECTION_REASON } from './entered-in-error-form.tsx';
import type { CorrectableKind } from './timeline.ts';

export type Built<K extends CorrectableKind> = {
  readonly payload: PayloadOf<K>;
  /** A corrected clinical time (only when the form corrects the time). */
  readonly clinicalTime?: string;
};

type Props<K extends CorrectableKind> = {
  /** The record corrected (base fields are all the shell needs). */
  readonly record: RecordBase & { readonly kind: K };
  readonly build: () => Built<K> | null;
  readonly children: ReactNode;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function CorrectionShell<K extends CorrectableKind>(props: Props<K>) {
  const { record, build, children, onDone, t } = props;
  const { writer, actor } = useBedside();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const save = useSave();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    const reasonOk = reason.trim().length >= MIN_CORRECTION_REASON;
    setReasonError(reasonOk ? null : t.reasonRequired);
    const built = build();
    if (!reasonOk || built === null) return;
    const saved = await save.run(() =>
      writer.write(
        record.kind,
        { patientId: record.patientId, sessionId: record.sessionId },
        built.payload,
        {
          authorStaffId: actor.staffId,
          protocolKey: record.protocolKey,
          settingsVersion: record.settingsVersion,
        },
        {
          clinicalTime: built.clinicalTime ?? record.clinicalTime,
          supersedes: { recordId: record.id, reason: reason.trim() },
        },
      ),
    );
    if (saved) onDone();
  };

  return (
    <form
      className="card stack"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t.correctTitle}
    >
      <h3>{t.correctTitle}</h3>
      <p className="field__hint">{t.correctHint}</p>
      {actor === null ? <p className="notice notice--warning">{t.noActor}</p> : null}
      {children}
      <TextField
        label={t.correctionReason}
        value={reason}
        onChange={setReason}
        error={reasonError}
        multiline
        maxLength={500}
      />
      <div className="row">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!actor || save.state.kind === 'saving'}
        >
          {t.correctSave}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
      <SaveStatus
        state={save.state}
        labels={{ saving: t.saving, saved: t.saved, retry: t.retry }}
      />
    </form>
  );
}
