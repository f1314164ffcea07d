/**
 * Units travel with every number. Each quantity is a branded number so that mg can never be
 * passed where mL is expected; values are created only through the parse/convert functions
 * below (or `unsafe*` constructors for protocol constants written in this repository).
 * Stored record fields carry their unit in their name (`weightKg`, `rateMlPerH`) because
 * stored rows outlive these types. Nothing here rounds: rounding happens once, at the display
 * or pump-entry edge (see `pump-entry.ts`).
 */
import { fail, type Result } from './result.ts';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Mg = Brand<number, 'mg'>;
export type Ml = Brand<number, 'mL'>;
export type Kg = Brand<number, 'kg'>;
export type Hours = Brand<number, 'h'>;
export type Minutes = Brand<number, 'min'>;
export type MgPerH = Brand<number, 'mg/h'>;
export type MlPerH = Brand<number, 'mL/h'>;
export type MgPerKgPerH = Brand<number, 'mg/kg/h'>;
export type MgPerKg = Brand<number, 'mg/kg'>;
export type MgPerMl = Brand<number, 'mg/mL'>;

/** UCUM codes (protocol.md section 9) for every unit the app stores or exports. */
export const UCUM = {
  mg: 'mg',
  mL: 'mL',
  kg: 'kg',
  h: 'h',
  min: 'min',
  'mg/h': 'mg/h',
  'mL/h': 'mL/h',
  'mg/kg/h': 'mg/kg/h',
  'mg/kg': 'mg/kg',
  'mg/mL': 'mg/mL',
  mmHg: 'mm[Hg]',
  perMin: '/min',
  percent: '%',
} as const;

// Constructors for literals written in this repository (protocol data, tests). Input from a
// person never goes through these: it goes through `parseQuantity`.
export const mg = (n: number) => n as Mg;
export const ml = (n: number) => n as Ml;
export const kg = (n: number) => n as Kg;
export const hours = (n: number) => n as Hours;
export const minutes = (n: number) => n as Minutes;
export const mgPerH = (n: number) => n as MgPerH;
export const mlPerH = (n: number) => n as MlPerH;
export const mgPerKgPerH = (n: number) => n as MgPerKgPerH;
export const mgPerMl = (n: number) => n as MgPerMl;

// Named conversions: the only way one unit becomes another.
/** mg over h -> mg/h. `duration` must be > 0 (guaranteed by protocol validation). */
export const mgPerHourFrom = (dose: Mg, duration: Hours) => (dose / duration) as MgPerH;
/** mg/h divided by kg -> mg/kg/h. */
export const mgPerKgPerHourFrom = (rate: MgPerH, weight: Kg) => (rate / weight) as MgPerKgPerH;
/** mg/kg/h times kg -> mg/h. */
export const mgPerHourForWeight = (rate: MgPerKgPerH, weight: Kg) => (rate * weight) as MgPerH;
/** mg at a concentration in mg/mL -> mL. */
export const mlOf = (dose: Mg, concentration: MgPerMl) => (dose / concentration) as Ml;
/** mg/h at a concentration in mg/mL -> mL/h. */
export const mlPerHourOf = (rate: MgPerH, concentration: MgPerMl) =>
  (rate / concentration) as MlPerH;
/** mL/h at a concentration in mg/mL -> mg/h. */
export const mgPerHourOfMl = (rate: MlPerH, concentration: MgPerMl) =>
  (rate * concentration) as MgPerH;
/** mL over h -> mL/h. */
export const mlPerHourFrom = (volume: Ml, duration: Hours) => (volume / duration) as MlPerH;
/** mg in mL -> mg/mL. */
export const concentrationOf = (dose: Mg, volume: Ml) => (dose / volume) as MgPerMl;
/** mg/h over h -> mg. */
export const mgOver = (rate: MgPerH, duration: Hours) => (rate * duration) as Mg;
/** mL/h over h -> mL. */
export const mlOver = (rate: MlPerH, duration: Hours) => (rate * duration) as Ml;
export const hoursFromMinutes = (m: Minutes) => (m / 60) as Hours;
export const minutesFromHours = (h: Hours) => (h * 60) as Minutes;
export const minutesFromMs = (ms: number) => (ms / 60_000) as Minutes;

