/**
 * The rates on the pumps, shown by the pump-entry rule (0.1 mL/h, domain pump-entry.ts) with
 * the mg/h they deliver at the signed plan's concentrations.
 */
import { pumpEntryMlPerH } from '../../domain/pump-entry.ts';
import { mgPerHourOfMl, mgPerMl, mlPerH } from '../../domain/units.ts';
import { formatNumber, formatQuantity } from '../../ui/format.ts';
import type { Locale } from '../../ui/preferences.ts';

/** "12.5 mL/h" by the pump-entry rule; a rate the rule refuses is shown as stored. */
export function formatPumpRate(rate: number, locale: Locale): string {
  const entry = pumpEntryMlPerH(mlPerH(rate));
  const shown = entry.ok
    ? formatNumber(entry.value.valueMlPerH, locale, 1, 1)
    : formatNumber(rate, locale, 4);
  return `${shown}\u00a0mL/h`;
}

type Props = {
  readonly label: string;
  readonly rateMlPerH: number;
  readonly concentrationMgPerMl: number | null;
  readonly locale: Locale;
};

export function PumpRate({ label, rateMlPerH, concentrationMgPerMl, locale }: Props) {
  const mgH =
    concentrationMgPerMl === null
      ? null
      : mgPerHourOfMl(mlPerH(rateMlPerH), mgPerMl(concentrationMgPerMl));
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <strong>{formatPumpRate(rateMlPerH, locale)}</strong>
        {mgH === null ? null : (
          <span className="field__hint"> ({formatQuantity(mgH, 'mg/h', locale)})</span>
        )}
      </dd>
    </>
  );
}
