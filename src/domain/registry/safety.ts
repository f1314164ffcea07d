/**
 * Safety among the included patients, all of whom received at least one dose (protocol.md
 * section 8; paper: "Side effects were recorded in 61 patients who received at least one dose":
 * nausea 3, dizziness 4, hallucinations 4, delirium 1, nightmares 1, unspecified intolerance 4,
 * liver enzymes 1). A patient counts once per side effect, however often it recurred. Liver:
 * any six-monthly panel with a value above the lab's ULN (follow-up-facts.ts), whenever sampled.
 */
import { SIDE_EFFECTS, type SideEffectId } from '../records.ts';
import { countPercent, type CountPercent } from '../stats/index.ts';
import { countFigure, figure, includedNl, patients } from './figure.ts';
import type { CohortRow, Figure, LiverElevation } from './types.ts';

export type SideEffectFrequency = {
  readonly effect: SideEffectId | 'liver-enzymes';
} & CountPercent;

/** Patients per side effect (and with a liver elevation) among `included`. */
export function sideEffectFrequencies(
  included: readonly CohortRow[],
): Figure<readonly SideEffectFrequency[]> {
  const basis = `${patients(included.length)} who met the inclusion criteria and received at least one dose; each patient counted once per side effect.`;
  const basisNl = `${includedNl(included.length)} en minstens één dosis kregen; elke patiënt eenmaal geteld per bijwerking.`;
  const out: SideEffectFrequency[] = [];
  const entries: [SideEffectId | 'liver-enzymes', number][] = [
    ...SIDE_EFFECTS.map((e): [SideEffectId, number] => [
      e,
      included.filter((r) => r.sideEffects.includes(e)).length,
    ]),
    ['liver-enzymes', included.filter((r) => r.firstLiverElevation !== null).length],
  ];
  for (const [effect, count] of entries) {
    const cp = countPercent(count, included.length, effect);
    if (!cp.ok) return figure(included.length, basis, basisNl, cp);
    out.push({ effect, ...cp.value });
  }
  return figure(included.length, basis, basisNl, { ok: true, value: out });
}

export type LiverElevationRow = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly elevation: LiverElevation;
};

/** Included patients with a liver enzyme above the lab's ULN: first elevated panel each. */
export function liverElevations(
  included: readonly CohortRow[],
): Figure<readonly LiverElevationRow[]> {
  const rows = included.flatMap((r) =>
    r.firstLiverElevation === null
      ? []
      : [
          {
            patientId: r.patientId,
            centerPatientNumber: r.centerPatientNumber,
            elevation: r.firstLiverElevation,
          },
        ],
  );
  return countFigure(
    included.length,
    `Liver panels (ALT, AST, GGT, ALP) of ${patients(included.length)} who met the inclusion criteria; elevated = value above the lab's upper limit of normal.`,
    `Leverpanels (ALT, AST, GGT, ALP) van ${includedNl(included.length)}; verhoogd = waarde boven de bovengrens van normaal van het laboratorium.`,
    rows,
  );
}
