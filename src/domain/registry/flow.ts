/**
 * Inclusion flow (protocol.md section 8; paper Figure 1: 74 treated -> 61 met the inclusion
 * criteria -> 16 lost to follow-up after the first administration -> 45 per protocol).
 *
 * - treated: patients with at least one administration (administrations.ts) whose first
 *   administration falls in the period, if one is given;
 * - included: treated and meeting the criteria (patient-row.ts): course started here, adult at
 *   course start, pain not oncologic. Each excluded patient is counted once, under the first
 *   failing reason in the order of EXCLUSION_REASONS;
 * - lost after the first administration: included with exactly one administration (the test
 *   dose): no full dose, so no answer about its effect;
 * - deviated: included, not lost, with an administration whose dose plan is a protocol
 *   deviation or that has no dose plan at all (adherence cannot be shown). The paper excluded
 *   deviating patients from the per-protocol set (0 in the paper: 61 - 16 = 45);
 * - per protocol: the rest.
 */
import { countFigure, patients, patientsNl } from './figure.ts';
import { EXCLUSION_REASONS, type CohortRow, type ExclusionReason, type Figure } from './types.ts';

export type InclusionFlow = {
  readonly treated: number;
  readonly excluded: number;
  readonly excludedByFirstReason: { readonly [R in ExclusionReason]: number };
  readonly included: number;
  readonly lostAfterFirstAdministration: number;
  readonly deviatedFromProtocol: number;
  readonly perProtocol: number;
};

/** The treated patients of the period (the flow's first box). */
export const treatedRows = (rows: readonly CohortRow[]): CohortRow[] =>
  rows.filter((r) => r.administrations >= 1 && r.inPeriod);

/** Included patients of the period (the study population for demographics and safety). */
export const includedRows = (rows: readonly CohortRow[]): CohortRow[] =>
  treatedRows(rows).filter((r) => r.included);

/** Per-protocol patients of the period (the study population for effectiveness). */
export const perProtocolRows = (rows: readonly CohortRow[]): CohortRow[] =>
  treatedRows(rows).filter((r) => r.perProtocol);

/**
 * The inclusion flow of the cohort rows; n = treated patients. `periodText` e.g. "from
 * 2015-01-01 to 2019-12-31", `periodTextNl` the same in Dutch ("van 2015-01-01 tot en met ...").
 */
export function inclusionFlow(
  rows: readonly CohortRow[],
  periodText: string,
  periodTextNl: string,
): Figure<InclusionFlow> {
  const treated = treatedRows(rows);
  const byReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as {
    [R in ExclusionReason]: number;
  };
  for (const r of treated) {
    const first = r.exclusionReasons[0];
    if (first !== undefined) byReason[first] += 1;
  }
  const included = treated.filter((r) => r.included);
  const lost = included.filter((r) => r.lostAfterFirstAdministration);
  const perProtocol = included.filter((r) => r.perProtocol);
  const deviated = included.length - lost.length - perProtocol.length;
  return countFigure(
    treated.length,
    `${patients(treated.length)} with at least one administration (infusion started or discharged), ` +
      `first administration ${periodText}; exclusions counted once, by their first reason.`,
    `${patientsNl(treated.length)} met minstens één toediening (infuus gestart of ontslag geregistreerd), ` +
      `eerste toediening ${periodTextNl}; exclusies eenmaal geteld, volgens hun eerste reden.`,
    {
      treated: treated.length,
      excluded: treated.length - included.length,
      excludedByFirstReason: byReason,
      included: included.length,
      lostAfterFirstAdministration: lost.length,
      deviatedFromProtocol: deviated,
      perProtocol: perProtocol.length,
    },
  );
}
