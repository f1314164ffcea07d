/**
 * Follow-up and outcome definitions (protocol.md section 5 [protocol]; paper, Methods:
 * "Successful therapy was defined as a patient reporting a pain reduction of at least 50 %,
 * and if the record did not indicate that the therapy was stopped because of a subjective
 * lack of effect").
 *
 * Pain improvement is stored as 0-100 % plus a separate `worse` flag, not as -100..100:
 * the question asked is "by how many % has your pain improved since the first full dose?",
 * and a patient whose pain got worse gives no number on that scale. A negative percentage
 * would have no defined floor ("200 % worse"?) and would pull the registry's mean reduction
 * (paper: 43.85 %, 95 % CI 35.54-52.15) off the paper's 0-100 scale. So "worse" is recorded
 * as 0 % improvement with `worse: true`: comparable with the paper and not lost.
 */
import { fail, ok, type Result } from './result.ts';
import { parseQuantity } from './units.ts';

export type PainImprovement = {
  /** Self-reported improvement since the first full dose, 0-100 %. */
  readonly improvementPercent: number;
  /** Pain is worse than before the first full dose (then improvementPercent is 0). */
  readonly worse: boolean;
};

/**
 * Validates a self-reported % pain improvement: 0-100 %, at most one decimal, never rounded;
 * `worse: true` only together with 0 %. Source: protocol.md section 5.
 */
export function validatePainImprovement(input: {
  readonly improvementPercent: unknown;
  readonly worse: unknown;
}): Result<PainImprovement> {
  const field = 'improvementPercent';
  const worse = input.worse ?? false;
  if (typeof worse !== 'boolean')
    return fail(
      'invalid-choice',
      'worse',
      'Say whether the pain is worse (yes or no).',
      'Geef aan of de pijn erger is (ja of nee).',
    );
  const p = parseQuantity(input.improvementPercent, {
    field,
    label: 'Pain improvement',
    labelNl: 'Pijnverbetering',
    unit: '%',
    allowZero: true,
    maxDecimals: 1,
  });
  if (!p.ok) return p;
  if (p.value > 100)
    return fail(
      'above-hard-limit',
      field,
      `Pain improvement ${p.value} % is more than 100 %. Ask the patient again: 100 % means no pain at all.`,
      `Pijnverbetering ${p.value} % is meer dan 100 %. Vraag het de patiënt opnieuw: 100 % betekent helemaal geen pijn.`,
    );
  if (worse && p.value !== 0)
    return fail(
      'invalid-choice',
      field,
      'Pain cannot be both improved and worse. If the pain is worse, enter 0 % and tick "worse".',
      'De pijn kan niet tegelijk verbeterd en erger zijn. Als de pijn erger is, vul dan 0 % in en vink "erger" aan.',
    );
  return ok({ improvementPercent: p.value, worse });
}

/** Baseline pain on the Numeric Rating Scale before therapy: whole number 0-10 (LOINC 72514-3). */
export function validateBaselineNrs(input: unknown): Result<number> {
  const p = parseQuantity(input, {
    field: 'baselineNrs',
    label: 'Baseline pain score (NRS)',
    labelNl: 'Pijnscore bij aanvang (NRS)',
    unit: 'points',
    unitNl: 'punten',
    allowZero: true,
    integer: true,
  });
  if (!p.ok) return p;
  if (p.value > 10)
    return fail(
      'above-hard-limit',
      'baselineNrs',
      `Pain score ${p.value} is above 10: the NRS runs from 0 (no pain) to 10 (worst pain imaginable).`,
      `Pijnscore ${p.value} ligt boven 10: de NRS loopt van 0 (geen pijn) tot 10 (ergst denkbare pijn).`,
    );
  return ok(p.value);
}

export const PAIN_NRS_LOINC = '72514-3';

export const DISCONTINUATION_REASONS = ['lack-of-effect', 'side-effects', 'other'] as const;
export type DiscontinuationReason = (typeof DISCONTINUATION_REASONS)[number];

export type Discontinuation = {
  readonly reason: DiscontinuationReason;
  /** Required for 'other'. */
  readonly otherText: string | null;
  /** After how many administrations therapy stopped (1 = after the test dose). */
  readonly afterAdministrations: number;
};

