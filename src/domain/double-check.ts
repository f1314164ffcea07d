/**
 * Independent double check of a dose plan (protocol.md section 3; ISMP independent double
 * check: ketamine and propofol are high-alert medications). A second person, who has not seen
 * the first entry, enters both pump rates and both products; this compares them with the
 * plan's pump-entry values (pump-entry.ts, 0.1 mL/h) and says precisely what differs.
 * Known real errors named when the numbers fit them: 10x decimal error, wrong vial
 * concentration, mg taken as mL. A suspicion is a hint for the two checkers, not a correction.
 */
import type { DosePlan } from './dosing.ts';
import type { DrugProduct, ProtocolDefinition } from './protocols/types.ts';
import {
  pumpEntriesForPlan,
  pumpEntryMlPerH,
  roundHalfAwayFromZeroToTenths,
} from './pump-entry.ts';
import { ok, type DomainError, type Result } from './result.ts';
import { mlPerH, parseQuantity } from './units.ts';

export type DoubleCheckEntry = {
  /** What the second checker typed, in mL/h (string or number; parsed here). */
  readonly ketaminePumpRateMlPerH: unknown;
  readonly propofolPumpRateMlPerH: unknown;
  readonly ketamineProductId: string;
  readonly propofolProductId: string;
};

export type Suspicion =
  'decimal-10x' | 'wrong-concentration' | 'mg-as-ml' | 'stock-not-diluted' | 'wrong-product';

export type FieldCheck = {
  readonly field: keyof DoubleCheckEntry;
  readonly status: 'match' | 'mismatch' | 'invalid';
  /** Plan value: pump entry in mL/h, or product id. */
  readonly expected: number | string;
  /** Parsed entry (mL/h), or the product id; null when it could not be parsed. */
  readonly entered: number | string | null;
  readonly suspected: readonly Suspicion[];
  /** Set for status 'invalid': why the entry was refused. */
  readonly error: DomainError | null;
  readonly message: string;
  /** The same in Dutch (nl-BE). */
  readonly messageNl: string;
};

export type DoubleCheckReport = {
  /** True only when every field matches. */
  readonly matches: boolean;
  readonly fields: readonly FieldCheck[];
};

const show = (tenths: number) => (tenths / 10).toFixed(1);
/** Pump entry (integer tenths) of a derived rate, or null when it is not a pump rate. */
const tenthsOf = (rate: number): number | null => {
  const entry = pumpEntryMlPerH(mlPerH(rate));
  return entry.ok ? entry.value.tenthsMlPerH : null;
};

const SUSPICION_TEXT_NL: Record<Suspicion, string> = {
  'decimal-10x': 'vermoedelijk een komma-fout (factor 10)',
  'wrong-concentration':
    'vermoedelijk een verkeerde concentratie (snelheid berekend voor een ander product)',
  'mg-as-ml': 'vermoedelijk mg als mL genomen (de mg/h-waarde werd als mL/h ingegeven)',
  'stock-not-diluted':
    'vermoedelijk de snelheid voor onverdunde stockoplossing i.p.v. de bereide spuit',
  'wrong-product': 'er werd een ander product gekozen',
};

const SUSPICION_TEXT: Record<Suspicion, string> = {
  'decimal-10x': 'suspected 10x decimal error',
  'wrong-concentration': 'suspected wrong concentration (rate calculated for another product)',
  'mg-as-ml': 'suspected mg taken as mL (the mg/h value was entered as mL/h)',
  'stock-not-diluted': 'suspected rate for undiluted stock instead of the prepared syringe',
  'wrong-product': 'a different product was picked',
};

function compareRate(
  field: 'ketaminePumpRateMlPerH' | 'propofolPumpRateMlPerH',
  label: string,
  labelNl: string,
  input: unknown,
  expectedTenths: number,
  planned: number,
  mgPerH: number,
  otherConcentrationRates: readonly number[],
  stockRates: readonly number[],
): FieldCheck {
  const parsed = parseQuantity(input, { field, label, labelNl, unit: 'mL/h', maxDecimals: 1 });
  if (!parsed.ok) {
    return {
      field,
      status: 'invalid',
      expected: expectedTenths / 10,
      entered: null,
      suspected: [],
      error: parsed.error,
      message: `${parsed.error.message} The pump takes 0.1 mL/h steps.`,
      messageNl: `${parsed.error.messageNl ?? parsed.error.message} De pomp werkt in stappen van 0,1 mL/h.`,
    };
  }
  const entered = roundHalfAwayFromZeroToTenths(parsed.value); // exact: at most 1 decimal
  if (entered === expectedTenths) {
    return {
      field,
      status: 'match',
      expected: expectedTenths / 10,
      entered: parsed.value,
      suspected: [],
      error: null,
      message: `${label}: ${show(entered)} mL/h matches the plan.`,
      messageNl: `${labelNl}: ${show(entered)} mL/h komt overeen met het plan.`,
    };
  }
  const suspected: Suspicion[] = [];
  if (entered === tenthsOf(planned * 10) || entered === tenthsOf(planned / 10))
    suspected.push('decimal-10x');
  if (otherConcentrationRates.some((r) => entered === tenthsOf(r)))
    suspected.push('wrong-concentration');
  if (stockRates.some((r) => entered === tenthsOf(r))) suspected.push('stock-not-diluted');
  if (entered === tenthsOf(mgPerH)) suspected.push('mg-as-ml');
  const why = suspected.length > 0 ? ` ${suspected.map((s) => SUSPICION_TEXT[s]).join('; ')}.` : '';
  const whyNl =
    suspected.length > 0 ? ` ${suspected.map((s) => SUSPICION_TEXT_NL[s]).join('; ')}.` : '';
  return {
    field,
    status: 'mismatch',
    expected: expectedTenths / 10,
    entered: parsed.value,
    suspected,
    error: null,
    message: `${label}: plan ${show(expectedTenths)} mL/h, second check entered ${show(entered)} mL/h.${why} Do not start the pump; both checkers redo the calculation from the plan.`,
    messageNl: `${labelNl}: plan ${show(expectedTenths)} mL/h, tweede controle gaf ${show(entered)} mL/h in.${whyNl} Start de pomp niet; beide controleurs herrekenen vanuit het plan.`,
  };
}

