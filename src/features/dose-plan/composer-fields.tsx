/**
 * Small parts of the plan composer: the values the plan is computed from (today's weight and
 * the session's settings and protocol snapshots, read-only) and the reason a re-plan needs.
 */
import type { RecordOfKind } from '../../domain/records.ts';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DosePlanMessages } from './messages.ts';

export function SessionInputs(props: {
  readonly session: RecordOfKind<'session'>;
  readonly weight: RecordOfKind<'weight'>;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
}) {
  const { session, weight, t, locale } = props;
  const settings = session.payload.settingsSnapshot;
  const protocol = session.payload.protocolSnapshot;
  return (
    <dl className="facts" aria-label={t.inputsTitle}>
      <dt>{fill(t.weightUsed, { time: formatTime(weight.payload.measuredAt, locale) })}</dt>
      <dd>{formatQuantity(weight.payload.weightKg, 'kg', locale, 1)}</dd>
      <dt>{fill(t.finalVolume, { version: settings.version })}</dt>
      <dd>{formatQuantity(settings.ketaminePreparationFinalVolumeMl, 'mL', locale)}</dd>
      <dt>{t.duration}</dt>
      <dd>{formatQuantity(protocol.ketamine.infusionDurationH, 'h', locale)}</dd>
      <dt>{t.propofolRate}</dt>
      <dd>{formatQuantity(protocol.propofol.rateMgPerKgPerH, 'mg/kg/h', locale)}</dd>
    </dl>
  );
}

export function ReplanReasonField(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | null;
  readonly t: DosePlanMessages;
}) {
  const { t, error } = props;
  return (
    <div className="field">
      <p className="notice notice--warning">{t.replanWarning}</p>
      <label htmlFor="replan-reason">{t.replanReason}</label>
      <input
        id="replan-reason"
        className="input"
        value={props.value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="field__hint">{t.replanReasonHint}</span>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
