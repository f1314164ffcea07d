/**
 * The one rounding rule of the statistics: for display only, never before a further
 * calculation. Round half away from zero at the given number of decimals, applied to the
 * number's decimal value (15 significant digits) rather than its binary value, so 1.005 at 2
 * decimals shows 1.01 as a person (and SPSS output) expects, not 1.00 as `toFixed` gives.
 * Reported precision in the paper: percentages 1 decimal (51.1 %), means and CIs 2 decimals
 * (43.85, 35.54-52.15), ORs 3 decimals (0.975), p-values 3 decimals (0.280).
 */
import { statsFail, statsOk, type StatsResult } from './errors.ts';

/** Rounds `value` half away from zero to `decimals` (0..12) for display. Unit unchanged. */
export function roundForDisplay(value: number, decimals: number): StatsResult<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return statsFail(
      'not-finite',
      'value',
      `Only a finite number can be shown, got ${String(value)}.`,
      `Alleen een eindig getal kan getoond worden, niet ${String(value)}.`,
    );
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    return statsFail(
      'out-of-range',
      'decimals',
      `Decimals must be a whole number from 0 to 12, got ${String(decimals)}.`,
      `Het aantal decimalen moet een geheel getal van 0 tot en met 12 zijn, niet ${String(decimals)}.`,
    );
  }
  const factor = 10 ** decimals;
  const magnitude = Math.abs(value);
  // Scaled value re-read at 15 significant digits: 1.005 * 100 = 100.49999999999999 -> 100.5.
  const scaled = Number((magnitude * factor).toPrecision(15));
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return statsOk(value); // nothing left to round
  const rounded = Math.round(scaled) / factor; // scaled >= 0, so .5 goes up = away from zero
  return statsOk(value < 0 && rounded !== 0 ? -rounded : rounded);
}
