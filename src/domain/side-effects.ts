/**
 * Side effects and SUGGESTED responses (protocol.md section 4, "Side effects and suggested
 * responses"). Treatment is "not protocolized, left to the judgement of the supervising
 * anesthesiologist" [protocol]: every response here is a suggestion, labelled with where it
 * comes from ('protocol' = the paper reports it was used; 'default' = this product's center
 * default). What was actually done is captured by `validateSideEffectCapture`, with who
 * decided and who gave any drug.
 * SNOMED CT finding codes only where protocol.md section 9 gives them; none are guessed.
 */
import { checkNow, parseInstant } from './clinical-time.ts';
import { fail, ok, type Result } from './result.ts';
import {
  ROUTES,
  SEVERITIES,
  SIDE_EFFECT_CATALOG,
  SIDE_EFFECT_IDS,
  type Route,
  type Severity,
  type SideEffectId,
} from './side-effect-catalog.ts';
import { mg, parseQuantity, type Mg } from './units.ts';

// The catalog is data in its own file; re-exported so side effects are one import.
export * from './side-effect-catalog.ts';

export const INFUSION_ACTIONS = ['continued', 'paused', 'changed', 'stopped'] as const;
export type InfusionAction = (typeof INFUSION_ACTIONS)[number];

export type SideEffectCaptureInput = {
  readonly sideEffectId: unknown;
  readonly clinicalTime: unknown;
  readonly severity: unknown;
  readonly responseTaken: unknown;
  readonly decidedByStaffId: unknown;
  readonly infusionAction: unknown;
  readonly drug: null | {
    readonly name: unknown;
    readonly dose: unknown;
    readonly route: unknown;
    readonly givenByStaffId: unknown;
  };
  readonly otherText?: unknown;
};

export type SideEffectCapture = {
  readonly sideEffectId: SideEffectId;
  readonly clinicalTime: string;
  readonly severity: Severity;
  readonly responseTaken: string;
  readonly decidedByStaffId: string;
  readonly infusionAction: InfusionAction;
  readonly drug: null | {
    readonly name: string;
    readonly doseMg: Mg;
    readonly route: Route;
    readonly givenByStaffId: string;
  };
  /** Whether a given dose equals the catalog suggestion: a 10x slip shows as 'differs'. */
  readonly doseCheck:
    'no-drug' | 'matches-suggestion' | 'differs-from-suggestion' | 'no-suggested-dose';
  readonly otherText: string | null;
};

const pick = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

function text(v: unknown, field: string, what: string, whatNl: string, max = 500): Result<string> {
  const t = typeof v === 'string' ? v.trim() : '';
  if (t.length === 0)
    return fail('required', field, `${what} is required.`, `${whatNl} is verplicht.`);
  if (t.length > max)
    return fail(
      'implausible',
      field,
      `${what} is longer than ${max} characters; shorten it.`,
      `${whatNl} is langer dan ${max} tekens; maak het korter.`,
    );
  return ok(t);
}

/**
 * Validates one side-effect capture (protocol.md section 4: time, severity, response taken,
 * drug/dose/route if any, who decided, who gave it, infusion paused/changed/stopped or
 * continued). Dose in mg via `parseQuantity` (decimal comma accepted, never rounded). Free text
 * is required for 'other'. `now` refuses a time in the future.
 */
