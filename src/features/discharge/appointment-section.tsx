/**
 * Next appointment: proposed by `proposeNextSession` (+28 days by default, from the session's
 * settings snapshot), changeable by the nurse; `checkInterval` warns below 21 days (a warning,
 * the clinician decides) and refuses a date on or before today's session.
 */
import type { IntervalCheck } from '../../domain/appointments.ts';
import type { Result } from '../../domain/result.ts';
import { formatDay } from '../../ui/format.ts';
import { errorText, fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import { TextField } from '../../ui/text-field.tsx';
import type { DischargeMessages } from './messages.ts';

type Props = {
  readonly value: string;
  readonly onChange: (date: string) => void;
  readonly proposal: string | null;
  readonly proposedDays: number;
  /** Null when no date is entered. */
  readonly check: Result<IntervalCheck> | null;
  readonly t: DischargeMessages;
  readonly locale: Locale;
};

export function AppointmentSection(props: Props) {
  const { value, onChange, proposal, proposedDays, check, t, locale } = props;
  return (
    <section className="card stack" aria-labelledby="appointment-title">
      <h2 id="appointment-title">{t.appointmentTitle}</h2>
      <TextField
        label={t.appointmentLabel}
        type="date"
        value={value}
        onChange={onChange}
        hint={
          proposal === null
            ? undefined
            : fill(t.appointmentHint, { date: formatDay(proposal, locale), days: proposedDays })
        }
        error={check && !check.ok ? errorText(check.error, locale) : null}
      />
      {check?.ok ? (
        check.value.warning ? (
          <p className="notice notice--warning" role="alert">
            {errorText(check.value.warning, locale)}
          </p>
        ) : (
          <p className="field__hint">{fill(t.intervalDays, { days: check.value.intervalDays })}</p>
        )
      ) : null}
    </section>
  );
}