export type ParseQuantityOptions = {
  /** Field name used in the error, e.g. `weightKg`. */
  readonly field: string;
  /** Human label used in the message, e.g. "Weight". */
  readonly label: string;
  /** The label in Dutch (nl-BE) for the Dutch message, e.g. "Gewicht"; defaults to `label`. */
  readonly labelNl?: string;
  /** Unit shown in the message, e.g. "kg". */
  readonly unit: string;
  /** The unit in Dutch when it is a word (e.g. "sessies"); defaults to `unit`. */
  readonly unitNl?: string;
  readonly allowZero?: boolean;
  readonly integer?: boolean;
  /** Maximum decimals accepted; more is refused, never rounded. */
  readonly maxDecimals?: number;
};

/**
 * Parses what a person typed (or a number from a form) into a finite number, accepting a
 * decimal comma as well as a point (nl-BE keyboards). Refuses empty input, NaN, Infinity,
 * thousands separators, units typed into the field, negatives, zero (unless allowed),
 * non-integers when an integer is required and more decimals than allowed, each with a
 * specific message. Never rounds.
 */
export function parseQuantity(input: unknown, options: ParseQuantityOptions): Result<number> {
  const { field, label, unit } = options;
  const labelNl = options.labelNl ?? label;
  const unitNl = options.unitNl ?? unit;
  let value: number;
  if (typeof input === 'number') {
    value = input;
  } else if (typeof input === 'string') {
    const trimmed = input.trim();
    if (trimmed === '')
      return fail(
        'required',
        field,
        `${label} is required (in ${unit}).`,
        `${labelNl} is verplicht (in ${unitNl}).`,
      );
    const normalized = trimmed.replace(',', '.');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) {
      return fail(
        'not-a-number',
        field,
        `${label} "${trimmed}" is not a number. Type digits only, in ${unit}, with one decimal comma or point.`,
        `${labelNl} "${trimmed}" is geen getal. Typ alleen cijfers, in ${unitNl}, met één komma of punt als decimaalteken.`,
      );
    }
    value = Number(normalized);
  } else if (input === null || input === undefined) {
    return fail(
      'required',
      field,
      `${label} is required (in ${unit}).`,
      `${labelNl} is verplicht (in ${unitNl}).`,
    );
  } else {
    return fail('not-a-number', field, `${label} is not a number.`, `${labelNl} is geen getal.`);
  }
  if (Number.isNaN(value))
    return fail('not-a-number', field, `${label} is not a number.`, `${labelNl} is geen getal.`);
  if (!Number.isFinite(value))
    return fail(
      'not-finite',
      field,
      `${label} must be a finite number.`,
      `${labelNl} moet een eindig getal zijn.`,
    );
  if (value < 0)
    return fail(
      'negative',
      field,
      `${label} cannot be negative.`,
      `${labelNl} kan niet negatief zijn.`,
    );
  if (value === 0 && !options.allowZero) {
    return fail(
      'not-positive',
      field,
      `${label} must be more than 0 ${unit}.`,
      `${labelNl} moet meer dan 0 ${unitNl} zijn.`,
    );
  }
  if (options.integer && !Number.isInteger(value)) {
    return fail(
      'not-an-integer',
      field,
      `${label} must be a whole number of ${unit}.`,
      `${labelNl} moet een geheel getal zijn (in ${unitNl}).`,
    );
  }
  if (options.maxDecimals !== undefined && decimalsOf(value) > options.maxDecimals) {
    return fail(
      'too-many-decimals',
      field,
      `${label} has more than ${options.maxDecimals} decimal${options.maxDecimals === 1 ? '' : 's'}; enter it as measured, nothing is rounded for you.`,
      `${labelNl} heeft meer dan ${options.maxDecimals} ${options.maxDecimals === 1 ? 'cijfer' : 'cijfers'} na de komma; vul de waarde in zoals gemeten, er wordt niets voor u afgerond.`,
    );
  }
  return { ok: true, value };
}

/** Number of decimals in the shortest representation of a finite number. */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e-')) {
    const [mantissa = '', exponent = '0'] = text.split('e-');
    return (mantissa.split('.')[1]?.length ?? 0) + Number(exponent);
  }
  return text.split('.')[1]?.length ?? 0;
}