export function validateSideEffectCapture(
  input: SideEffectCaptureInput,
  now: Date,
): Result<SideEffectCapture> {
  const nowR = checkNow(now);
  if (!nowR.ok) return nowR;
  if (!pick(SIDE_EFFECT_IDS, input.sideEffectId))
    return fail(
      'invalid-choice',
      'sideEffectId',
      'Pick the side effect from the list (or "Other" and describe it).',
      'Kies de bijwerking uit de lijst (of "Andere" en beschrijf ze).',
    );
  const def = SIDE_EFFECT_CATALOG.find((d) => d.id === input.sideEffectId);
  const time = parseInstant(
    input.clinicalTime,
    'clinicalTime',
    'Time of the side effect',
    'Tijdstip van de bijwerking',
  );
  if (!time.ok) return time;
  if (time.value.getTime() > nowR.value.getTime())
    return fail(
      'invalid-date',
      'clinicalTime',
      'The time of the side effect is later than now. Check the time entered.',
      'Het tijdstip van de bijwerking ligt later dan nu. Controleer het ingevoerde tijdstip.',
    );
  if (!pick(SEVERITIES, input.severity))
    return fail(
      'invalid-choice',
      'severity',
      'Pick the severity: mild, moderate or severe.',
      'Kies de ernst: licht, matig of ernstig.',
    );
  const response = text(
    input.responseTaken,
    'responseTaken',
    'What was done (response taken)',
    'Wat er gedaan werd (genomen maatregel)',
  );
  if (!response.ok) return response;
  const decidedBy = text(
    input.decidedByStaffId,
    'decidedByStaffId',
    'Who decided the response',
    'Wie de maatregel besliste',
    64,
  );
  if (!decidedBy.ok) return decidedBy;
  if (!pick(INFUSION_ACTIONS, input.infusionAction))
    return fail(
      'invalid-choice',
      'infusionAction',
      'Say what happened to the infusion: continued, paused, changed or stopped.',
      'Geef aan wat er met het infuus gebeurde: verdergezet, gepauzeerd, gewijzigd of gestopt.',
    );
  let otherText: string | null = null;
  if (
    input.sideEffectId === 'other' ||
    (typeof input.otherText === 'string' && input.otherText.trim() !== '')
  ) {
    const t = text(
      input.otherText,
      'otherText',
      'A description of the side effect',
      'Een beschrijving van de bijwerking',
    );
    if (!t.ok) return t;
    otherText = t.value;
  }
  let drug: SideEffectCapture['drug'] = null;
  let doseCheck: SideEffectCapture['doseCheck'] = 'no-drug';
  if (input.drug !== null && input.drug !== undefined) {
    const name = text(
      input.drug.name,
      'drug.name',
      'The drug name',
      'De naam van het geneesmiddel',
      100,
    );
    if (!name.ok) return name;
    const dose = parseQuantity(input.drug.dose, {
      field: 'drug.doseMg',
      label: `${name.value} dose`,
      labelNl: `Dosis ${name.value}`,
      unit: 'mg',
      maxDecimals: 2,
    });
    if (!dose.ok) return dose;
    if (!pick(ROUTES, input.drug.route))
      return fail(
        'invalid-choice',
        'drug.route',
        `Pick the route for ${name.value}: ${ROUTES.join(', ')}.`,
        `Kies de toedieningsweg voor ${name.value}: ${ROUTES.join(', ')}.`,
      );
    const givenBy = text(
      input.drug.givenByStaffId,
      'drug.givenByStaffId',
      `Who gave the ${name.value}`,
      `Wie ${name.value} toediende`,
      64,
    );
    if (!givenBy.ok) return givenBy;
    drug = {
      name: name.value,
      doseMg: mg(dose.value),
      route: input.drug.route,
      givenByStaffId: givenBy.value,
    };
    const suggested = def?.suggestions.find(
      (s) => s.drug?.name.toLowerCase() === name.value.toLowerCase(),
    )?.drug?.doseMg;
    doseCheck =
      suggested === undefined
        ? 'no-suggested-dose'
        : suggested === dose.value
          ? 'matches-suggestion'
          : 'differs-from-suggestion';
  }
  return ok({
    sideEffectId: input.sideEffectId,
    clinicalTime: time.value.toISOString(),
    severity: input.severity,
    responseTaken: response.value,
    decidedByStaffId: decidedBy.value,
    infusionAction: input.infusionAction,
    drug,
    doseCheck,
    otherText,
  });
}
