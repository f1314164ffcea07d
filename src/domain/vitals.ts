/**
 * One set of bedside vital signs as typed by the nurse (protocol.md section 4: BP, HR, SpO2;
 * RR optional), parsed from what the tablet keyboard gives (decimal comma or point).
 *
 * The bounds below are ENTRY PLAUSIBILITY bounds, not alert thresholds (those are in
 * settings.ts and applied by monitoring.ts). They answer one question: "can this number have
 * been read off a monitor attached to a seated adult?" They are wide enough to hold every real
 * reading a nurse would type at the chair, and narrow enough to catch the typing errors we
 * design against: an extra digit (HR 72 -> 720, SBP 120 -> 1200, SpO2 98 -> 980), a lost digit
 * (SpO2 98 -> 9, HR 110 -> 11, DBP 80 -> 8) and systolic/diastolic swapped (DBP must be below
 * SBP). A value outside them is refused, never clamped: the message tells the nurse to
 * re-read the monitor and, if the monitor really shows it, to call the anesthesiologist now
 * (a patient with such a reading needs a clinician, not a form).
 *
 * All five are whole numbers: monitors display BP in mmHg, HR and RR per minute and SpO2 in %
 * without decimals, so a decimal here is a typing error (e.g. "9,8" for 98), not precision.
 */
import { fail, ok, type Result } from './result.ts';
import { parseQuantity } from './units.ts';

export type Vitals = {
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
  readonly heartRatePerMin: number;
  readonly spo2Percent: number;
  /** Optional at the bedside (protocol.md section 4, pre-checks: "RR optional"). */
  readonly respiratoryRatePerMin: number | null;
};

export type VitalField = keyof Vitals;

/** What a form hands over: strings from inputs, or numbers (e.g. re-checking a stored row). */
export type VitalsInput = { readonly [K in VitalField]?: unknown };

export type VitalBounds = {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  readonly labelNl: string;
  /** Unit as shown on screen; UCUM code in `ucum`. */
  readonly unit: string;
  readonly ucum: string;
  /** LOINC code, protocol.md section 9. */
  readonly loinc: string;
};

/** Entry plausibility bounds, inclusive. See the file header for why these and not others. */
export const VITAL_ENTRY_BOUNDS: { readonly [K in VitalField]: VitalBounds } = Object.freeze({
  systolicMmHg: {
    min: 40,
    max: 300,
    label: 'Systolic blood pressure',
    labelNl: 'Systolische bloeddruk',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
    loinc: '8480-6',
  },
  diastolicMmHg: {
    min: 20,
    max: 200,
    label: 'Diastolic blood pressure',
    labelNl: 'Diastolische bloeddruk',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
    loinc: '8462-4',
  },
  heartRatePerMin: {
    min: 20,
    max: 250,
    label: 'Heart rate',
    labelNl: 'Hartslag',
    unit: '/min',
    ucum: '/min',
    loinc: '8867-4',
  },
  spo2Percent: {
    min: 50,
    max: 100,
    label: 'SpO2',
    labelNl: 'SpO2',
    unit: '%',
    ucum: '%',
    loinc: '59408-5',
  },
  respiratoryRatePerMin: {
    min: 2,
    max: 60,
    label: 'Respiratory rate',
    labelNl: 'Ademhalingsfrequentie',
    unit: '/min',
    ucum: '/min',
    loinc: '9279-1',
  },
});

/** LOINC vital-signs panel, protocol.md section 9. */
export const VITAL_SIGNS_PANEL_LOINC = '85353-1';

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Parses one vital: a whole number within its entry plausibility bounds (inclusive).
 * Returns a Result naming the field; never rounds or clamps.
 */
export function parseVital(field: VitalField, input: unknown): Result<number> {
  const b = VITAL_ENTRY_BOUNDS[field];
  const parsed = parseQuantity(input, {
    field,
    label: b.label,
    labelNl: b.labelNl,
    unit: b.unit,
    integer: true,
  });
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value < b.min || value > b.max) {
    return fail(
      'implausible',
      field,
      `${b.label} ${value} ${b.unit} is outside what a monitor can show for a patient in the chair (${b.min}-${b.max} ${b.unit}). ` +
        'Read the monitor again and re-type it; if the monitor really shows this, call the anesthesiologist now.',
      `${b.labelNl} ${value} ${b.unit} ligt buiten wat een monitor kan tonen voor een patiënt in de stoel (${b.min}-${b.max} ${b.unit}). ` +
        'Lees de monitor opnieuw af en typ de waarde opnieuw; als de monitor dit echt toont, verwittig dan nu de anesthesist.',
    );
  }
  return ok(value);
}

/**
 * Parses a full vitals entry (protocol.md section 4). SBP, DBP, HR and SpO2 are required, RR
 * may be left empty (null). Diastolic must be below systolic (equal or above means the two
 * were swapped or mistyped). Units: mmHg, /min, %. Also used to re-check a stored `Vitals`.
 */
export function parseVitals(input: VitalsInput): Result<Vitals> {
  const sbp = parseVital('systolicMmHg', input.systolicMmHg);
  if (!sbp.ok) return sbp;
  const dbp = parseVital('diastolicMmHg', input.diastolicMmHg);
  if (!dbp.ok) return dbp;
  const hr = parseVital('heartRatePerMin', input.heartRatePerMin);
  if (!hr.ok) return hr;
  const spo2 = parseVital('spo2Percent', input.spo2Percent);
  if (!spo2.ok) return spo2;
  let rr: number | null = null;
  if (!isBlank(input.respiratoryRatePerMin)) {
    const parsed = parseVital('respiratoryRatePerMin', input.respiratoryRatePerMin);
    if (!parsed.ok) return parsed;
    rr = parsed.value;
  }
  if (dbp.value >= sbp.value) {
    return fail(
      'implausible',
      'diastolicMmHg',
      `Diastolic ${dbp.value} mmHg is not below systolic ${sbp.value} mmHg. Check that the two were not swapped and re-type them.`,
      `De diastolische druk ${dbp.value} mmHg ligt niet onder de systolische druk ${sbp.value} mmHg. Controleer of de twee niet verwisseld werden en typ ze opnieuw.`,
    );
  }
  return ok({
    systolicMmHg: sbp.value,
    diastolicMmHg: dbp.value,
    heartRatePerMin: hr.value,
    spo2Percent: spo2.value,
    respiratoryRatePerMin: rr,
  });
}
