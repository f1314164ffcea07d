/** The period filter: first administration from / until (calendar dates, both included). */
import type { RegistryPeriod } from '../../domain/registry/index.ts';
import { useMessages } from '../../ui/i18n.ts';
import { messages } from './messages.ts';

type Props = {
  readonly period: RegistryPeriod;
  readonly onChange: (period: RegistryPeriod) => void;
  readonly error: string | null;
};

/** An empty date input means "no limit" on that side. */
const orUndefined = (v: string) => (v === '' ? undefined : v);

export function PeriodFilter({ period, onChange, error }: Props) {
  const t = useMessages(messages);
  return (
    <fieldset className="registry-period card">
      <legend>{t.periodTitle}</legend>
      <p className="field__hint">{t.periodHint}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="registry-from">{t.from}</label>
          <input
            id="registry-from"
            type="date"
            className="input"
            value={period.from ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...period, from: orUndefined(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="registry-to">{t.to}</label>
          <input
            id="registry-to"
            type="date"
            className="input"
            value={period.to ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...period, to: orUndefined(e.target.value) })}
          />
        </div>
        <button
          type="button"
          className="btn registry-period__clear"
          disabled={period.from === undefined && period.to === undefined}
          onClick={() => onChange({})}
        >
          {t.clearPeriod}
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {t.invalidOptions} {error}
        </p>
      ) : null}
    </fieldset>
  );
}
