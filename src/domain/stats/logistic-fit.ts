/**
 * Newton-Raphson maximum likelihood for logistic regression (identical to IRLS / Fisher scoring
 * for the canonical logit link, as SPSS and R's glm use). Internal: the design matrix is
 * trusted (finite, intercept column first, full rank, no separation; see logistic-regression.ts).
 *
 * Each step solves (X' W X) delta = X' (y - p) by Cholesky, W = diag(p (1 - p)); a step that
 * lowers the log-likelihood is halved (up to 30 times), which makes the iteration monotone.
 * Converged when no coefficient moves by more than 1e-10 (1 + |b|) and the log-likelihood by
 * more than 1e-12 (1 + |ll|): Newton converges quadratically, so the last step is far smaller
 * still. Log-likelihood sum y eta - ln(1 + e^eta) uses a stable ln(1 + e^eta).
 */
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './linear-algebra.ts';

export type LogisticFit =
  | {
      readonly kind: 'converged';
      readonly coefficients: readonly number[];
      readonly covariance: Matrix;
      readonly logLikelihood: number;
      readonly iterations: number;
      readonly fitted: readonly number[];
    }
  | { readonly kind: 'singular' | 'not-converged'; readonly iterations: number };

const log1pExp = (eta: number) =>
  eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
const logistic = (eta: number) =>
  eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));

function linearPredictor(x: readonly (readonly number[])[], b: readonly number[]): number[] {
  return x.map((row) => row.reduce((s, v, k) => s + v * (b[k] as number), 0));
}

function logLikelihood(
  x: readonly (readonly number[])[],
  y: readonly number[],
  b: readonly number[],
): number {
  const eta = linearPredictor(x, b);
  let ll = 0;
  for (let i = 0; i < eta.length; i++)
    ll += (y[i] as number) * (eta[i] as number) - log1pExp(eta[i] as number);
  return ll;
}

/** Information X' W X and score X' (y - p) at b. */
function derivatives(
  x: readonly (readonly number[])[],
  y: readonly number[],
  b: readonly number[],
) {
  const p = b.length;
  const info: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const score = new Array<number>(p).fill(0);
  const eta = linearPredictor(x, b);
  const fitted = eta.map(logistic);
  x.forEach((row, i) => {
    const mu = fitted[i] as number;
    const w = mu * (1 - mu);
    const r = (y[i] as number) - mu;
    for (let j = 0; j < p; j++) {
      score[j] = (score[j] as number) + (row[j] as number) * r;
      const infoRow = info[j] as number[];
      for (let k = 0; k <= j; k++)
        infoRow[k] = (infoRow[k] as number) + w * (row[j] as number) * (row[k] as number);
    }
  });
  for (let j = 0; j < p; j++)
    for (let k = j + 1; k < p; k++) (info[j] as number[])[k] = (info[k] as number[])[j] as number;
  return { info, score, fitted };
}

export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  maxIterations: number,
): LogisticFit {
  const p = (x[0] as readonly number[]).length;
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  // Start at the intercept-only MLE, logit(mean), and 0 for the (standardised) predictors.
  let b = new Array<number>(p).fill(0);
  b[0] = Math.log(mean / (1 - mean));
  let ll = logLikelihood(x, y, b);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { info, score } = derivatives(x, y, b);
    const l = cholesky(info);
    if (l === null) return { kind: 'singular', iterations: iteration };
    const delta = choleskySolve(l, score);
    let step = 1;
    let next = b.map((v, k) => v + (delta[k] as number));
    let llNext = logLikelihood(x, y, next);
    for (
      let halvings = 0;
      halvings < 30 && !(llNext >= ll - 1e-12 * (1 + Math.abs(ll)));
      halvings++
    ) {
      step /= 2;
      next = b.map((v, k) => v + step * (delta[k] as number));
      llNext = logLikelihood(x, y, next);
    }
    const moved = next.some((v, k) => Math.abs(v - (b[k] as number)) > 1e-10 * (1 + Math.abs(v)));
    const llChanged = Math.abs(llNext - ll) > 1e-12 * (1 + Math.abs(llNext));
    b = next;
    ll = llNext;
    if (!moved && !llChanged) {
      const final = derivatives(x, y, b);
      const lf = cholesky(final.info);
      if (lf === null) return { kind: 'singular', iterations: iteration };
      return {
        kind: 'converged',
        coefficients: b,
        covariance: choleskyInverse(lf),
        logLikelihood: ll,
        iterations: iteration,
        fitted: final.fitted,
      };
    }
  }
  return { kind: 'not-converged', iterations: maxIterations };
}
