/**
 * Small dense symmetric positive-definite algebra for the logistic regression (a handful of
 * coefficients): Cholesky factorisation with a rank check, solve and inverse. Matrices are
 * arrays of rows. Internal; not part of the public API.
 */

export type Matrix = number[][];

const at = (m: readonly (readonly number[])[], i: number, j: number): number =>
  (m[i] as number[])[j] as number;

/**
 * Lower-triangular L with A = L L^T, or null when A is not numerically positive definite: a
 * pivot at or below `relativeTolerance` times its diagonal entry means the columns behind A are
 * (nearly) linearly dependent.
 */
export function cholesky(
  a: readonly (readonly number[])[],
  relativeTolerance = 1e-10,
): Matrix | null {
  const p = a.length;
  const l: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let diag = at(a, j, j);
    for (let k = 0; k < j; k++) diag -= at(l, j, k) ** 2;
    if (!(diag > relativeTolerance * Math.abs(at(a, j, j)))) return null;
    const ljj = Math.sqrt(diag);
    (l[j] as number[])[j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = at(a, i, j);
      for (let k = 0; k < j; k++) s -= at(l, i, k) * at(l, j, k);
      (l[i] as number[])[j] = s / ljj;
    }
  }
  return l;
}

/** Solves L L^T x = b for x, given the Cholesky factor L. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = l.length;
  const y = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= at(l, i, k) * (y[k] as number);
    y[i] = s / at(l, i, i);
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= at(l, k, i) * (x[k] as number);
    x[i] = s / at(l, i, i);
  }
  return x;
}

/** (L L^T)^-1, column by column. */
export function choleskyInverse(l: readonly (readonly number[])[]): Matrix {
  const p = l.length;
  const columns = Array.from({ length: p }, (_, j) =>
    choleskySolve(
      l,
      Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  // Symmetrise: the two triangles agree up to rounding; average so SEs do not depend on order.
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => (at(columns, j, i) + at(columns, i, j)) / 2),
  );
}
