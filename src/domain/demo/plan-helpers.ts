/**
 * Helpers shared by the study center and the scalable center plans: birth dates for an exact
 * age, pain-type opinions (sometimes disagreeing, then decided by the external physician),
 * weights, session days within a window.
 */
import { PAIN_TYPES, type PainType } from '../records.ts';
import { addDays, addMonths, ageOn, daysBetween, weekday } from './calendar.ts';
import type { PatientPlan } from './plan.ts';
import { normal, oneDecimal, pick, randInt, type Prng } from './prng.ts';

/** A birth date such that the age on `on` is exactly `age` whole years. */
export function birthDateForAge(rng: Prng, on: string, age: number): string {
  const birth = addDays(addMonths(on, -12 * (age + 1)), randInt(rng, 1, 364));
  return ageOn(birth, on) === age ? birth : addDays(birth, 1); // a leap day can shift it by one
}

/** Two physicians' opinions (and the external one when they disagree) that resolve to `type`. */
export function opinionsFor(
  rng: Prng,
  type: PainType,
  disagreeShare = 0.15,
): PatientPlan['painOpinions'] {
  if (rng() >= disagreeShare) return { physician1: type, physician2: type };
  const other = pick(
    rng,
    PAIN_TYPES.filter((t) => t !== type),
  );
  return rng() < 0.5
    ? { physician1: type, physician2: other, external: type }
    : { physician1: other, physician2: type, external: type };
}

/** A usual body weight in kg, one decimal, inside the soft limits (40-150 kg). */
export const usualWeightKg = (rng: Prng, sex: 'female' | 'male'): number =>
  oneDecimal(Math.min(125, Math.max(48, normal(rng, sex === 'female' ? 70 : 84, 13))));

/** A weekday uniformly between two dates (inclusive of `from`). */
export const dayBetween = (rng: Prng, from: string, to: string): string =>
  weekday(addDays(from, randInt(rng, 0, Math.max(0, daysBetween(from, to) - 3))));

/** Most administrations that fit between `first` and `end` at `intervalDays` (+3 jitter, +2 weekend). */
export const fittingAdministrations = (first: string, end: string, intervalDays: number): number =>
  Math.max(1, Math.floor(daysBetween(first, end) / (intervalDays + 5)) + 1);

/** Plan fields that are the same for everyone unless a scenario says otherwise. */
export const PLAN_DEFAULTS = {
  intervalDays: 28,
  testDoseNotTolerated: false,
  sideEffects: [],
  liverElevation: null,
  deviations: [],
  abandonedBefore: [],
  discontinuation: null,
  nonOncologic: true,
} as const;
