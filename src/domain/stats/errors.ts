/**
 * Errors of the registry statistics. The statistics need codes that clinical input does not
 * (separation, a table too large to enumerate, ...), so they have their own union rather than
 * widening `DomainErrorCode`; the shape (`ok` / `value` / `error.{code, field, message,
 * messageNl}`) is the same as `Result` in `../result.ts`, so a screen handles both alike. Nothing
 * here throws on bad data: an estimate that cannot be made is an error with a message that says
 * why and what to do, in English and in Dutch (nl-BE), both built from the same values.
 */

export type StatsErrorCode =
  | 'empty'
  | 'not-a-number'
  | 'not-finite'
  | 'negative'
  | 'not-an-integer'
  | 'out-of-range'
  | 'length-mismatch'
  | 'too-few-values'
  | 'invalid-table'
  | 'table-too-large'
  | 'no-outcome-variation'
  | 'no-predictor-variation'
  | 'collinear-predictors'
  | 'separation'
  | 'not-converged';

export type StatsError = {
  readonly code: StatsErrorCode;
  /** The input the error is about, e.g. `ageYears`, `table`, `predictors.baselineNrs`. */
  readonly field: string;
  readonly message: string;
  /** The same facts in Dutch (nl-BE), for a Dutch screen (ui/i18n.ts errorText). */
  readonly messageNl: string;
};

/** A caveat about an estimate that was made (not an error), in English and Dutch. */
export type StatsWarning = { readonly message: string; readonly messageNl: string };

export type StatsResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StatsError };

export const statsOk = <T>(value: T): StatsResult<T> => ({ ok: true, value });

export const statsFail = (
  code: StatsErrorCode,
  field: string,
  message: string,
  messageNl: string,
): StatsResult<never> => ({ ok: false, error: { code, field, message, messageNl } });

/**
 * Dutch names of the variables the registry analyses (the `field` of their errors), for the
 * Dutch messages; any other field is named by its identifier, as in the English message.
 */
const FIELD_NAMES_NL: Readonly<Record<string, string>> = {
  values: 'deze reeks',
  ageYears: 'leeftijd in jaren',
  baselineNrs: 'NRS bij aanvang',
  'predictors.baselineNrs': 'NRS bij aanvang',
  painImprovementPercent: 'pijnverbetering in %',
  favorable: 'gunstig resultaat',
  total: 'het totaal',
};

/** How a Dutch message names `field` (a Dutch name, or the identifier itself). */
export const fieldNl = (field: string): string => FIELD_NAMES_NL[field] ?? field;

/**
 * Checks that `values` is an array of finite numbers with at least `minCount` entries. Says how
 * many are bad and where the first one is, because the fix is to correct or exclude records.
 * Returns a copy typed as numbers so callers never touch the unchecked input again.
 */
export function checkSample(
  values: unknown,
  field: string,
  minCount: number,
): StatsResult<readonly number[]> {
  if (!Array.isArray(values)) {
    return statsFail(
      'not-a-number',
      field,
      `${field} must be a list of numbers.`,
      `Voor ${fieldNl(field)} is een lijst van getallen nodig.`,
    );
  }
  let firstBad = -1;
  let badCount = 0;
  let anyNaN = false;
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      badCount++;
      if (firstBad < 0) firstBad = i;
      if (typeof v !== 'number' || Number.isNaN(v)) anyNaN = true;
    }
  }
  if (badCount > 0) {
    return statsFail(
      anyNaN ? 'not-a-number' : 'not-finite',
      field,
      `${field}: ${badCount} of ${values.length} values are missing or not a finite number ` +
        `(first at position ${firstBad + 1}). Correct or exclude those records and run the analysis again.`,
      `Bij ${fieldNl(field)} ${badCount === 1 ? 'ontbreekt' : 'ontbreken'} ${badCount} van de ${values.length} waarden ` +
        `of ${badCount === 1 ? 'is die' : 'zijn ze'} geen eindig getal ` +
        `(de eerste op positie ${firstBad + 1}). Corrigeer die registraties of sluit ze uit en voer de analyse opnieuw uit.`,
    );
  }
  if (values.length === 0) {
    return statsFail(
      'empty',
      field,
      `${field} has no values; there is nothing to summarise.`,
      `Er zijn geen waarden voor ${fieldNl(field)}; er valt niets samen te vatten.`,
    );
  }
  if (values.length < minCount) {
    return statsFail(
      'too-few-values',
      field,
      `${field} has ${values.length} value${values.length === 1 ? '' : 's'}; at least ${minCount} are needed for this estimate.`,
      `Voor ${fieldNl(field)} ${values.length === 1 ? 'is er 1 waarde' : `zijn er ${values.length} waarden`}; voor deze schatting zijn er minstens ${minCount} nodig.`,
    );
  }
  return statsOk((values as number[]).slice());
}

/** Checks a confidence level such as 0.95: a number strictly between 0 and 1. */
export function checkLevel(level: unknown, field = 'level'): StatsResult<number> {
  if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0 || level >= 1) {
    return statsFail(
      'out-of-range',
      field,
      `Confidence level must be a number strictly between 0 and 1 (for a 95 % interval use 0.95), got ${String(level)}.`,
      `Het betrouwbaarheidsniveau moet een getal strikt tussen 0 en 1 zijn (voor een betrouwbaarheidsinterval van 95 %: 0.95), niet ${String(level)}.`,
    );
  }
  return statsOk(level);
}
