/**
 * Effectiveness among per-protocol patients (protocol.md sections 5 and 8; paper, Results:
 * 23/45 (51.1 %) favorable; 6 / 8 / 31 by course category; mean pain reduction 43.85 %,
 * 95 % CI 35.54-52.15; baseline NRS median 7 (IQR 6-8); logistic regression of success on
 * baseline NRS: OR 0.975 (95 % CI 0.729-1.304), Wald p = 0.863).
 */
import {
  countPercent,
  logisticRegression,
  meanConfidenceInterval,
  summarize,
  type CountPercent,
  type StatsResult,
  type StatsWarning,
  type Summary,
} from '../stats/index.ts';
import type { MeanConfidenceInterval } from '../stats/index.ts';
import { figure, patients, patientsNl } from './figure.ts';
import { COURSE_CATEGORIES, type CohortRow, type CourseCategory, type Figure } from './types.ts';

const PP = 'per-protocol patients (included, at least one full dose, no protocol deviation)';
const PP_NL =
  'patiënten volgens protocol (geïncludeerd, minstens één volledige dosis, geen protocolafwijking)';

/** Favorable outcome count and % (>= 50 % improvement and not stopped for lack of effect). */
export function favorableShare(pp: readonly CohortRow[]): Figure<CountPercent> {
  const favorable = pp.filter((r) => r.favorable === true).length;
  const noAnswer = pp.filter((r) => r.latestPainImprovementPercent === null).length;
  const basis =
    `${patients(pp.length)}: ${PP}. Favorable = latest self-reported improvement after the first full dose >= 50 % and not stopped for lack of effect` +
    (noAnswer > 0 ? `; ${patients(noAnswer)} without an answer count as not favorable.` : '.');
  const basisNl =
    `${patientsNl(pp.length)}: ${PP_NL}. Gunstig = laatste zelfgerapporteerde verbetering na de eerste volledige dosis >= 50 % en niet gestopt wegens onvoldoende effect` +
    (noAnswer > 0
      ? `; ${patientsNl(noAnswer)} zonder antwoord ${noAnswer === 1 ? 'telt' : 'tellen'} als niet gunstig.`
      : '.');
  return figure(pp.length, basis, basisNl, countPercent(favorable, pp.length, 'favorable'));
}

export type CourseCategories = { readonly [C in CourseCategory]: CountPercent };

/** How therapy went after the test dose (course-category.ts for the exact definitions). */
export function courseCategories(pp: readonly CohortRow[]): Figure<CourseCategories> {
  const out: Partial<Record<CourseCategory, CountPercent>> = {};
  let result: StatsResult<CourseCategories> | null = null;
  for (const c of COURSE_CATEGORIES) {
    const cp = countPercent(pp.filter((r) => r.courseCategory === c).length, pp.length, c);
    if (!cp.ok) {
      result = cp;
      break;
    }
    out[c] = cp.value;
  }
  result ??= { ok: true, value: out as CourseCategories };
  const basis = `${patients(pp.length)}: ${PP}. Administrations counted from the records; "after how many" from the discontinuation record.`;
  const basisNl = `${patientsNl(pp.length)}: ${PP_NL}. Toedieningen geteld uit de registraties; "na hoeveel" uit de registratie van de stopzetting.`;
  return figure(pp.length, basis, basisNl, result);
}

