/**
 * A numeric entry for the bedside: a large field with its unit always beside it, the numeric
 * keypad on tablets (inputMode decimal), decimal comma or point accepted. It keeps the raw
 * text the nurse typed; parsing and refusal happen in the domain (units.ts parseQuantity) and
 * the specific message comes back through `error`.
 */
import { useId, type InputHTMLAttributes } from 'react';

type Props = {
  readonly label: string;
  readonly unit: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly error?: string | null | undefined;
  readonly hint?: string | undefined;
  readonly integer?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export function NumberField({
  label,
  unit,
  value,
  onChange,
  error,
  hint,
  integer,
  id,
  ...rest
}: Props) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={inputId}>
        {label} <span className="unit">({unit})</span>
      </label>
      <div className="row" style={{ gap: 0 }}>
        <input
          {...rest}
          id={inputId}
          className="input input--number"
          type="text"
          inputMode={integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          enterKeyHint="next"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </div>
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
