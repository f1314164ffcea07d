/**
 * Fisher's exact test for r x c contingency tables (Freeman & Halton 1951), two-sided, for
 * protocol.md section 8 / the paper's Table I (outcome by pain type, 2 x 3, p = 0.280; the
 * paper's conditions for Pearson's chi-square were not met).
 *
 * Given the row and column totals, a table has the hypergeometric probability
 *   P = (prod R_i!)(prod C_j!) / (N! prod n_ij!).
 * The two-sided p is the sum of P over every table with the observed margins whose P is at most
 * the observed table's P times (1 + 1e-7): the relative tolerance keeps tables tied with the
 * observed one from being lost to rounding (the rule and tolerance of R's fisher.test).
 * Probabilities are exact sums over all tables (fisher-enumeration.ts), on the log scale with
 * precomputed log-factorials. Rows and columns with total 0 are dropped first: they change no
 * table's probability; if fewer than 2 rows or 2 columns are left, the observed table is the only
 * one with its margins and p = 1.
 */
import { statsFail, statsOk, type StatsResult } from './errors.ts';
import { enumerateTables } from './fisher-enumeration.ts';
import { checkTable } from './fisher-table.ts';
import { logFactorialTable } from './gamma.ts';

export type FisherExactResult = {
  /** Two-sided p-value (Freeman-Halton), in [0, 1]. */
  readonly pValue: number;
  /** Hypergeometric probability of the observed table given its margins. */
  readonly observedProbability: number;
  /** Total count N. */
  readonly n: number;
  /** Tables and whole subtrees evaluated: the cost of the run, not the number of tables. */
  readonly evaluations: number;
};

export type FisherExactOptions = {
  /** Refuse past this many evaluations (default 20 million, a few seconds on a tablet). */
  readonly maxEvaluations?: number;
};

/** Relative tolerance for ties with the observed table (R: fisher.test, relErr = 1 + 1e-7). */
export const FISHER_RELATIVE_TOLERANCE = 1e-7;
const DEFAULT_MAX_EVALUATIONS = 20_000_000;

/**
 * Two-sided Fisher-Freeman-Halton exact test of an r x c table of counts (a list of rows of
 * non-negative whole numbers). protocol.md Table I, [[7, 2, 13], [11, 0, 12]], gives
 * p = 0.280410 (paper: 0.280).
 */
export function fisherExact(
  table: readonly (readonly number[])[],
  options: FisherExactOptions = {},
): StatsResult<FisherExactResult> {
  const checked = checkTable(table);
  if (!checked.ok) return checked;
  const { rowTotals, colTotals, cells, n } = checked.value;
  const rows = rowTotals.filter((x) => x > 0);
  const cols = colTotals.filter((x) => x > 0);
  if (rows.length < 2 || cols.length < 2) {
    return statsOk({ pValue: 1, observedProbability: 1, n, evaluations: 1 });
  }
  const lf = logFactorialTable(n);
  let logObserved = -(lf[n] as number);
  for (const x of rowTotals) logObserved += lf[x] as number;
  for (const x of colTotals) logObserved += lf[x] as number;
  for (const x of cells) logObserved -= lf[x] as number;
  // Fewer rows than columns means fewer cells to choose per column, so enumerate the transpose
  // if needed; larger totals last, since the last row of a column and the last column are forced.
  const [shortSide, longSide] = rows.length <= cols.length ? [rows, cols] : [cols, rows];
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const result = enumerateTables(
    shortSide.slice().sort((a, b) => a - b),
    longSide.slice().sort((a, b) => a - b),
    logObserved + Math.log1p(FISHER_RELATIVE_TOLERANCE),
    { maxEvaluations, prune: true },
  );
  if (result === null) {
    return statsFail(
      'table-too-large',
      'table',
      `This table has too many possible tables with its totals to enumerate exactly here (over ${maxEvaluations} steps). ` +
        'Merge sparse categories, or run the exact test in a statistics package.',
      `Er zijn te veel mogelijke tabellen met dezelfde randtotalen om hier exact op te sommen (meer dan ${maxEvaluations} stappen). ` +
        'Voeg dun bezette categorieën samen, of voer de exacte toets van Fisher uit in een statistisch pakket.',
    );
  }
  return statsOk({
    // When every table counts the sum can exceed 1 by rounding (~1e-15); a probability cannot.
    pValue: Math.min(1, result.pValue),
    observedProbability: Math.exp(logObserved),
    n,
    evaluations: result.evaluations,
  });
}