/** Mean latest % improvement with its t-based 95 % CI (answers < 0 % = worse, kept as recorded). */
export function painReduction(pp: readonly CohortRow[]): Figure<MeanConfidenceInterval> {
  const values = pp
    .map((r) => r.latestPainImprovementPercent)
    .filter((v): v is number => v !== null);
  const missing = pp.length - values.length;
  const worse = values.filter((v) => v < 0).length;
  const basis =
    `Latest self-reported % pain improvement after the first full dose of ${patients(values.length)} (${PP})` +
    (missing > 0 ? `; ${patients(missing)} without an answer left out` : '') +
    (worse > 0
      ? `; ${worse} answer${worse === 1 ? '' : 's'} below 0 % (pain worse) kept as recorded`
      : '') +
    '. 95 % CI: mean +- t(0.975, n - 1) x SD / sqrt(n).';
  const basisNl =
    `Laatste zelfgerapporteerde pijnverbetering in % na de eerste volledige dosis bij ${patientsNl(values.length)} (${PP_NL})` +
    (missing > 0 ? `; ${patientsNl(missing)} zonder antwoord weggelaten` : '') +
    (worse > 0
      ? `; ${worse} ${worse === 1 ? 'antwoord' : 'antwoorden'} onder 0 % (meer pijn) behouden zoals geregistreerd`
      : '') +
    '. Betrouwbaarheidsinterval (95 %): gemiddelde +- t(0.975, n - 1) x SD / sqrt(n).';
  return figure(
    values.length,
    basis,
    basisNl,
    meanConfidenceInterval(values, { field: 'painImprovementPercent' }),
  );
}

/** Baseline NRS (0-10) of the per-protocol patients: median and IQR (SPSS HAVERAGE). */
export function baselineNrs(pp: readonly CohortRow[]): Figure<Summary> {
  const values = pp.map((r) => r.baselineNrs).filter((v): v is number => v !== null);
  const basis = `Baseline NRS before therapy of ${patients(values.length)} (${PP}). Quartiles: SPSS default.`;
  const basisNl = `NRS bij aanvang (vóór de therapie) van ${patientsNl(values.length)} (${PP_NL}). Kwartielen: standaardmethode van SPSS.`;
  return figure(values.length, basis, basisNl, summarize(values, { field: 'baselineNrs' }));
}

export type NrsOddsRatio = {
  /** Odds ratio of a favorable outcome per NRS point, with its Wald 95 % CI and p. */
  readonly oddsRatio: number;
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number;
  readonly coefficient: number;
  readonly standardError: number;
  readonly events: number;
  /** Caveats of the fit (few events per predictor, ...), in English and Dutch. */
  readonly warnings: readonly StatsWarning[];
};

/** Logistic regression of favorable (1/0) on baseline NRS, maximum likelihood; Wald OR, CI, p. */
export function nrsLogistic(pp: readonly CohortRow[]): Figure<NrsOddsRatio> {
  const rows = pp.filter((r) => r.baselineNrs !== null && r.favorable !== null);
  const basis = `Favorable outcome (1/0) on baseline NRS of ${patients(rows.length)} (${PP}); maximum likelihood, Wald 95 % CI and p.`;
  const basisNl = `Gunstig resultaat (1/0) op de NRS bij aanvang van ${patientsNl(rows.length)} (${PP_NL}); maximumlikelihoodschatting, betrouwbaarheidsinterval (95 %) en p volgens Wald.`;
  const fit = logisticRegression({
    outcome: rows.map((r) => r.favorable === true),
    predictors: [{ name: 'baselineNrs', values: rows.map((r) => r.baselineNrs as number) }],
  });
  if (!fit.ok) return figure(rows.length, basis, basisNl, fit);
  const c = fit.value.coefficients[1];
  if (c === undefined)
    return figure(rows.length, basis, basisNl, {
      ok: false,
      error: {
        code: 'not-converged',
        field: 'baselineNrs',
        message: 'The model has no NRS coefficient.',
        messageNl: 'Het model heeft geen coëfficiënt voor de NRS.',
      },
    });
  return figure(rows.length, basis, basisNl, {
    ok: true,
    value: {
      oddsRatio: c.oddsRatio,
      lower: c.oddsRatioLower,
      upper: c.oddsRatioUpper,
      pValue: c.pValue,
      coefficient: c.estimate,
      standardError: c.standardError,
      events: fit.value.events,
      warnings: fit.value.warnings,
    },
  });
}
