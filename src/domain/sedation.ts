/**
 * Sedation level at each observation (protocol.md section 4: "Sedation level on a simple scale
 * each observation (e.g. RASS), since propofol is running").
 *
 * Scale: Richmond Agitation-Sedation Scale, Sessler CN et al., Am J Respir Crit Care Med
 * 2002;166:1338-44. Dutch terms as used in Dutch and Flemish intensive care translations.
 *
 * Levels [default], shown in settings and decided here:
 * - -3 to -5 (moderate sedation or deeper): urgent. The protocol aims at an awake patient;
 *   propofol at 1 mg/kg/h is sub-hypnotic, so not opening the eyes to voice means more drug
 *   effect than intended and a risk to the airway.
 * - -2 (light sedation): warning.
 * - -1 to +1: normal (drowsy or restless is expected with ketamine).
 * - +2 (agitated): warning, possible psychotomimetic effect (protocol.md section 4 side
 *   effects: hallucinations, dysphoria, delirium).
 * - +3 and +4 (very agitated, combative): urgent, because the patient may pull out the IV line
 *   or hurt someone; the anesthesiologist is needed now.
 */
import { fail, ok, type Result } from './result.ts';
import type { AlertLevel } from './monitoring.ts';

export type RassScore = 4 | 3 | 2 | 1 | 0 | -1 | -2 | -3 | -4 | -5;

export type RassLevel = {
  readonly score: RassScore;
  readonly label: string;
  readonly labelNl: string;
  /** How to tell, from Sessler 2002. */
  readonly description: string;
  readonly level: AlertLevel;
};

export const RASS_SCALE: readonly RassLevel[] = Object.freeze([
  {
    score: 4,
    label: 'Combative',
    labelNl: 'Strijdlustig',
    description: 'Overtly combative, violent, immediate danger to staff',
    level: 'urgent',
  },
  {
    score: 3,
    label: 'Very agitated',
    labelNl: 'Zeer geagiteerd',
    description: 'Pulls or removes tube(s) or catheter(s); aggressive',
    level: 'urgent',
  },
  {
    score: 2,
    label: 'Agitated',
    labelNl: 'Geagiteerd',
    description: 'Frequent non-purposeful movement',
    level: 'warning',
  },
  {
    score: 1,
    label: 'Restless',
    labelNl: 'Onrustig',
    description: 'Anxious but movements not aggressive or vigorous',
    level: 'normal',
  },
  {
    score: 0,
    label: 'Alert and calm',
    labelNl: 'Alert en kalm',
    description: 'Alert and calm',
    level: 'normal',
  },
  {
    score: -1,
    label: 'Drowsy',
    labelNl: 'Slaperig',
    description:
      'Not fully alert, but sustained awakening (eyes open, eye contact) to voice for 10 s or more',
    level: 'normal',
  },
  {
    score: -2,
    label: 'Light sedation',
    labelNl: 'Licht gesedeerd',
    description: 'Briefly awakens with eye contact to voice (less than 10 s)',
    level: 'warning',
  },
  {
    score: -3,
    label: 'Moderate sedation',
    labelNl: 'Matig gesedeerd',
    description: 'Movement or eye opening to voice, but no eye contact',
    level: 'urgent',
  },
  {
    score: -4,
    label: 'Deep sedation',
    labelNl: 'Diep gesedeerd',
    description: 'No response to voice, but movement or eye opening to physical stimulation',
    level: 'urgent',
  },
  {
    score: -5,
    label: 'Unarousable',
    labelNl: 'Niet wekbaar',
    description: 'No response to voice or physical stimulation',
    level: 'urgent',
  },
] as const satisfies readonly RassLevel[]);

/**
 * Parses a RASS score typed or picked (-5..+4, whole number; "+2", "-3" and a typographic
 * minus are accepted) and returns its scale entry with the alert level above.
 */
export function assessSedation(input: unknown): Result<RassLevel> {
  const field = 'rassScore';
  let value: number;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'string' && /^\s*[-+\u2212]?\d+\s*$/.test(input))
    value = Number(input.trim().replace('\u2212', '-'));
  else if (
    input === undefined ||
    input === null ||
    (typeof input === 'string' && input.trim() === '')
  ) {
    return fail(
      'required',
      field,
      'Sedation score (RASS) is required: pick one from +4 to -5.',
      'Sedatiescore (RASS) is verplicht: kies een score van +4 tot -5.',
    );
  } else
    return fail(
      'not-a-number',
      field,
      'Sedation score (RASS) must be a whole number from +4 to -5.',
      'Sedatiescore (RASS) moet een geheel getal van +4 tot -5 zijn.',
    );
  const entry = RASS_SCALE.find((e) => e.score === value);
  if (entry === undefined) {
    return fail(
      'invalid-choice',
      field,
      `Sedation score (RASS) ${String(value)} is not on the scale: pick one from +4 to -5.`,
      `Sedatiescore (RASS) ${String(value)} staat niet op de schaal: kies een score van +4 tot -5.`,
    );
  }
  return ok(entry);
}
