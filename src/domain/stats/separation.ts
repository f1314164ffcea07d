/**
 * Exact check for (quasi-)complete separation in logistic regression, before any fitting.
 *
 * The maximum-likelihood estimate exists (finite) if and only if the data "overlap" (Albert &
 * Anderson 1984): there is no coefficient vector b != 0 with s_i x_i.b >= 0 for every patient,
 * where s_i = +1 for an event and -1 otherwise. By Stiemke's theorem of the alternative (X of
 * full column rank), that holds exactly when some strictly positive weights lambda satisfy
 * sum_i lambda_i s_i x_i = 0, a linear-programming feasibility question (Konis 2007, the
 * approach of R's safeBinaryRegression). Scaling lambda >= 1 and writing lambda = 1 + mu:
 *   find mu >= 0 with  M mu = -M 1,   M = (s_i x_i) as columns.
 * Phase 1 of the simplex method decides it, with Bland's rule so it cannot cycle.
 * Internal: X is trusted (finite, full column rank, predictors standardised).
 */

const FEASIBILITY_TOLERANCE = 1e-9;

export type SeparationCheck = 'overlap' | 'separated' | 'undecided';

/** rows: x_i including the intercept 1; outcome: 0/1 per row. */
export function checkSeparation(
  rows: readonly (readonly number[])[],
  outcome: readonly number[],
): SeparationCheck {
  const n = rows.length;
  const p = (rows[0] as readonly number[]).length;
  // Tableau: p constraint rows, columns mu_1..mu_n, artificial a_1..a_p, then right-hand side.
  const width = n + p + 1;
  const t: Float64Array[] = [];
  let scale = 0;
  for (let k = 0; k < p; k++) {
    const row = new Float64Array(width);
    let rhs = 0;
    for (let i = 0; i < n; i++) {
      const v = (outcome[i] === 1 ? 1 : -1) * ((rows[i] as readonly number[])[k] as number);
      row[i] = v;
      rhs -= v;
    }
    if (rhs < 0) for (let i = 0; i < n; i++) row[i] = -(row[i] as number);
    row[n + k] = 1;
    row[width - 1] = Math.abs(rhs);
    scale += Math.abs(rhs);
    t.push(row);
  }
  const basis = Array.from({ length: p }, (_, k) => n + k);
  // Phase-1 objective: minimise the sum of artificials; reduced costs = -(sum of rows) on mu.
  const cost = new Float64Array(width);
  for (const row of t)
    for (let i = 0; i < n; i++) cost[i] = (cost[i] as number) - (row[i] as number);
  let objective = scale;
  const eps = FEASIBILITY_TOLERANCE * Math.max(1, scale);
  const maxPivots = 50 * (n + p);
  for (let pivots = 0; pivots < maxPivots; pivots++) {
    if (objective <= eps) return 'overlap';
    // Bland: the lowest-index column with a negative reduced cost enters.
    let enter = -1;
    for (let jj = 0; jj < n + p; jj++) {
      if ((cost[jj] as number) < -1e-12) {
        enter = jj;
        break;
      }
    }
    if (enter < 0) return 'separated'; // optimal with artificials > 0: infeasible
    let leave = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < p; k++) {
      const a = (t[k] as Float64Array)[enter] as number;
      if (a > 1e-12) {
        const ratio = ((t[k] as Float64Array)[width - 1] as number) / a;
        if (
          ratio < best - 1e-15 ||
          (Math.abs(ratio - best) <= 1e-15 && (basis[k] as number) < (basis[leave] as number))
        ) {
          best = ratio;
          leave = k;
        }
      }
    }
    if (leave < 0) return 'undecided'; // unbounded cannot happen in phase 1; numerical trouble
    const pivotRow = t[leave] as Float64Array;
    const pivot = pivotRow[enter] as number;
    for (let jj = 0; jj < width; jj++) pivotRow[jj] = (pivotRow[jj] as number) / pivot;
    for (let k = 0; k < p; k++) {
      if (k === leave) continue;
      const row = t[k] as Float64Array;
      const f = row[enter] as number;
      if (f !== 0)
        for (let jj = 0; jj < width; jj++)
          row[jj] = (row[jj] as number) - f * (pivotRow[jj] as number);
    }
    const f = cost[enter] as number;
    for (let jj = 0; jj < width; jj++)
      cost[jj] = (cost[jj] as number) - f * (pivotRow[jj] as number);
    basis[leave] = enter;
    objective = 0;
    for (let k = 0; k < p; k++)
      if ((basis[k] as number) >= n) objective += (t[k] as Float64Array)[width - 1] as number;
  }
  return 'undecided';
}
