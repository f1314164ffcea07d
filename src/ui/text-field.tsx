/**
 * A labelled free-text entry (one line, multi-line or a calendar date) with its hint and its
 * error (role=alert), for reasons, notes and descriptions. Numbers use NumberField instead.
 */
import { useId, type HTMLAttributes } from 'react';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly error?: string | null | undefined;
  readonly hint?: string | undefined;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'date' | 'search';
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** For dates: the latest that can be picked (YYYY-MM-DD). */
  readonly max?: string;
  readonly maxLength?: number;
  readonly disabled?: boolean;
  /** A code such as a patient number: no auto-capitalisation or spelling correction. */
  readonly identifier?: boolean;
};

export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  type = 'text',
  inputMode,
  max,
  maxLength,
  disabled,
  identifier,
}: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'input',
    value,
    maxLength,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          max={max}
          autoComplete="off"
          autoCapitalize={identifier ? 'off' : undefined}
          spellCheck={identifier ? false : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
