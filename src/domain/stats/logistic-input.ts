/**
 * Validation of logistic-regression input: an outcome of 0/1 (or booleans) and one or more named
 * predictors of finite numbers, one per patient, with variation in each and more patients than
 * coefficients. Errors name the predictor and the first bad position so the record can be found.
 */
import { checkSample, fieldNl, statsFail, statsOk, type StatsResult } from './errors.ts';

export type CheckedLogisticInput = {
  readonly y: readonly number[];
  readonly columns: readonly (readonly number[])[];
  readonly names: readonly string[];
  readonly events: number;
};

export function checkLogisticInput(input: unknown): StatsResult<CheckedLogisticInput> {
  const { outcome, predictors } = (input ?? {}) as { outcome?: unknown; predictors?: unknown };
  if (!Array.isArray(outcome) || outcome.length === 0) {
    return statsFail(
      'empty',
      'outcome',
      'The outcome has no patients; give one 0/1 (or true/false) per patient.',
      'De uitkomst bevat geen patiënten; geef per patiënt één 0/1 (of true/false).',
    );
  }
  const y: number[] = [];
  for (let i = 0; i < outcome.length; i++) {
    const v: unknown = outcome[i];
    if (v === true || v === 1) y.push(1);
    else if (v === false || v === 0) y.push(0);
    else {
      return statsFail(
        'out-of-range',
        'outcome',
        `Outcome at position ${i + 1} is ${String(v)}; it must be 1/true (event) or 0/false. Correct or exclude that record.`,
        `De uitkomst op positie ${i + 1} is ${String(v)}; die moet 1/true (gebeurtenis) of 0/false zijn. Corrigeer die registratie of sluit ze uit.`,
      );
    }
  }
  if (!Array.isArray(predictors) || predictors.length === 0) {
    return statsFail(
      'empty',
      'predictors',
      'Give at least one predictor (for example baseline NRS).',
      'Geef minstens één predictor (bijvoorbeeld de NRS bij aanvang).',
    );
  }
  const names: string[] = [];
  const columns: (readonly number[])[] = [];
  for (const pred of predictors as unknown[]) {
    const { name, values } = (pred ?? {}) as { name?: unknown; values?: unknown };
    if (
      typeof name !== 'string' ||
      name.trim() === '' ||
      name === '(Intercept)' ||
      names.includes(name)
    ) {
      return statsFail(
        'invalid-table',
        'predictors',
        `Each predictor needs its own non-empty name (got ${JSON.stringify(name)}).`,
        `Elke predictor heeft een eigen, niet-lege naam nodig (ontvangen: ${JSON.stringify(name)}).`,
      );
    }
    const field = `predictors.${name}`;
    const sample = checkSample(values, field, 1);
    if (!sample.ok) return sample;
    if (sample.value.length !== y.length) {
      return statsFail(
        'length-mismatch',
        field,
        `${name} has ${sample.value.length} values but the outcome has ${y.length}; give one value per patient, in the same order.`,
        `De predictor ${fieldNl(name)} heeft ${sample.value.length} waarden, maar de uitkomst heeft er ${y.length}; geef één waarde per patiënt, in dezelfde volgorde.`,
      );
    }
    const first = sample.value[0] as number;
    if (sample.value.every((v) => v === first)) {
      return statsFail(
        'no-predictor-variation',
        field,
        `${name} is ${first} for every patient, so its effect cannot be estimated; leave it out.`,
        `De predictor ${fieldNl(name)} is ${first} bij elke patiënt, dus het effect ervan kan niet geschat worden; laat die predictor weg.`,
      );
    }
    names.push(name);
    columns.push(sample.value);
  }
  const events = y.reduce((s, v) => s + v, 0);
  if (events === 0 || events === y.length) {
    return statsFail(
      'no-outcome-variation',
      'outcome',
      `All ${y.length} patients have outcome ${events === 0 ? '0' : '1'}; with no variation in the outcome there is nothing to model.`,
      `Alle ${y.length} patiënten hebben uitkomst ${events === 0 ? '0' : '1'}; zonder variatie in de uitkomst valt er niets te modelleren.`,
    );
  }
  if (y.length <= names.length + 1) {
    return statsFail(
      'too-few-values',
      'outcome',
      `${y.length} patients are too few for ${names.length + 1} coefficients; at least ${names.length + 2} are needed (and 10 events per predictor are advised).`,
      `${y.length} patiënten zijn te weinig voor ${names.length + 1} coëfficiënten; er zijn er minstens ${names.length + 2} nodig (en 10 gebeurtenissen (events) per predictor worden aangeraden).`,
    );
  }
  return statsOk({ y, columns, names, events });
}
