/**
 * Modified Aldrete score for discharge readiness (protocol.md section 4, Discharge [default]:
 * ">= 9"). Source: Aldrete JA. The post-anesthesia recovery score revisited. J Clin Anesth
 * 1995;7(1):89-91 (SpO2 replaces the colour item of the 1970 score). Five items, 0-2 each,
 * total 0-10. Items are data so the screen shows the exact wording scored.
 *
 * Two gaps in the published wording are closed here, conservatively (never the higher score):
 * - SpO2 91-92 % on room air is neither "> 92 % on room air" (2) nor "needs O2": scored 1.
 * - SpO2 exactly 90 % is neither "> 90 %" (1) nor "< 90 %" (0): scored 0.
 * Circulation compares SYSTOLIC pressure with this session's pre-infusion baseline (the 1995
 * text says "blood pressure"; systolic is what every NIBP shows first and what our alert
 * thresholds use).
 */
import { fail, ok, type Result } from './result.ts';
import { parseVital } from './vitals.ts';

export type AldreteItemId =
  'activity' | 'respiration' | 'circulation' | 'consciousness' | 'oxygenSaturation';
export type AldretePoints = 0 | 1 | 2;

export type AldreteItem = {
  readonly id: AldreteItemId;
  readonly label: string;
  readonly labelNl: string;
  /** Wording per score, index = points (0, 1, 2). */
  readonly options: readonly {
    readonly points: AldretePoints;
    readonly text: string;
    readonly textNl: string;
  }[];
};

export const ALDRETE_SOURCE =
  'Aldrete JA. The post-anesthesia recovery score revisited. J Clin Anesth 1995;7(1):89-91';

export const ALDRETE_ITEMS: readonly AldreteItem[] = Object.freeze([
  {
    id: 'activity',
    label: 'Activity',
    labelNl: 'Activiteit',
    options: [
      { points: 0, text: 'Unable to move extremities', textNl: 'Kan geen ledematen bewegen' },
      {
        points: 1,
        text: 'Moves 2 extremities voluntarily or on command',
        textNl: 'Beweegt 2 ledematen spontaan of op verzoek',
      },
      {
        points: 2,
        text: 'Moves 4 extremities voluntarily or on command',
        textNl: 'Beweegt 4 ledematen spontaan of op verzoek',
      },
    ],
  },
  {
    id: 'respiration',
    label: 'Respiration',
    labelNl: 'Ademhaling',
    options: [
      { points: 0, text: 'Apneic', textNl: 'Apneu' },
      { points: 1, text: 'Dyspnea or limited breathing', textNl: 'Dyspneu of beperkte ademhaling' },
      {
        points: 2,
        text: 'Able to breathe deeply and cough freely',
        textNl: 'Kan diep ademen en vrij hoesten',
      },
    ],
  },
  {
    id: 'circulation',
    label: 'Circulation',
    labelNl: 'Circulatie',
    options: [
      {
        points: 0,
        text: 'Blood pressure ±50 % or more of pre-infusion level',
        textNl: 'Bloeddruk ±50 % of meer van de waarde voor de infusie',
      },
      {
        points: 1,
        text: 'Blood pressure ±20-49 % of pre-infusion level',
        textNl: 'Bloeddruk ±20-49 % van de waarde voor de infusie',
      },
      {
        points: 2,
        text: 'Blood pressure ±20 % of pre-infusion level',
        textNl: 'Bloeddruk ±20 % van de waarde voor de infusie',
      },
    ],
  },
  {
    id: 'consciousness',
    label: 'Consciousness',
    labelNl: 'Bewustzijn',
    options: [
      { points: 0, text: 'Not responding', textNl: 'Reageert niet' },
      { points: 1, text: 'Arousable on calling', textNl: 'Wekbaar op aanspreken' },
      { points: 2, text: 'Fully awake', textNl: 'Volledig wakker' },
    ],
  },
  {
    id: 'oxygenSaturation',
    label: 'Oxygen saturation',
    labelNl: 'Zuurstofsaturatie',
    options: [
      {
        points: 0,
        text: 'SpO2 < 90 % even with O2 supplement',
        textNl: 'SpO2 < 90 % zelfs met extra zuurstof',
      },
      {
        points: 1,
        text: 'Needs O2 inhalation to maintain SpO2 > 90 %',
        textNl: 'Heeft zuurstof nodig om SpO2 > 90 % te houden',
      },
      {
        points: 2,
        text: 'Able to maintain SpO2 > 92 % on room air',
        textNl: 'Houdt SpO2 > 92 % aan kamerlucht',
      },
    ],
  },
] as const satisfies readonly AldreteItem[]);

