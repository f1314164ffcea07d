/**
 * Patient plans for a center of any size (benchmarks): the study's proportions as
 * probabilities (paper: 13/74 excluded, 16/61 lost after the test dose, of the per-protocol
 * 6/45 stop after the first full dose, 8/45 after three), continuing patients treated about
 * monthly for a geometric number of further sessions (mean ~21), side effects at low rates
 * per administration, and a few protocol deviations, abandoned sessions and liver elevations
 * so every branch of the registry is exercised.
 */
import { PAIN_TYPES, type DiscontinuationReason, type SideEffectId } from '../records.ts';
import { addDays } from './calendar.ts';
import type { PatientPlan, PlannedSideEffect, SideEffectResponse } from './plan.ts';
import {
  PLAN_DEFAULTS,
  birthDateForAge,
  dayBetween,
  fittingAdministrations,
  opinionsFor,
  usualWeightKg,
} from './plan-helpers.ts';
import { oneDecimal, pick, randInt, type Prng } from './prng.ts';

/** Per-administration probability of each side effect and the response used. */
const EFFECT_RATES: readonly [SideEffectId, number, SideEffectResponse][] = [
  ['nausea', 0.004, 'ondansetron'],
  ['dizziness', 0.006, 'observe'],
  ['hallucinations', 0.004, 'midazolam'],
  ['nightmares-dysphoria', 0.0015, 'propofol-bolus'],
  ['delirium', 0.0005, 'pause'],
  ['hypertension', 0.002, 'observe'],
  ['sialorrhea', 0.001, 'observe'],
  ['intolerance', 0.002, 'stop-session'],
];

const MEAN_EXTRA_SESSIONS = 21;

function geometric(rng: Prng, mean: number): number {
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - 1 / (mean + 1)));
}

function reasonFor(rng: Prng): DiscontinuationReason {
  const u = rng();
  return u < 0.7 ? 'lack-of-effect' : u < 0.85 ? 'side-effects' : 'other';
}

/** One random patient whose first session is between `from` and `lastFirst`, data until `end`. */
export function randomPlan(
  rng: Prng,
  window: { readonly from: string; readonly lastFirst: string; readonly end: string },
): PatientPlan {
  const first = dayBetween(rng, window.from, window.lastFirst);
  const u = rng();
  const kind =
    u < 0.135
      ? 'elsewhere'
      : u < 0.16
        ? 'minor'
        : u < 0.175
          ? 'oncologic'
          : u < 0.391
            ? 'lost'
            : 'treated';
  const fit = fittingAdministrations(first, window.end, 28);
  const v = rng();
  const stage = kind === 'lost' ? 1 : v < 0.133 ? 2 : v < 0.311 ? 3 : 0;
  const administrations = Math.min(
    fit,
    stage > 0 ? stage : 4 + geometric(rng, MEAN_EXTRA_SESSIONS),
  );
  const favorable = rng() < 0.5;
  const final =
    stage === 1 ? null : favorable ? oneDecimal(50 + rng() * 45) : oneDecimal(rng() * 49);
  const stops = stage === 2 || stage === 3 || (stage === 0 && administrations < fit && rng() < 0.5);
  const reason = stops ? (favorable ? 'other' : reasonFor(rng)) : null;
  const sideEffects: PlannedSideEffect[] = [];
  for (let i = 0; i < administrations; i++) {
    for (const [effect, rate, response] of EFFECT_RATES)
      if (rng() < rate) sideEffects.push({ administration: i, effect, response });
  }
  const sex = rng() < 0.25 ? 'male' : 'female';
  const prior = kind === 'elsewhere' ? randInt(rng, 2, 12) : 0;
  return {
    ...PLAN_DEFAULTS,
    number: '',
    sex,
    birthDate: birthDateForAge(
      rng,
      first,
      kind === 'minor' ? randInt(rng, 15, 17) : randInt(rng, 22, 84),
    ),
    baselineNrs: Math.min(10, Math.max(2, Math.round(7 + (rng() + rng() + rng() - 1.5) * 3))),
    painOpinions: opinionsFor(rng, pick(rng, PAIN_TYPES)),
    nonOncologic: kind !== 'oncologic',
    weightKg: usualWeightKg(rng, sex),
    course: {
      startedOn: kind === 'elsewhere' ? addDays(first, -randInt(rng, 90, 1500)) : first,
      startedHere: kind !== 'elsewhere',
      priorAdministrations: prior,
    },
    firstSessionOn: first,
    administrations,
    finalImprovementPercent: final,
    discontinuation:
      reason === null
        ? null
        : {
            reason,
            afterAdministrations: administrations,
            ...(reason === 'other' ? { text: 'Stopped for personal reasons.' } : {}),
          },
    testDoseNotTolerated: sideEffects.some(
      (e) => e.administration === 0 && e.response === 'stop-session',
    ),
    sideEffects,
    liverElevation:
      administrations > 8 && rng() < 0.01
        ? { ggtUPerL: randInt(rng, 37, 80), ggtUlnUPerL: 36 }
        : null,
    deviations: administrations >= 3 && rng() < 0.02 ? [randInt(rng, 1, administrations - 1)] : [],
    abandonedBefore: Array.from({ length: administrations }, (_, i) => i).filter(
      () => rng() < 0.01,
    ),
  };
}
