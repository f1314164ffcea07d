/**
 * A PIN field with a large on-screen keypad (phone layout, 72 px keys). The field is a real
 * password input (dots, found by its label, typed into with a hardware keyboard, Enter submits);
 * `inputMode="none"` keeps the system keyboard from covering the keypad on a tablet. Keys do
 * not take the focus, so typing and tapping can be mixed.
 */
import { useId, type FormEvent, type MouseEvent } from 'react';
import { PIN_MAX_DIGITS } from '../../domain/pin-policy.ts';
import type { LockMessages } from './messages.ts';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  /** Locked out or checking: keys and field do nothing. */
  readonly disabled: boolean;
  readonly error: string | null;
  readonly t: LockMessages;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function PinPad({
  label,
  value,
  onChange,
  onSubmit,
  submitLabel,
  disabled,
  error,
  t,
}: Props) {
  const id = useId();
  const press = (digit: string) => {
    if (!disabled && value.length < PIN_MAX_DIGITS) onChange(value + digit);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disabled) onSubmit();
  };
  const key = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="btn pin-pad__key"
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={() => press(digit)}
    >
      {digit}
    </button>
  );
  return (
    <form className="pin-pad" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="input pin-pad__input"
          type="password"
          inputMode="none"
          autoComplete="off"
          autoFocus
          maxLength={PIN_MAX_DIGITS}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {error ? (
          <p id={`${id}-error`} className="field__error pin-pad__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="pin-pad__keys" role="group" aria-label={t.keypad}>
        {DIGITS.map(key)}
        <span aria-hidden="true" />
        {key('0')}
        <button
          type="button"
          className="btn pin-pad__key"
          aria-label={t.deleteDigit}
          disabled={disabled || value.length === 0}
          onMouseDown={keepFocus}
          onClick={() => onChange(value.slice(0, -1))}
        >
          ⌫
        </button>
      </div>
      <button type="submit" className="btn btn--primary btn--large" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
