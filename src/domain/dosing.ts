/**
 * The dose plan for one session, with its working shown (protocol.md section 3, "Dose
 * arithmetic"): ketamine dose over the protocol duration, diluted to the center's final
 * volume; propofol at the protocol's mg/kg/h for the whole infusion. Every number is stored
 * unrounded with its unit in its name; pump entry rounding happens only in pump-entry.ts.
 * Concentrations come from the protocol's product list by id, never typed.
 *
 * Worked examples (protocol.md): 75 mg / 4 h = 18.75 mg/h, 1.5 mL of 50 mg/mL, 50 mL syringe
 * -> 12.5 mL/h at 1.5 mg/mL; propofol 1 mg/kg/h x 70 kg = 70 mg/h = 7.0 mL/h of 10 mg/mL,
 * 280 mg = 28 mL over 4 h.
 */
import { fail, ok, type Result } from './result.ts';
import { assertProtocolUsable } from './protocol-config.ts';
import { protocolKey, type DrugProduct, type ProtocolDefinition } from './protocols/types.ts';
import {
  concentrationOf,
  kg,
  mg,
  mgOver,
  mgPerHourForWeight,
  mgPerHourFrom,
  mgPerKgPerH,
  mgPerKgPerHourFrom,
  ml,
  mlOf,
  mlOver,
  mlPerHourFrom,
  mlPerHourOf,
  parseQuantity,
  type Hours,
  type Kg,
  type Mg,
  type MgPerH,
  type MgPerKgPerH,
  type MgPerMl,
  type Ml,
  type MlPerH,
} from './units.ts';

export type DoseStep = {
  readonly id: string;
  readonly label: string;
  /** The arithmetic in words a nurse can redo by hand, e.g. "75 mg ÷ 4 h". */
  readonly expression: string;
  /** Unrounded result. */
  readonly value: number;
  /** UCUM unit of `value`. */
  readonly unit: 'mg' | 'mL' | 'mg/h' | 'mL/h' | 'mg/kg/h' | 'mg/mL';
};

export type DosePlan = {
  readonly protocolKey: string;
  readonly sessionNumber: number;
  readonly weightKg: Kg;
  readonly infusionDurationH: Hours;
  readonly ketamineProductId: string;
  readonly ketamineProductConcentrationMgPerMl: MgPerMl;
  readonly ketamineDoseMg: Mg;
  readonly ketamineRateMgPerH: MgPerH;
  readonly ketamineRateMgPerKgPerH: MgPerKgPerH;
  readonly ketamineStockVolumeMl: Ml;
  readonly preparationFinalVolumeMl: Ml;
  readonly ketaminePreparedConcentrationMgPerMl: MgPerMl;
  readonly ketaminePumpRateMlPerH: MlPerH;
  readonly propofolProductId: string;
  readonly propofolProductConcentrationMgPerMl: MgPerMl;
  readonly propofolRateMgPerKgPerH: MgPerKgPerH;
  readonly propofolRateMgPerH: MgPerH;
  readonly propofolPumpRateMlPerH: MlPerH;
  readonly propofolTotalMg: Mg;
  readonly propofolTotalMl: Ml;
  readonly steps: readonly DoseStep[];
};

export type DosePlanInput = {
  readonly protocol: ProtocolDefinition;
  /** 1 for the first session (test dose). Whole number >= 1. */
  readonly sessionNumber: unknown;
  /** Chosen ketamine dose for this session, in mg (see session-dose.ts for the expected one). */
  readonly doseMg: unknown;
  /** Today's weight in kg, from validateWeightKg. */
  readonly weightKg: unknown;
  readonly ketamineProductId: string;
  readonly propofolProductId: string;
  /** Final volume of the prepared ketamine syringe/bag, in mL (center setting). */
  readonly finalVolumeMl: unknown;
  /** Chosen propofol rate in mg/kg/h; defaults to the protocol's. Another rate is a deviation. */
  readonly propofolRateMgPerKgPerH?: unknown;
};

/** Operand for an expression: trims binary float noise (7.329999999999999 -> 7.33), display only. */
const n = (x: number) => String(Number(x.toPrecision(12)));

function pick(
  products: readonly DrugProduct[],
  id: unknown,
  field: string,
  what: string,
  whatNl: string,
): Result<DrugProduct> {
  const product = products.find((p) => p.id === id);
  if (product) return ok(product);
  const names = products.map((p) => p.name).join(', ');
  return fail(
    'invalid-choice',
    field,
    `Pick the ${what} from the protocol's list (${names}); "${String(id)}" is not on it.`,
    `Kies het ${whatNl} uit de lijst van het protocol (${names}); "${String(id)}" staat er niet op.`,
  );
}

