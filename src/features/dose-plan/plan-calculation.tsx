/**
 * The plan's working, shown so a nurse can redo it by hand (protocol.md section 3 "Dose
 * arithmetic"): every step of dosing.ts with its expression, value and unit; both drugs side by
 * side in mg, mg/h, mg/kg/h, mg/mL and mL/h; and the two pump settings, big, as typed into the
 * pumps (pump-entry.ts, 0.1 mL/h), with the rounding notice when rounding changes the rate.
 * Digits shown are a display choice only; stored values are never rounded.
 */
import type { DosePlan, DoseStep } from '../../domain/dosing.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import type { PlanPumpEntries, PumpEntry } from '../../domain/pump-entry.ts';
import { formatNumber, formatQuantity } from '../../ui/format.ts';
import { fill } from '../../ui/i18n.ts';
import type { Locale } from '../../ui/preferences.ts';
import type { DosePlanMessages } from './messages.ts';

/** Fraction digits shown per unit (display only). */
const DIGITS: Record<DoseStep['unit'], number> = {
  mg: 2,
  mL: 2,
  'mg/h': 2,
  'mL/h': 3,
  'mg/kg/h': 3,
  'mg/mL': 2,
};

/** A pump entry is always shown with its one decimal, as the pump displays it: "7.0 mL/h". */
export const pumpText = (entry: { readonly valueMlPerH: number }, locale: Locale) =>
  `${formatNumber(entry.valueMlPerH, locale, 1, 1)}\u00a0mL/h`;

export const productName = (protocol: ProtocolDefinition, id: string) =>
  [...protocol.ketamine.products, ...protocol.propofol.products].find((p) => p.id === id)?.name ??
  id;

type Props = {
  readonly plan: DosePlan;
  readonly pump: PlanPumpEntries;
  readonly protocol: ProtocolDefinition;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
};

export function PlanCalculation({ plan, pump, protocol, t, locale }: Props) {
  const q = (value: number, unit: DoseStep['unit']) =>
    formatQuantity(value, unit, locale, DIGITS[unit]);
  // Step labels in the screen's language by step id; an unknown step keeps the domain's label.
  const labelOf = (step: DoseStep) => {
    const template = (t as Readonly<Record<string, string>>)[`step.${step.id}`] ?? step.label;
    const product =
      step.id === 'propofol-pump-rate' ? plan.propofolProductId : plan.ketamineProductId;
    return fill(template, { session: plan.sessionNumber, product: productName(protocol, product) });
  };
  const ketProduct = productName(protocol, plan.ketamineProductId);
  const propProduct = productName(protocol, plan.propofolProductId);
  const num = (v: number, unit: DoseStep['unit']) => formatNumber(v, locale, DIGITS[unit]);

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="pump-title">
        <h3 id="pump-title">{t.pumpTitle}</h3>
        <div className="grid-2">
          <PumpCard
            title={t.ketaminePump}
            entry={pump.ketamine}
            detail={fill(t.ketaminePumpDetail, {
              dose: q(plan.ketamineDoseMg, 'mg'),
              volume: q(plan.preparationFinalVolumeMl, 'mL'),
              concentration: q(plan.ketaminePreparedConcentrationMgPerMl, 'mg/mL'),
              stock: q(plan.ketamineStockVolumeMl, 'mL'),
              product: ketProduct,
            })}
            t={t}
            locale={locale}
          />
          <PumpCard
            title={t.propofolPump}
            entry={pump.propofol}
            detail={fill(t.propofolPumpDetail, {
              product: propProduct,
              rate: q(plan.propofolRateMgPerH, 'mg/h'),
              hours: formatQuantity(plan.infusionDurationH, 'h', locale),
              total: `${q(plan.propofolTotalMg, 'mg')} = ${q(plan.propofolTotalMl, 'mL')}`,
            })}
            t={t}
            locale={locale}
          />
        </div>
      </section>

      <section className="card stack" aria-labelledby="table-title">
        <h3 id="table-title">{t.tableTitle}</h3>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t.colDrug}</th>
              <th scope="col" className="num">
                {t.colTotal}
              </th>
              <th scope="col" className="num">
                {t.colMgPerH}
              </th>
              <th scope="col" className="num">
                {t.colMgPerKgPerH}
              </th>
              <th scope="col" className="num">
                {t.colConcentration}
              </th>
              <th scope="col" className="num">
                {t.colPump}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                {t.ketamine} <span className="field__hint">({ketProduct})</span>
              </th>
              <td className="num">{num(plan.ketamineDoseMg, 'mg')}</td>
              <td className="num">{num(plan.ketamineRateMgPerH, 'mg/h')}</td>
              <td className="num">{num(plan.ketamineRateMgPerKgPerH, 'mg/kg/h')}</td>
              <td className="num">{num(plan.ketaminePreparedConcentrationMgPerMl, 'mg/mL')}</td>
              <td className="num">{formatNumber(pump.ketamine.valueMlPerH, locale, 1, 1)}</td>
            </tr>
            <tr>
              <th scope="row">
                {t.propofol} <span className="field__hint">({propProduct})</span>
              </th>
              <td className="num">{num(plan.propofolTotalMg, 'mg')}</td>
              <td className="num">{num(plan.propofolRateMgPerH, 'mg/h')}</td>
              <td className="num">{num(plan.propofolRateMgPerKgPerH, 'mg/kg/h')}</td>
              <td className="num">{num(plan.propofolProductConcentrationMgPerMl, 'mg/mL')}</td>
              <td className="num">{formatNumber(pump.propofol.valueMlPerH, locale, 1, 1)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="card stack" aria-labelledby="calc-title">
        <h3 id="calc-title">{t.calcTitle}</h3>
        <ol className="stack" aria-labelledby="calc-title">
          {plan.steps.map((step) => (
            <li key={step.id}>
              <strong>{labelOf(step)}</strong>: <span>{step.expression}</span> ={' '}
              <strong>{q(step.value, step.unit)}</strong>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function PumpCard(props: {
  readonly title: string;
  readonly entry: PumpEntry;
  readonly detail: string;
  readonly t: DosePlanMessages;
  readonly locale: Locale;
}) {
  return (
    <article className="notice stack" aria-label={props.title}>
      <h4 style={{ margin: 0 }}>{props.title}</h4>
      <p
        style={{
          fontSize: '2.5rem',
          fontWeight: 700,
          margin: 0,
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {pumpText(props.entry, props.locale)}
      </p>
      <p className="field__hint" style={{ margin: 0 }}>
        {props.detail}
      </p>
      {props.entry.notice ? (
        <p className="notice notice--warning" role="status">
          {props.t.roundingNotice} {props.entry.notice}
        </p>
      ) : null}
    </article>
  );
}
