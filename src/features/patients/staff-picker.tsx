/**
 * Picks a person from the tablet's staff list, or (for physicians who are not on it, e.g. an
 * external physician) lets the nurse type their center staff id.
 */
import { useId } from 'react';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';
import { OTHER_STAFF, type StaffChoice } from './register-form.ts';

type Props = {
  readonly label: string;
  readonly staff: readonly StaffMember[];
  readonly value: StaffChoice;
  readonly onChange: (value: StaffChoice) => void;
  readonly error?: string | undefined;
  /** Offer "someone else (type the staff id)" (default true). */
  readonly allowTyped?: boolean;
};

export function StaffPicker({ label, staff, value, onChange, error, allowTyped = true }: Props) {
  const t = useMessages(messages);
  const id = useId();
  const typedId = `${id}-typed`;
  const errorId = `${id}-error`;
  const typed = value.choice === OTHER_STAFF;
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          className="input"
          value={value.choice}
          aria-invalid={error && !typed ? true : undefined}
          aria-describedby={error && !typed ? errorId : undefined}
          onChange={(e) => onChange({ ...value, choice: e.target.value })}
        >
          <option value="">{t.pickStaff}</option>
          {staff
            .filter((s) => s.active)
            .map((s) => (
              <option key={s.staffId} value={s.staffId}>
                {s.displayName} ({s.staffId})
              </option>
            ))}
          {allowTyped ? <option value={OTHER_STAFF}>{t.otherStaff}</option> : null}
        </select>
      </div>
      {typed ? (
        <div className="field">
          <label htmlFor={typedId}>{fill(t.typedStaffId, { who: label })}</label>
          <input
            id={typedId}
            className="input"
            autoCapitalize="off"
            autoComplete="off"
            maxLength={64}
            value={value.typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange({ ...value, typed: e.target.value })}
          />
        </div>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