/**
 * Computes the session's dose plan: ketamine mg, mg/h, mg/kg/h, stock mL, prepared mg/mL and
 * pump mL/h; propofol mg/h, mL/h, total mg and mL, mg/kg/h. All inputs are parsed (never
 * coerced); all outputs are unrounded and finite. Limits and deviations are judged by
 * limits.ts, not here. Source: protocol.md section 3.
 */
export function planDose(input: DosePlanInput): Result<DosePlan> {
  const usable = assertProtocolUsable(input.protocol);
  if (!usable.ok) return usable;
  const protocol = usable.value;
  const session = parseQuantity(input.sessionNumber, {
    field: 'sessionNumber',
    label: 'Session number',
    labelNl: 'Sessienummer',
    unit: 'session',
    unitNl: 'sessies',
    integer: true,
  });
  if (!session.ok) return session;
  const dose = parseQuantity(input.doseMg, {
    field: 'ketamineDoseMg',
    label: 'Ketamine dose',
    labelNl: 'Dosis ketamine',
    unit: 'mg',
  });
  if (!dose.ok) return dose;
  const weight = parseQuantity(input.weightKg, {
    field: 'weightKg',
    label: 'Weight',
    labelNl: 'Gewicht',
    unit: 'kg',
  });
  if (!weight.ok) return weight;
  const volume = parseQuantity(input.finalVolumeMl, {
    field: 'preparationFinalVolumeMl',
    label: 'Final volume of the ketamine preparation',
    labelNl: 'Eindvolume van de ketaminebereiding',
    unit: 'mL',
  });
  if (!volume.ok) return volume;
  const propofolRate = parseQuantity(
    input.propofolRateMgPerKgPerH === undefined
      ? protocol.propofol.rateMgPerKgPerH
      : input.propofolRateMgPerKgPerH,
    {
      field: 'propofolRateMgPerKgPerH',
      label: 'Propofol rate',
      labelNl: 'Snelheid propofol',
      unit: 'mg/kg/h',
    },
  );
  if (!propofolRate.ok) return propofolRate;
  const ketProduct = pick(
    protocol.ketamine.products,
    input.ketamineProductId,
    'ketamineProductId',
    'ketamine product',
    'ketamineproduct',
  );
  if (!ketProduct.ok) return ketProduct;
  const propProduct = pick(
    protocol.propofol.products,
    input.propofolProductId,
    'propofolProductId',
    'propofol product',
    'propofolproduct',
  );
  if (!propProduct.ok) return propProduct;

  const h = protocol.ketamine.infusionDurationH;
  const w = kg(weight.value);
  const doseMg = mg(dose.value);
  const finalMl = ml(volume.value);
  const ketConc = ketProduct.value.concentrationMgPerMl;
  const propConc = propProduct.value.concentrationMgPerMl;

  const ketamineRateMgPerH = mgPerHourFrom(doseMg, h);
  const ketamineRateMgPerKgPerH = mgPerKgPerHourFrom(ketamineRateMgPerH, w);
  const ketamineStockVolumeMl = mlOf(doseMg, ketConc);
  const ketaminePreparedConcentrationMgPerMl = concentrationOf(doseMg, finalMl);
  const ketaminePumpRateMlPerH = mlPerHourFrom(finalMl, h);
  const propofolRateMgPerKgPerH = mgPerKgPerH(propofolRate.value);
  const propofolRateMgPerH = mgPerHourForWeight(propofolRateMgPerKgPerH, w);
  const propofolPumpRateMlPerH = mlPerHourOf(propofolRateMgPerH, propConc);
  const propofolTotalMg = mgOver(propofolRateMgPerH, h);
  const propofolTotalMl = mlOver(propofolPumpRateMlPerH, h);

  if (ketamineStockVolumeMl > finalMl) {
    return fail(
      'implausible',
      'ketamineDoseMg',
      `${n(doseMg)} mg needs ${n(ketamineStockVolumeMl)} mL of ${ketProduct.value.name}, more than the ${n(finalMl)} mL final volume; check the dose and the final volume.`,
      `${n(doseMg)} mg vraagt ${n(ketamineStockVolumeMl)} mL ${ketProduct.value.name}, meer dan het eindvolume van ${n(finalMl)} mL; controleer de dosis en het eindvolume.`,
    );
  }
  const steps: DoseStep[] = [
    {
      id: 'ketamine-dose',
      label: `Ketamine dose, session ${session.value}`,
      expression: `${n(doseMg)} mg`,
      value: doseMg,
      unit: 'mg',
    },
    {
      id: 'ketamine-rate',
      label: 'Ketamine rate',
      expression: `${n(doseMg)} mg ÷ ${n(h)} h`,
      value: ketamineRateMgPerH,
      unit: 'mg/h',
    },
    {
      id: 'ketamine-rate-per-kg',
      label: 'Ketamine rate per kg',
      expression: `${n(ketamineRateMgPerH)} mg/h ÷ ${n(w)} kg`,
      value: ketamineRateMgPerKgPerH,
      unit: 'mg/kg/h',
    },
    {
      id: 'ketamine-stock-volume',
      label: `Ketamine to draw up (${ketProduct.value.name})`,
      expression: `${n(doseMg)} mg ÷ ${n(ketConc)} mg/mL`,
      value: ketamineStockVolumeMl,
      unit: 'mL',
    },
    {
      id: 'ketamine-prepared-concentration',
      label: 'Prepared ketamine concentration',
      expression: `${n(doseMg)} mg ÷ ${n(finalMl)} mL final volume`,
      value: ketaminePreparedConcentrationMgPerMl,
      unit: 'mg/mL',
    },
    {
      id: 'ketamine-pump-rate',
      label: 'Ketamine pump rate',
      expression: `${n(finalMl)} mL ÷ ${n(h)} h`,
      value: ketaminePumpRateMlPerH,
      unit: 'mL/h',
    },
    {
      id: 'propofol-rate',
      label: 'Propofol rate',
      expression: `${n(propofolRateMgPerKgPerH)} mg/kg/h × ${n(w)} kg`,
      value: propofolRateMgPerH,
      unit: 'mg/h',
    },
    {
      id: 'propofol-pump-rate',
      label: `Propofol pump rate (${propProduct.value.name})`,
      expression: `${n(propofolRateMgPerH)} mg/h ÷ ${n(propConc)} mg/mL`,
      value: propofolPumpRateMlPerH,
      unit: 'mL/h',
    },
    {
      id: 'propofol-total-mg',
      label: 'Propofol total',
      expression: `${n(propofolRateMgPerH)} mg/h × ${n(h)} h`,
      value: propofolTotalMg,
      unit: 'mg',
    },
    {
      id: 'propofol-total-ml',
      label: 'Propofol total volume',
      expression: `${n(propofolPumpRateMlPerH)} mL/h × ${n(h)} h`,
      value: propofolTotalMl,
      unit: 'mL',
    },
    {
      id: 'propofol-rate-per-kg',
      label: 'Propofol rate per kg',
      expression: `${n(propofolRateMgPerH)} mg/h ÷ ${n(w)} kg`,
      value: mgPerKgPerHourFrom(propofolRateMgPerH, w),
      unit: 'mg/kg/h',
    },
  ];
  // Huge inputs can overflow or underflow: a plan is only returned when every number is usable.
  if (!steps.every((s) => Number.isFinite(s.value) && s.value > 0)) {
    return fail(
      'implausible',
      'ketamineDoseMg',
      'These values give a dose plan outside any possible range; check the dose, the weight and the final volume.',
      'Deze waarden geven een dosisplan buiten elk mogelijk bereik; controleer de dosis, het gewicht en het eindvolume.',
    );
  }
  return ok(
    Object.freeze({
      protocolKey: protocolKey(protocol),
      sessionNumber: session.value,
      weightKg: w,
      infusionDurationH: h,
      ketamineProductId: ketProduct.value.id,
      ketamineProductConcentrationMgPerMl: ketConc,
      ketamineDoseMg: doseMg,
      ketamineRateMgPerH,
      ketamineRateMgPerKgPerH,
      ketamineStockVolumeMl,
      preparationFinalVolumeMl: finalMl,
      ketaminePreparedConcentrationMgPerMl,
      ketaminePumpRateMlPerH,
      propofolProductId: propProduct.value.id,
      propofolProductConcentrationMgPerMl: propConc,
      propofolRateMgPerKgPerH,
      propofolRateMgPerH,
      propofolPumpRateMlPerH,
      propofolTotalMg,
      propofolTotalMl,
      steps: Object.freeze(steps),
    }),
  );
}