/** Validates a discontinuation: reason from the paper's three, text for 'other', count >= 1. */
export function validateDiscontinuation(input: {
  readonly reason: unknown;
  readonly otherText?: unknown;
  readonly afterAdministrations: unknown;
}): Result<Discontinuation> {
  const reason = input.reason;
  if (
    typeof reason !== 'string' ||
    !(DISCONTINUATION_REASONS as readonly string[]).includes(reason)
  ) {
    return fail(
      'invalid-choice',
      'reason',
      'Pick why therapy stopped: lack of effect, disturbing side effects, or other.',
      'Kies waarom de therapie gestopt werd: onvoldoende effect, storende bijwerkingen of andere.',
    );
  }
  const text = typeof input.otherText === 'string' ? input.otherText.trim() : '';
  if (reason === 'other' && text === '')
    return fail(
      'required',
      'otherText',
      'Describe the other reason therapy stopped.',
      'Beschrijf de andere reden waarom de therapie gestopt werd.',
    );
  const n = parseQuantity(input.afterAdministrations, {
    field: 'afterAdministrations',
    label: 'Number of administrations',
    labelNl: 'Aantal toedieningen',
    unit: 'administrations',
    unitNl: 'toedieningen',
    integer: true,
  });
  if (!n.ok) return n;
  return ok({
    reason: reason as DiscontinuationReason,
    otherText: text === '' ? null : text,
    afterAdministrations: n.value,
  });
}

/**
 * Favorable outcome [protocol]: reported reduction >= 50 % (exactly 50 is favorable) and not
 * stopped for lack of effect. No reported reduction (null) is not favorable. A reduction that
 * is not a finite number in 0-100 is an error, never a silent "no".
 */
export function isFavorableOutcome(input: {
  readonly painReductionPercent: number | null;
  readonly discontinuationReason: DiscontinuationReason | null;
}): Result<boolean> {
  const r = input.painReductionPercent;
  const reason = input.discontinuationReason;
  if (reason !== null && !(DISCONTINUATION_REASONS as readonly unknown[]).includes(reason)) {
    return fail(
      'invalid-choice',
      'discontinuationReason',
      'Unknown discontinuation reason in the record.',
      'Onbekende reden van stopzetting in het record.',
    );
  }
  if (r === null) return ok(false);
  if (typeof r !== 'number' || !Number.isFinite(r) || r < 0 || r > 100) {
    return fail(
      'implausible',
      'painReductionPercent',
      'The recorded pain reduction is not a number from 0 to 100 %. Correct the record.',
      'De geregistreerde pijnvermindering is geen getal van 0 tot 100 %. Corrigeer het record.',
    );
  }
  return ok(r >= 50 && reason !== 'lack-of-effect');
}

export const PAIN_TYPES = ['neuropathic', 'nociceptive', 'nociplastic'] as const;
export type PainType = (typeof PAIN_TYPES)[number];

export type PainTypeOpinion = { readonly staffId: string; readonly painType: PainType };

export type PainTypeResolution = {
  readonly status: 'agreed' | 'decided-by-external' | 'needs-external' | 'needs-opinions';
  /** The type in force; null until decided. */
  readonly painType: PainType | null;
  /** All three opinions are kept, whatever the outcome. */
  readonly opinions: {
    readonly physician1: PainTypeOpinion | null;
    readonly physician2: PainTypeOpinion | null;
    readonly external: PainTypeOpinion | null;
  };
};

/**
 * Pain type [protocol]: two physicians score independently; if they agree, that is the type;
 * if not, an external, independent physician decides. The three must be different people.
 */
export function resolvePainType(
  opinions: PainTypeResolution['opinions'],
): Result<PainTypeResolution> {
  const entries = [
    ['physician1', opinions.physician1],
    ['physician2', opinions.physician2],
    ['external', opinions.external],
  ] as const;
  const ids = new Set<string>();
  for (const [key, o] of entries) {
    if (o === null) continue;
    if (typeof o.staffId !== 'string' || o.staffId.trim() === '')
      return fail(
        'required',
        `${key}.staffId`,
        'Name the physician who gave this opinion.',
        'Vermeld de arts die dit oordeel gaf.',
      );
    if (!(PAIN_TYPES as readonly unknown[]).includes(o.painType))
      return fail(
        'invalid-choice',
        `${key}.painType`,
        'Pick neuropathic, nociceptive or nociplastic.',
        'Kies neuropathisch, nociceptief of nociplastisch.',
      );
    if (ids.has(o.staffId.trim()))
      return fail(
        'invalid-choice',
        `${key}.staffId`,
        'Each opinion must come from a different physician.',
        'Elk oordeel moet van een andere arts komen.',
      );
    ids.add(o.staffId.trim());
  }
  const { physician1: p1, physician2: p2, external } = opinions;
  if (p1 === null || p2 === null) return ok({ status: 'needs-opinions', painType: null, opinions });
  if (p1.painType === p2.painType) return ok({ status: 'agreed', painType: p1.painType, opinions });
  if (external === null) return ok({ status: 'needs-external', painType: null, opinions });
  return ok({ status: 'decided-by-external', painType: external.painType, opinions });
}
