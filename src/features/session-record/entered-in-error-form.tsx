/**
 * "Entered in error…": an `entered-in-error` record naming the entry, with the reason (at least
 * 3 characters, as a correction's reason: records/base.ts supersedesSchema). The entry stays
 * stored and visible; effective.ts stops counting it.
 */
import { useState, type FormEvent } from 'react';
import type { ClinicalRecord } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { SaveStatus } from '../../ui/save-status.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSave } from '../../ui/use-save.ts';
import type { CorrectionMessages } from './correction-messages.ts';

/** Shortest reason accepted for a correction or an "entered in error" (characters, trimmed). */
export const MIN_CORRECTION_REASON = 3;

type Props = {
  readonly record: ClinicalRecord;
  readonly onDone: () => void;
  readonly t: CorrectionMessages;
};

export function EnteredInErrorForm({ record, onDone, t }: Props) {
  const { writer, actor } = useBedside();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useSave();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor) return;
    if (reason.trim().length < MIN_CORRECTION_REASON) {
      setError(t.reasonRequired);
      return;
    }
    setError(null);
    const saved = await save.run(() =>
      writer.write(
        'entered-in-error',
        { patientId: record.patientId, sessionId: record.sessionId },
        { targetRecordId: record.id, reason: reason.trim() },
        {
          authorStaffId: actor.staffId,
          protocolKey: record.protocolKey,
          settingsVersion: record.settingsVersion,
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
      aria-label={t.eieTitle}
    >
      <h3>{t.eieTitle}</h3>
      <p className="field__hint">{t.eieHint}</p>
      {actor === null ? <p className="notice notice--warning">{t.noActor}</p> : null}
      <TextField
        label={t.eieReason}
        value={reason}
        onChange={setReason}
        error={error}
        multiline
        maxLength={1000}
      />
      <div className="row">
        <button
          type="submit"
          className="btn btn--danger"
          disabled={!actor || save.state.kind === 'saving'}
        >
          {t.eieSave}
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
