/**
 * Today's weight, in kg only (protocol.md section 3, safety limits: "weight: kg only, measured
 * on the day; hard 30-300 kg; soft below 40 or above 150 kg"). Known real error designed
 * against: weight in lb or g taken as kg. Nothing is converted for the nurse: a value that
 * looks like pounds or grams is refused with the conversion shown, and the patient is weighed
 * again in kg.
 *
 * Bands, derived from the center's hard limits (defaults 30-300 kg), checked in this order:
 * - value < hard min (30)                                  -> below-hard-limit
 * - hard max < value <= hard max / 0.45359237 (661.4)      -> looks-like-pounds (every lb value
 *   whose kg equivalent is above the hard max; 154 lb is in range as kg and so meets the soft
 *   limit instead, whose message asks to check the scale unit)
 * - hard min x 1000 <= value <= hard max x 1000 (30,000-300,000) -> looks-like-grams
 * - any other value above hard max (661.4-30,000, > 300,000) -> above-hard-limit
 * - more than 1 decimal (scale resolution 0.1 kg)           -> too-many-decimals (not rounded)
 * - value < soft min (40) or > soft max (150)               -> ok, with `softLimit` that needs a
 *   named override with a reason (limits.ts) before the plan can proceed
 * - measured more than `weightMaxAgeHours` before now        -> stale ("weigh the patient today")
 */
import { fail, ok, type Result } from './result.ts';
import type { DoseLimits } from './settings.ts';
import { decimalsOf, kg, parseQuantity, type Kg } from './units.ts';

/** International avoirdupois pound, in kg (exact by definition). */
export const KG_PER_LB = 0.45359237;
/** Scale resolution: weights are entered with at most this many decimals. */
export const WEIGHT_MAX_DECIMALS = 1;
/** A weighing time this far after `now` is tolerated as clock skew between devices, in min. */
export const WEIGHT_FUTURE_SKEW_MIN = 5;

export type WeightSoftLimit = {
  readonly kind: 'weight-low' | 'weight-high';
  readonly message: string;
};

export type ValidWeight = {
  readonly weightKg: Kg;
  /** ISO 8601 instant of the weighing. */
  readonly measuredAt: string;
  /** Non-null when the weight is outside the soft limits: needs a named override. */
  readonly softLimit: WeightSoftLimit | null;
};

const FIELD = 'weightKg';
const show = (n: number) => n.toFixed(1);

/**
 * Validates today's weight in kg (see the bands above) and its weighing time.
 * `measuredAt` and `now` are instants (Date or ISO 8601 string); the weight must have been
 * measured at most `limits.weightMaxAgeHours` hours before `now` (boundary included).
 */
export function validateWeightKg(
  input: unknown,
  limits: DoseLimits,
  measuredAt: Date | string,
  now: Date | string,
): Result<ValidWeight> {
  const parsed = parseQuantity(input, {
    field: FIELD,
    label: 'Weight',
    labelNl: 'Gewicht',
    unit: 'kg',
  });
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const { weightHardMinKg: hardMin, weightHardMaxKg: hardMax } = limits;

  if (value < hardMin) {
    return fail(
      'below-hard-limit',
      FIELD,
      `Weight ${value} kg is below the hard limit of ${hardMin} kg; no dose plan can be made. Weigh the patient again in kg; if the weight is right, call the anesthesiologist.`,
      `Gewicht ${value} kg ligt onder de harde grens van ${hardMin} kg; er kan geen dosisplan gemaakt worden. Weeg de patiënt opnieuw in kg; als het gewicht klopt, verwittig dan de anesthesist.`,
    );
  }
  if (value > hardMax) {
    if (value <= hardMax / KG_PER_LB) {
      return fail(
        'looks-like-pounds',
        FIELD,
        `Weight ${value} looks like pounds: ${value} lb is ${show(value * KG_PER_LB)} kg. Weigh the patient again with the scale set to kg and enter kg.`,
        `Gewicht ${value} lijkt in pond te zijn: ${value} lb is ${show(value * KG_PER_LB)} kg. Weeg de patiënt opnieuw met de weegschaal ingesteld op kg en vul kg in.`,
      );
    }
    if (value >= hardMin * 1000 && value <= hardMax * 1000) {
      return fail(
        'looks-like-grams',
        FIELD,
        `Weight ${value} looks like grams: ${value} g is ${show(value / 1000)} kg. Enter the weight in kg.`,
        `Gewicht ${value} lijkt in gram te zijn: ${value} g is ${show(value / 1000)} kg. Vul het gewicht in kg in.`,
      );
    }
    return fail(
      'above-hard-limit',
      FIELD,
      `Weight ${value} kg is above the hard limit of ${hardMax} kg; no dose plan can be made. Weigh the patient again in kg.`,
      `Gewicht ${value} kg ligt boven de harde grens van ${hardMax} kg; er kan geen dosisplan gemaakt worden. Weeg de patiënt opnieuw in kg.`,
    );
  }
  if (decimalsOf(value) > WEIGHT_MAX_DECIMALS) {
    return fail(
      'too-many-decimals',
      FIELD,
      `Weight ${value} kg has more than ${WEIGHT_MAX_DECIMALS} decimal; enter it as the scale shows it (0.1 kg), nothing is rounded for you.`,
      `Gewicht ${value} kg heeft meer dan ${WEIGHT_MAX_DECIMALS} cijfer na de komma; vul het in zoals de weegschaal het toont (0.1 kg), er wordt niets voor u afgerond.`,
    );
  }

  const times = checkWeighingTime(measuredAt, now, limits.weightMaxAgeHours);
  if (!times.ok) return times;

  return ok({
    weightKg: kg(value),
    measuredAt: times.value,
    softLimit: softLimitOf(value, limits),
  });
}

