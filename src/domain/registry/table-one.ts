/**
 * Table I of the paper: outcome by pain type among per-protocol patients, 2 x 3, with
 * Fisher's exact test (Freeman-Halton, two-sided), because "the conditions for the Pearson
 * chi-square test were not met". Paper: [[7, 2, 13], [11, 0, 12]], p = 0.280.
 */
import { PAIN_TYPES, type PainType } from '../records.ts';
import { fisherExact, type FisherExactResult } from '../stats/index.ts';
import { countFigure, figure, patients, patientsNl } from './figure.ts';
import type { CohortRow, Figure } from './types.ts';

export type PainTypeTable = {
  readonly rows: readonly ['unsuccessful', 'successful'];
  readonly columns: readonly PainType[];
  /** counts[row][column]. */
  readonly counts: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
};

/** The 2 x 3 table of per-protocol patients whose pain type is decided. */
export function painTypeTable(pp: readonly CohortRow[]): {
  table: Figure<PainTypeTable>;
  fisher: Figure<FisherExactResult>;
} {
  const rows = pp.filter((r) => r.painType !== null && r.favorable !== null);
  const undecided = pp.length - rows.length;
  const counts = [0, 1].map((fav) =>
    PAIN_TYPES.map(
      (t) => rows.filter((r) => r.painType === t && Number(r.favorable === true) === fav).length,
    ),
  );
  const rowTotals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const columnTotals = PAIN_TYPES.map((_, j) => counts.reduce((s, row) => s + (row[j] ?? 0), 0));
  const basis =
    `${patients(rows.length)} (per protocol) by pain type (two physicians agreed, or the external physician decided) and outcome (successful = favorable)` +
    (undecided > 0 ? `; ${patients(undecided)} left out: pain type not decided yet.` : '.');
  const basisNl =
    `${patientsNl(rows.length)} (volgens protocol) per pijntype (twee artsen waren het eens, of de externe arts besliste) en resultaat (succesvol = gunstig)` +
    (undecided > 0 ? `; ${patientsNl(undecided)} weggelaten: pijntype nog niet beslist.` : '.');
  const table = countFigure(rows.length, basis, basisNl, {
    rows: ['unsuccessful', 'successful'] as const,
    columns: PAIN_TYPES,
    counts,
    rowTotals,
    columnTotals,
    total: rows.length,
  });
  const fisher = figure(
    rows.length,
    `Fisher's exact test (Freeman-Halton), two-sided, on the table above.`,
    'Exacte toets van Fisher (Freeman-Halton), tweezijdig, op de tabel hierboven.',
    fisherExact(counts),
  );
  return { table, fisher };
}
