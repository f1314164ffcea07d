/**
 * Large, one-tap choices (radio semantics) instead of small radio dots: usable with one hand
 * on a tablet and found by role and name in tests.
 */
import { useId } from 'react';

export type Choice<T extends string> = {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
};

type Props<T extends string> = {
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly error?: string | null | undefined;
};

export function ChoiceGroup<T extends string>({
  legend,
  choices,
  value,
  onChange,
  error,
}: Props<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="choice-group__options">
        {choices.map((c) => (
          <label key={c.value} className="choice" data-checked={value === c.value || undefined}>
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>
              {c.label}
              {c.hint ? <span className="field__hint"> {c.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
