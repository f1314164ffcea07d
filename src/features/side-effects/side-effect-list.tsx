/** This session's side effects, latest first: time, effect, severity, response, drug, decision. */
import type { RecordOfKind } from '../../domain/records.ts';
import { SEVERITY_SCALE, SIDE_EFFECT_CATALOG } from '../../domain/side-effects.ts';
import { staffName, useBedside } from '../../ui/bedside-context.tsx';
import { formatQuantity, formatTime } from '../../ui/format.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';

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
    <div style={{ overflowX: 'auto' }}>
      <table className="data" aria-label={t.listTitle}>
        <thead>
          <tr>
            <th scope="col">{t.colTime}</th>
            <th scope="col">{t.colEffect}</th>
            <th scope="col">{t.severity}</th>
            <th scope="col">{t.response}</th>
            <th scope="col">{t.colDrug}</th>
            <th scope="col">{t.decidedBy}</th>
            <th scope="col">{t.infusion}</th>
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
              <tr key={se.id}>
                <td>{formatTime(se.clinicalTime, locale)}</td>
                <td>
                  {def ? (nl ? def.labelNl : def.label) : p.effect}
                  {p.otherText ? `: ${p.otherText}` : null}
                </td>
                <td>{sev ? (nl ? sev.labelNl : sev.label) : p.severity}</td>
                <td>{p.responseTaken}</td>
                <td>
                  {drug
                    ? `${drug.payload.drugName} ${formatQuantity(drug.payload.doseMg, 'mg', locale, 3)} ${drug.payload.route}`
                    : p.drugGivenRecordId
                      ? t.drugNotFound
                      : '—'}
                </td>
                <td>{staffName(staff, p.decidedByStaffId)}</td>
                <td>{action[p.infusionAction]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