export type AldreteScore = {
  readonly items: { readonly [K in AldreteItemId]: AldretePoints };
  /** 0-10. */
  readonly total: number;
};

/** Validates the five item scores (each whole 0, 1 or 2) and adds them up (0-10). */
export function computeAldrete(items: {
  readonly [K in AldreteItemId]?: unknown;
}): Result<AldreteScore> {
  const out: Partial<Record<AldreteItemId, AldretePoints>> = {};
  let total = 0;
  for (const item of ALDRETE_ITEMS) {
    const raw = items[item.id];
    const value = typeof raw === 'string' && /^\s*[012]\s*$/.test(raw) ? Number(raw) : raw;
    if (value === undefined || value === null || value === '') {
      return fail(
        'required',
        `aldrete.${item.id}`,
        `Aldrete "${item.label}" is not scored yet: pick 0, 1 or 2.`,
        `Aldrete "${item.labelNl}" is nog niet gescoord: kies 0, 1 of 2.`,
      );
    }
    if (value !== 0 && value !== 1 && value !== 2) {
      return fail(
        'invalid-choice',
        `aldrete.${item.id}`,
        `Aldrete "${item.label}" must be 0, 1 or 2.`,
        `Aldrete "${item.labelNl}" moet 0, 1 of 2 zijn.`,
      );
    }
    out[item.id] = value;
    total += value;
  }
  return ok({ items: out as AldreteScore['items'], total });
}

/**
 * Circulation item from systolic BP (mmHg) vs this session's baseline systolic (Aldrete
 * 1995): change <= 20 % -> 2; more than 20 % and less than 50 % -> 1; 50 % or more -> 0.
 * Compared without division so exactly 20 % and exactly 50 % are decided exactly.
 */
export function aldreteCirculation(
  systolicMmHg: unknown,
  baselineSystolicMmHg: unknown,
): Result<AldretePoints> {
  const now = parseVital('systolicMmHg', systolicMmHg);
  if (!now.ok) return now;
  const base = parseVital('systolicMmHg', baselineSystolicMmHg);
  if (!base.ok)
    return fail(
      base.error.code,
      'baselineSystolicMmHg',
      `Baseline: ${base.error.message}`,
      `Uitgangswaarde: ${base.error.messageNl ?? base.error.message}`,
    );
  const diff100 = Math.abs(now.value - base.value) * 100;
  return ok(diff100 <= 20 * base.value ? 2 : diff100 < 50 * base.value ? 1 : 0);
}

/**
 * SpO2 item from SpO2 (%) and whether the patient is on supplemental oxygen (Aldrete 1995):
 * > 92 % on room air -> 2; > 90 % (on O2, or 91-92 % on room air) -> 1; 90 % or less -> 0.
 */
export function aldreteOxygenSaturation(
  spo2Percent: unknown,
  onSupplementalOxygen: unknown,
): Result<AldretePoints> {
  const spo2 = parseVital('spo2Percent', spo2Percent);
  if (!spo2.ok) return spo2;
  if (typeof onSupplementalOxygen !== 'boolean') {
    return fail(
      'required',
      'onSupplementalOxygen',
      'Say whether the patient is on extra oxygen (yes or no).',
      'Geef aan of de patiënt extra zuurstof krijgt (ja of nee).',
    );
  }
  if (spo2.value > 92 && !onSupplementalOxygen) return ok(2);
  return ok(spo2.value > 90 ? 1 : 0);
}
