/**
 * This session's side effects, latest first: time, effect and severity, and what was done with
 * the drug, who decided and what happened to the infusion. Two columns, the details stacked in
 * the second, so the list fits the narrow side panel beside the infusion on a landscape tablet
 * without scrolling sideways.
 */
import type { RecordOfKind } from '../../domain/records.ts';
import { SEVERITY_SCALE, SIDE_EFFECT_CATALOG } from '../../domain/side-effects.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import { ScrollRegion } from '../../ui/scroll-region.tsx';

type Props = {
  readonly sideEffects: readonly RecordOfKind<'side-effect'>[];
  readonly drugs: readonly RecordOfKind<'drug-given'>[];
};

export function SideEffectList({ sideEffects, drugs }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const { staff } = useBedside();
  const nl = locale === 'nl-BE';
  const action = {
    continued: t.actionContinued,
    paused: t.actionPaused,
    'rate-changed': t.actionRateChanged,
    stopped: t.actionStopped,
  };
  if (sideEffects.length === 0) return <p className="field__hint">{t.listEmpty}</p>;
  return (
    <ScrollRegion label={t.listTitle}>
      <table className="data" aria-label={t.listTitle}>
        <thead>
          <tr>
            <th scope="col">{t.colTime}</th>
            <th scope="col">{t.colEffect}</th>
          </tr>
        </thead>
        <tbody>
          {[...sideEffects].reverse().map((se) => {
            const p = se.payload;
            const def = SIDE_EFFECT_CATALOG.find((d) => d.id === p.effect);
            const sev = SEVERITY_SCALE.find((s) => s.id === p.severity);
            const drug = p.drugGivenRecordId
              ? drugs.find((d) => d.id === p.drugGivenRecordId)
              : undefined;
            return (
              <tr key={se.id} style={{ verticalAlign: 'top' }}>
                <td className="tabular">{formatTime(se.clinicalTime, locale)}</td>
                <td>
                  <strong>
                    {def ? (nl ? def.labelNl : def.label) : p.effect}
                    {p.otherText ? `: ${p.otherText}` : null}
                  </strong>
                  {' · '}
                  {sev ? (nl ? sev.labelNl : sev.label) : p.severity}
                  <br />
                  {p.responseTaken}
                  <br />
                  <span className="field__hint">
                    {t.colDrug}:{' '}
                    {drug
                      ? `${drug.payload.drugName} ${formatQuantity(drug.payload.doseMg, 'mg', locale, 3)} ${drug.payload.route}`
                      : p.drugGivenRecordId
                        ? t.drugNotFound
                        : '—'}
                    {' · '}
                    {t.decidedBy}: {staffName(staff, p.decidedByStaffId)}
                    {' · '}
                    {t.infusion}: {action[p.infusionAction]}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
