/**
 * Demographics of the included patients (protocol.md section 8; paper: "The 61 included
 * patients consisted of 14 men (23.0 %) and 47 women (77.0 %). The age at the first treatment
 * ranged from 27 to 84 years, with a median age of 54 years (IQR: [46.50-58.50])").
 * Age: whole years at the first administration (age.ts); quartiles by SPSS's default
 * definition (stats/quantiles.ts), as the paper used SPSS.
 */
import { SEXES } from '../records.ts';
import {
  countPercent,
  summarize,
  type CountPercent,
  type StatsResult,
  type Summary,
} from '../stats/index.ts';
import { figure, includedNl, patients, patientsNl } from './figure.ts';
import type { CohortRow, Figure } from './types.ts';

export type SexSplit = { readonly [S in (typeof SEXES)[number]]: CountPercent };

/** Sex counts and % of `included`. Fails (with the stats message) when there is no one. */
export function sexSplit(included: readonly CohortRow[]): Figure<SexSplit> {
  const out: Partial<Record<(typeof SEXES)[number], CountPercent>> = {};
  let result: StatsResult<SexSplit> | null = null;
  for (const sex of SEXES) {
    const cp = countPercent(included.filter((r) => r.sex === sex).length, included.length, sex);
    if (!cp.ok) {
      result = cp;
      break;
    }
    out[sex] = cp.value;
  }
  result ??= { ok: true, value: out as SexSplit };
  return figure(
    included.length,
    `${patients(included.length)} who met the inclusion criteria; % of them.`,
    `${includedNl(included.length)}; % van hen.`,
    result,
  );
}

/** Age at the first administration, whole years: range, median and IQR (SPSS HAVERAGE). */
export function ageSummary(included: readonly CohortRow[]): Figure<Summary> {
  const ages = included
    .map((r) => r.ageAtFirstAdministrationYears)
    .filter((a): a is number => a !== null);
  const missing = included.length - ages.length;
  const basis =
    `Age in whole years at the first administration of ${patients(ages.length)} who met the inclusion criteria` +
    (missing > 0 ? `; ${patients(missing)} left out: only a birth year is recorded.` : '.') +
    ' Quartiles: SPSS default (weighted average at (n + 1)p).';
  const basisNl =
    `Leeftijd in hele jaren bij de eerste toediening van ${includedNl(ages.length)}` +
    (missing > 0
      ? `; ${patientsNl(missing)} weggelaten: alleen een geboortejaar is geregistreerd.`
      : '.') +
    ' Kwartielen: standaardmethode van SPSS (gewogen gemiddelde bij (n + 1)p).';
  return figure(ages.length, basis, basisNl, summarize(ages, { field: 'ageYears' }));
}
