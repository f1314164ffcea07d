/**
 * THE one rounding rule of the app (protocol.md section 3: "Round only for display and pump
 * entry, by one documented rule (pump entry: 0.1 mL/h), never in stored values").
 *
 * Rule: a planned rate in mL/h is rounded to the pump's 0.1 mL/h resolution, **half away from
 * zero**, applied to the number's shortest decimal representation (the digits a person would
 * read, e.g. 12.25 -> 12.3, 1.45 -> 1.5, 12.5 -> 12.5, 7 -> 7.0) and computed in integer
 * tenths of a mL/h. Working on the digits rather than on binary floats avoids their traps:
 * 1.15 is stored as 1.14999..., so `toFixed(1)` gives 1.1 (the rule gives 1.2), and
 * 54.849999999999994 x 10 becomes 548.5 in binary, so `Math.round(x * 10)` gives 54.9 for a
 * value below 54.85 (the rule gives 54.8).
 * Rates are always positive, so "away from zero" means "up" at exactly .x5.
 *
 * The rounded value is only what is typed into the pump; the plan keeps the unrounded rate.
 * Rounding is never silent: every entry carries `deltaPercent`, and a change larger than
 * PUMP_ROUNDING_NOTICE_PERCENT comes with a notice for the screen.
 * mg/h values (e.g. 18.75 mg/h) are never rounded here: they are shown, not entered.
 */
import { fail, ok, type Result } from './result.ts';
import { mlPerH, type MlPerH } from './units.ts';
import type { DosePlan } from './dosing.ts';

/** Pump resolution, in mL/h (smart syringe and volumetric pumps: 0.1 mL/h). */
export const PUMP_RESOLUTION_ML_PER_H = 0.1;
/** Rounding that changes the delivered rate by more than this (in %) is shown to the nurse. */
export const PUMP_ROUNDING_NOTICE_PERCENT = 1;
/**
 * Highest rate any infusion pump in use accepts, in mL/h. Above it the value is not a pump
 * rate (it also keeps the integer-tenths arithmetic exact).
 */
export const PUMP_MAX_ML_PER_H = 9999.9;

export type PumpEntry = {
  /** What to type into the pump: a multiple of 0.1 mL/h. */
  readonly valueMlPerH: MlPerH;
  /** The same value as an integer number of tenths of a mL/h (exact, for comparisons). */
  readonly tenthsMlPerH: number;
  /** The unrounded planned rate, in mL/h. */
  readonly roundedFrom: MlPerH;
  /** (entered - planned) / planned x 100, in %; 0 when nothing was rounded. */
  readonly deltaPercent: number;
  /** Set when |deltaPercent| > the notice threshold: the screen must show it. */
  readonly notice: string | null;
};

/**
 * Rounds a planned pump rate (mL/h, positive, finite, at most PUMP_MAX_ML_PER_H) to the pump
 * entry value by the rule above. Refuses a rate that is not a positive finite number, above
 * the pump maximum, or that rounds to 0.0 mL/h (it cannot be delivered as planned).
 */
export function pumpEntryMlPerH(
  rate: MlPerH,
  field = 'rateMlPerH',
  noticeAbovePercent = PUMP_ROUNDING_NOTICE_PERCENT,
): Result<PumpEntry> {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    // Describe the value without String(): an arbitrary object can make String() throw.
    const shown = typeof rate === 'number' ? String(rate) : typeof rate;
    return fail(
      'implausible',
      field,
      `The planned pump rate is not a positive number (${shown}); recalculate the dose plan.`,
      `De geplande pompsnelheid is geen positief getal (${shown}); bereken het dosisplan opnieuw.`,
    );
  }
  if (rate > PUMP_MAX_ML_PER_H) {
    return fail(
      'implausible',
      field,
      `${rate} mL/h is above what an infusion pump accepts (${PUMP_MAX_ML_PER_H} mL/h); recalculate the dose plan.`,
      `${rate} mL/h ligt boven wat een infuuspomp aanvaardt (${PUMP_MAX_ML_PER_H} mL/h); bereken het dosisplan opnieuw.`,
    );
  }
  const tenths = roundHalfAwayFromZeroToTenths(rate);
  if (tenths === 0) {
    return fail(
      'implausible',
      field,
      `${rate} mL/h rounds to 0.0 mL/h at the pump's 0.1 mL/h resolution and cannot be delivered; ask the anesthesiologist.`,
      `${rate} mL/h wordt afgerond tot 0.0 mL/h bij de resolutie van de pomp (0.1 mL/h) en kan niet toegediend worden; overleg met de anesthesist.`,
    );
  }
  const value = tenths / 10;
  const deltaPercent = ((value - rate) / rate) * 100;
  const notice =
    Math.abs(deltaPercent) > noticeAbovePercent
      ? `Pump entry ${value.toFixed(1)} mL/h differs from the planned ${rate} mL/h by ${deltaPercent.toFixed(1)} % because the pump takes 0.1 mL/h steps; the anesthesiologist should confirm.`
      : null;
  return ok({
    valueMlPerH: mlPerH(value),
    tenthsMlPerH: tenths,
    roundedFrom: rate,
    deltaPercent,
    notice,
  });
}

/**
 * Integer tenths of a positive finite number, rounded half away from zero on its shortest
 * decimal digits. Exported for tests and for double-check comparisons.
 */
export function roundHalfAwayFromZeroToTenths(x: number): number {
  const negative = x < 0;
  const text = String(Math.abs(x));
  let tenths: number;
  if (text.includes('e-')) {
    // Below 1e-6: far under 0.05, rounds to 0 tenths.
    tenths = 0;
  } else if (text.includes('e+')) {
    // At or above 1e21 the number is an integer already.
    tenths = Math.abs(x) * 10;
  } else {
    const [whole = '0', fraction = ''] = text.split('.');
    const tenthDigit = Number(fraction[0] ?? '0');
    const hundredthDigit = Number(fraction[1] ?? '0');
    tenths = Number(whole) * 10 + tenthDigit + (hundredthDigit >= 5 ? 1 : 0);
  }
  return negative ? -tenths : tenths;
}

export type PlanPumpEntries = {
  readonly ketamine: PumpEntry;
  readonly propofol: PumpEntry;
};

/** Both pump entries of a dose plan (ketamine prepared syringe, propofol), by the rule above. */
export function pumpEntriesForPlan(plan: DosePlan): Result<PlanPumpEntries> {
  const ketamine = pumpEntryMlPerH(plan.ketaminePumpRateMlPerH, 'ketaminePumpRateMlPerH');
  if (!ketamine.ok) return ketamine;
  const propofol = pumpEntryMlPerH(plan.propofolPumpRateMlPerH, 'propofolPumpRateMlPerH');
  if (!propofol.ok) return propofol;
  return ok({ ketamine: ketamine.value, propofol: propofol.value });
}
