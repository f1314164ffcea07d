/** A required (or optional) reason with confirm and cancel: used for pause and stop. */
import { useId, useState, type ReactNode } from 'react';
import { useMessages } from '../../ui/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import { messages } from './messages.ts';

type Props = {
  readonly title: string;
  readonly children?: ReactNode;
  readonly reasonLabel: string;
  readonly reasonRequired: boolean;
  readonly requiredMessage: string;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  readonly busy: boolean;
  readonly onConfirm: (reason: string | undefined) => void;
  readonly onCancel: () => void;
};

export function ReasonForm(p: Props) {
  const t = useMessages(messages);
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    const text = reason.trim();
    if (p.reasonRequired && text === '') {
      setError(p.requiredMessage);
      return;
    }
    setError(null);
    p.onConfirm(text === '' ? undefined : text);
  };
  return (
    <div
      className={`card stack${p.danger ? ' notice--urgent' : ''}`}
      role="group"
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{p.title}</h3>
      {p.children}
      <TextField
        label={p.reasonRequired ? p.reasonLabel : `${p.reasonLabel} ${t.optional}`}
        value={reason}
        onChange={setReason}
        error={error}
        multiline
        maxLength={1000}
      />
      <div className="row">
        <button
          type="button"
          className={`btn btn--large ${p.danger ? 'btn--danger' : 'btn--primary'}`}
          disabled={p.busy}
          onClick={confirm}
        >
          {p.confirmLabel}
        </button>
        <button type="button" className="btn btn--large" onClick={p.onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
