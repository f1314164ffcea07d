/** Pick a named person from the tablet's staff list (anesthesiologists first when asked). */
import { useId } from 'react';
import { useBedside } from './bedside-context.tsx';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (staffId: string) => void;
  readonly placeholder: string;
  readonly anesthesiologistsFirst?: boolean;
  readonly error?: string | null | undefined;
};

export function StaffSelect({
  label,
  value,
  onChange,
  placeholder,
  anesthesiologistsFirst,
  error,
}: Props) {
  const id = useId();
  const { staff } = useBedside();
  const active = staff.filter((s) => s.active);
  const list = anesthesiologistsFirst
    ? [
        ...active.filter((s) => s.role === 'anesthesiologist'),
        ...active.filter((s) => s.role !== 'anesthesiologist'),
      ]
    : active;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {list.map((s) => (
          <option key={s.staffId} value={s.staffId}>
            {s.displayName}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
