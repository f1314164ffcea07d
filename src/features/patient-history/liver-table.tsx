/**
 * Every liver panel of the patient, newest first: each enzyme's value with the lab's ULN, the
 * multiple of it and its flags (elevated, new elevation, urgent) as liver.ts gives them.
 */
import type { LiverTrendPoint } from '../../domain/liver-entry.ts';
import { LIVER_ENZYMES, LIVER_ENZYME_INFO, type LiverEnzymeFlag } from '../../domain/liver.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { formatNumber, formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { shortDay } from './history-sessions-table.tsx';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

type Props = {
  readonly id: string;
  readonly points: readonly LiverTrendPoint<RecordOfKind<'liver-test'>>[];
  readonly multiple: number;
};

export function LiverTable({ id, points, multiple }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const name = (e: LiverEnzymeFlag['enzyme']) =>
    locale === 'nl-BE' ? LIVER_ENZYME_INFO[e].labelNl : LIVER_ENZYME_INFO[e].label;
  const flagsOf = (f: LiverEnzymeFlag) =>
    [
      f.urgent ? fill(t.flagUrgent, { multiple: formatNumber(multiple, locale) }) : null,
      f.newElevation ? t.flagNew : null,
      f.elevated && !f.newElevation && !f.urgent ? t.flagElevated : null,
    ].filter((x): x is string => x !== null);
  return (
    <ScrollRegion className="history-scroll" label={t.liverTrendTitle}>
      <table className="data history-liver-table" id={id} aria-label={t.liverTrendTitle}>
        <thead>
          <tr>
            <th scope="col">{t.colSampled}</th>
            {LIVER_ENZYMES.map((e) => (
              <th scope="col" key={e}>
                {name(e)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...points].reverse().map((p) => (
            <tr key={p.test.id}>
              <th scope="row" className="history-nowrap">
                {shortDay(`${p.sampledOn}T12:00:00`, locale)}
              </th>
              {p.flags.map((f) => (
                <td
                  key={f.enzyme}
                  className={
                    f.urgent ? 'history-urgent' : f.elevated ? 'history-elevated' : undefined
                  }
                >
                  <span className="history-main">
                    {f.elevated ? <span aria-hidden="true">▲ </span> : null}
                    {formatQuantity(f.valueUPerL, 'U/L', locale)}
                  </span>{' '}
                  <span className="history-sub">
                    {fill(t.liverCell, {
                      uln: formatQuantity(f.ulnUPerL, 'U/L', locale),
                      multiple: formatNumber(f.multipleOfUln, locale, 2),
                    })}
                  </span>
                  {flagsOf(f).length > 0 ? (
                    <>
                      {' '}
                      <span className={f.urgent ? 'badge badge--urgent' : 'badge badge--warning'}>
                        {flagsOf(f).join(', ')}
                      </span>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