function compareProduct(
  field: 'ketamineProductId' | 'propofolProductId',
  label: string,
  labelNl: string,
  expectedId: string,
  entered: unknown,
  products: readonly DrugProduct[],
): FieldCheck {
  const expected = products.find((p) => p.id === expectedId);
  const picked = products.find((p) => p.id === entered);
  const expectedName = expected?.name ?? expectedId;
  if (picked === undefined) {
    const error: DomainError = {
      code: 'invalid-choice',
      field,
      message: `${label}: pick the product from the protocol's list.`,
      messageNl: `${labelNl}: kies het product uit de lijst van het protocol.`,
    };
    return {
      field,
      status: 'invalid',
      expected: expectedId,
      entered: typeof entered === 'string' ? entered : null,
      suspected: [],
      error,
      message: error.message,
      messageNl: error.messageNl ?? error.message,
    };
  }
  if (picked.id === expectedId) {
    return {
      field,
      status: 'match',
      expected: expectedId,
      entered: picked.id,
      suspected: [],
      error: null,
      message: `${label}: ${expectedName} matches the plan.`,
      messageNl: `${labelNl}: ${expectedName} komt overeen met het plan.`,
    };
  }
  const suspected: Suspicion[] = ['wrong-product'];
  if (picked.concentrationMgPerMl !== expected?.concentrationMgPerMl)
    suspected.push('wrong-concentration');
  return {
    field,
    status: 'mismatch',
    expected: expectedId,
    entered: picked.id,
    suspected,
    error: null,
    message: `${label}: plan ${expectedName}, second check picked ${picked.name}. Check the vial in hand against the plan before anything is drawn up.`,
    messageNl: `${labelNl}: plan ${expectedName}, tweede controle koos ${picked.name}. Vergelijk de flacon in de hand met het plan voor er iets wordt opgetrokken.`,
  };
}

/**
 * Compares the second checker's entry with the plan. Rates in mL/h, at most 1 decimal (the
 * pump's 0.1 mL/h resolution); match means equal to the plan's pump entry value. `protocol`
 * supplies the product lists (names, and the concentrations behind a wrong-concentration
 * suspicion). Returns an error only when the plan itself has no valid pump entry.
 */
export function compareDoubleCheck(
  plan: DosePlan,
  entry: DoubleCheckEntry,
  protocol: ProtocolDefinition,
): Result<DoubleCheckReport> {
  const pump = pumpEntriesForPlan(plan);
  if (!pump.ok) return pump;
  const propConcs = protocol.propofol.products.map((p) => p.concentrationMgPerMl);
  const ketConcs = protocol.ketamine.products.map((p) => p.concentrationMgPerMl);
  // Rate the entry would be if calculated for another product of the same drug.
  const propofolOther = propConcs
    .filter((c) => c !== plan.propofolProductConcentrationMgPerMl)
    .map((c) => plan.propofolRateMgPerH / c);
  const ketamineOther = ketConcs
    .filter((c) => c !== plan.ketamineProductConcentrationMgPerMl)
    .map((c) => plan.ketamineRateMgPerH / c);
  const ketamineStock = ketConcs.map((c) => plan.ketamineRateMgPerH / c);

  const fields: FieldCheck[] = [
    compareRate(
      'ketaminePumpRateMlPerH',
      'Ketamine pump rate',
      'Pompdebiet ketamine',
      entry.ketaminePumpRateMlPerH,
      pump.value.ketamine.tenthsMlPerH,
      plan.ketaminePumpRateMlPerH,
      plan.ketamineRateMgPerH,
      ketamineOther,
      ketamineStock,
    ),
    compareRate(
      'propofolPumpRateMlPerH',
      'Propofol pump rate',
      'Pompdebiet propofol',
      entry.propofolPumpRateMlPerH,
      pump.value.propofol.tenthsMlPerH,
      plan.propofolPumpRateMlPerH,
      plan.propofolRateMgPerH,
      propofolOther,
      [],
    ),
    compareProduct(
      'ketamineProductId',
      'Ketamine product',
      'Ketamineproduct',
      plan.ketamineProductId,
      entry.ketamineProductId,
      protocol.ketamine.products,
    ),
    compareProduct(
      'propofolProductId',
      'Propofol product',
      'Propofolproduct',
      plan.propofolProductId,
      entry.propofolProductId,
      protocol.propofol.products,
    ),
  ];
  return ok({ matches: fields.every((f) => f.status === 'match'), fields });
}
