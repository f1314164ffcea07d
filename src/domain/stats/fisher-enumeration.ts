/**
 * Exact enumeration behind Fisher's exact test (fisher-exact.ts). Internal: arguments are
 * trusted (at least 2 rows and 2 columns, all totals > 0, equal grand totals).
 *
 * Tables are built column by column, each column cell by cell within the remaining row totals
 * (for 2 x c: enumerating the first row). Bounds on every cell keep the partial table
 * completable, so every leaf is a valid table; the last row of each column and the last column
 * are forced. With S = sum of ln n_ij! over cells, a table's probability is exp(logConst - S).
 *
 * Pruning (a light form of Mehta & Patel's network algorithm, 1983): at the start of each column,
 * bounds on S over every completion of the remaining columns can show that all of them count
 * (even the most probable one is at most the threshold) or that none does. ln k! is convex, so a
 * total spread evenly over its cells gives the smallest share of S and a total in one cell the
 * largest; rows and columns each give a bound and the tighter is used. A subtree that counts
 * whole adds its probability in closed form, since the sum of prod 1/n_ij! over all tables with
 * row totals R and column totals C is N! / (prod R_i! prod C_j!). `prune: false` turns this off
 * so tests can compare with plain enumeration.
 */
import { logFactorialTable } from './gamma.ts';

export type Enumeration = {
  /** Sum of the probabilities of tables with ln P <= logThreshold. */
  readonly pValue: number;
  /** Sum over all tables: 1 up to rounding (a check for tests). */
  readonly totalProbability: number;
  /** Leaves plus subtrees settled whole: the cost of the run. */
  readonly evaluations: number;
};

export function enumerateTables(
  rowTotals: readonly number[],
  colTotals: readonly number[],
  logThreshold: number,
  options: { readonly maxEvaluations: number; readonly prune: boolean },
): Enumeration | null {
  const r = rowTotals.length;
  const c = colTotals.length;
  const n = rowTotals.reduce((a, b) => a + b, 0);
  const lf = logFactorialTable(n);
  const lfOf = (k: number) => lf[k] as number;
  let logConst = -lfOf(n);
  for (const x of rowTotals) logConst += lfOf(x);
  for (const x of colTotals) logConst += lfOf(x);

  const rowRem = Int32Array.from(rowTotals);
  // suffix[j * (r + 1) + i] = sum of rowRem[i..r-1] when column j was started; one slice per
  // column, because deeper columns write their own slice while column j is still looping.
  const suffix = new Int32Array(c * (r + 1));
  let pSum = 0;
  let pCompensation = 0; // Neumaier
  let total = 0;
  let evaluations = 0;
  let overBudget = false;

  const count = (logP: number) => {
    const p = Math.exp(logP);
    total += p;
    if (logP <= logThreshold) {
      const t = pSum + p;
      pCompensation += pSum >= p ? pSum - t + p : p - t + pSum;
      pSum = t;
    }
    if (++evaluations > options.maxEvaluations) overBudget = true;
  };

  const balanced = (x: number, parts: number): number => {
    const q = Math.floor(x / parts);
    const extra = x - q * parts;
    return (parts - extra) * lfOf(q) + extra * lfOf(q + 1);
  };

  /** True when the subtree from the start of column j (placed cells sum to s) was settled. */
  const settleSubtree = (j: number, s: number): boolean => {
    const m = c - j;
    let rowsMin = 0;
    let rowsMax = 0;
    let logMass = lfOf(suffix[j * (r + 1)] as number);
    for (let k = 0; k < r; k++) {
      const x = rowRem[k] as number;
      rowsMin += balanced(x, m);
      rowsMax += lfOf(x);
      logMass -= lfOf(x);
    }
    let colsMin = 0;
    let colsMax = 0;
    for (let k = j; k < c; k++) {
      const x = colTotals[k] as number;
      colsMin += balanced(x, r);
      colsMax += lfOf(x);
      logMass -= lfOf(x);
    }
    const allIn = logConst - s - Math.max(rowsMin, colsMin) <= logThreshold;
    const allOut = logConst - s - Math.min(rowsMax, colsMax) > logThreshold;
    if (!allIn && !allOut) return false;
    // All tables of the subtree share the fate: count their total as one block.
    const logBlock = logConst - s + logMass;
    const p = Math.exp(logBlock);
    total += p;
    if (allIn) {
      const t = pSum + p;
      pCompensation += pSum >= p ? pSum - t + p : p - t + pSum;
      pSum = t;
    }
    if (++evaluations > options.maxEvaluations) overBudget = true;
    return true;
  };

  // Place cell (i, j); colRem is what column j still needs, s the sum of lf over placed cells.
  const fill = (j: number, i: number, colRem: number, s: number): void => {
    if (overBudget) return;
    if (j === c - 1) {
      let leaf = s;
      for (let k = 0; k < r; k++) leaf += lfOf(rowRem[k] as number);
      count(logConst - leaf);
      return;
    }
    const base = j * (r + 1);
    if (i === 0) {
      for (let k = r - 1; k >= 0; k--)
        suffix[base + k] = (suffix[base + k + 1] as number) + (rowRem[k] as number);
      if (options.prune && settleSubtree(j, s)) return;
    }
    if (i === r - 1) {
      // Forced; the lower bound used at row r - 2 guarantees it fits.
      rowRem[i] = (rowRem[i] as number) - colRem;
      fill(j + 1, 0, colTotals[j + 1] as number, s + lfOf(colRem));
      rowRem[i] += colRem;
      return;
    }
    const available = rowRem[i] as number;
    // Rows below i are untouched in this column so far: their starting totals still hold.
    const lo = Math.max(0, colRem - (suffix[base + i + 1] as number));
    const hi = Math.min(available, colRem);
    for (let v = lo; v <= hi; v++) {
      rowRem[i] = available - v;
      fill(j, i + 1, colRem - v, s + lfOf(v));
    }
    rowRem[i] = available;
  };

  fill(0, 0, colTotals[0] as number, 0);
  if (overBudget) return null;
  return { pValue: pSum + pCompensation, totalProbability: total, evaluations };
}