function softLimitOf(value: number, limits: DoseLimits): WeightSoftLimit | null {
  if (value < limits.weightSoftMinKg) {
    return {
      kind: 'weight-low',
      message: `Weight ${value} kg is below ${limits.weightSoftMinKg} kg. Check the weighing; proceeding needs a named override with a reason.`,
    };
  }
  if (value > limits.weightSoftMaxKg) {
    return {
      kind: 'weight-high',
      message: `Weight ${value} kg is above ${limits.weightSoftMaxKg} kg. Check the scale is set to kg (${value} lb would be ${show(value * KG_PER_LB)} kg); proceeding needs a named override with a reason.`,
    };
  }
  return null;
}

const toMs = (t: Date | string): number =>
  t instanceof Date ? t.getTime() : typeof t === 'string' ? Date.parse(t) : Number.NaN;

/** Returns the weighing instant as ISO 8601, or why it cannot be used. */
function checkWeighingTime(
  measuredAt: Date | string,
  now: Date | string,
  maxAgeHours: number,
): Result<string> {
  const measuredMs = toMs(measuredAt);
  const nowMs = toMs(now);
  if (!Number.isFinite(measuredMs)) {
    return fail(
      'invalid-date',
      'weightMeasuredAt',
      'The weighing time is missing or not a valid date and time; enter when the patient was weighed.',
      'Het tijdstip van wegen ontbreekt of is geen geldige datum en tijd; vul in wanneer de patiënt gewogen werd.',
    );
  }
  if (!Number.isFinite(nowMs)) {
    return fail(
      'invalid-date',
      'now',
      'The device clock gave no valid time; check the tablet date and time.',
      'De klok van het toestel gaf geen geldige tijd; controleer de datum en tijd van de tablet.',
    );
  }
  if (measuredMs - nowMs > WEIGHT_FUTURE_SKEW_MIN * 60_000) {
    return fail(
      'invalid-date',
      'weightMeasuredAt',
      'The weighing time is in the future; check the time entered and the tablet clock.',
      'Het tijdstip van wegen ligt in de toekomst; controleer het ingevoerde tijdstip en de klok van de tablet.',
    );
  }
  if (nowMs - measuredMs > maxAgeHours * 3_600_000) {
    return fail(
      'stale-measurement',
      'weightMeasuredAt',
      `This weight was measured more than ${maxAgeHours} h ago; weigh the patient today and enter the new weight in kg.`,
      `Dit gewicht werd meer dan ${maxAgeHours} h geleden gemeten; weeg de patiënt vandaag en vul het nieuwe gewicht in kg in.`,
    );
  }
  return ok(new Date(measuredMs).toISOString());
}
