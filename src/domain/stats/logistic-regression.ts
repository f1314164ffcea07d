/**
 * Binary logistic regression by maximum likelihood (protocol.md section 8: favourable outcome
 * on baseline NRS, reported as OR 0.975, 95 % CI 0.729-1.304, Wald p = 0.863, from SPSS).
 *
 * logit P(y = 1) = b0 + b1 x1 + ... + bk xk. Fitted by Newton-Raphson / IRLS (logistic-fit.ts)
 * on internally centred and scaled predictors (better conditioned; the MLE is equivariant, so
 * coefficients and their covariance are mapped back exactly). SEs are the square roots of the
 * diagonal of the inverse Fisher information; odds ratios and CIs are Wald (wald.ts).
 *
 * Refused, with a message, rather than returning numbers that mean nothing: too few patients
 * (n <= number of coefficients), no variation in the outcome or in a predictor, collinear
 * predictors, and complete or quasi-complete separation, detected exactly before fitting
 * (separation.ts): there the MLE does not exist, the "OR" grows without bound as the iteration
 * continues, and SPSS/R would print a huge OR and SE with a mere warning.
 * A warning (not an error) is returned below 10 events per predictor (Peduzzi et al. 1996).
 */
import {
  checkLevel,
  fieldNl,
  statsFail,
  statsOk,
  type StatsResult,
  type StatsWarning,
} from './errors.ts';
import { cholesky } from './linear-algebra.ts';
import { fitLogistic } from './logistic-fit.ts';
import { checkSeparation } from './separation.ts';
import { waldInference, type WaldInference } from './wald.ts';
import { checkLogisticInput } from './logistic-input.ts';

export type LogisticPredictor = { readonly name: string; readonly values: readonly number[] };

export type LogisticRegressionInput = {
  /** 1 (or true) = event, e.g. favourable outcome; 0 (or false) = no event. */
  readonly outcome: readonly (number | boolean)[];
  /** One or more predictors, each a value per patient in the order of `outcome`. */
  readonly predictors: readonly LogisticPredictor[];
};

export type LogisticRegressionOptions = {
  /** CI level for the odds ratios (default 0.95). */
  readonly level?: number;
  /** Newton iterations before giving up (default 50; a well-posed fit needs 4 to 8). */
  readonly maxIterations?: number;
};

export type LogisticCoefficient = WaldInference & { readonly name: string };

export type LogisticRegressionResult = {
  readonly n: number;
  readonly events: number;
  /** '(Intercept)' first, then the predictors in input order. */
  readonly coefficients: readonly LogisticCoefficient[];
  /** Covariance matrix of the coefficients (inverse Fisher information), same order. */
  readonly covariance: readonly (readonly number[])[];
  readonly logLikelihood: number;
  /** Log-likelihood of the intercept-only model; -2 (null - model) is the LR chi-square. */
  readonly nullLogLikelihood: number;
  readonly iterations: number;
  readonly warnings: readonly StatsWarning[];
};

export const INTERCEPT_NAME = '(Intercept)';

/** Fits the model; see the module comment for what is refused and why. */
export function logisticRegression(
  input: LogisticRegressionInput,
  options: LogisticRegressionOptions = {},
): StatsResult<LogisticRegressionResult> {
  const lv = checkLevel(options.level ?? 0.95);
  if (!lv.ok) return lv;
  const checked = checkLogisticInput(input);
  if (!checked.ok) return checked;
  const { y, columns, names, events } = checked.value;
  const n = y.length;
  const k = columns.length;
  // Centre and scale each predictor: x = centre + scale * z.
  const centres = columns.map((c) => c.reduce((s, v) => s + v, 0) / n);
  const scales = columns.map((c, j) =>
    Math.sqrt(c.reduce((s, v) => s + (v - (centres[j] as number)) ** 2, 0) / n),
  );
  const design = y.map((_, i) => [
    1,
    ...columns.map((c, j) => ((c[i] as number) - (centres[j] as number)) / (scales[j] as number)),
  ]);

  // Rank first: the separation theorem below assumes linearly independent columns.
  const p = k + 1;
  const gram = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (__, c) =>
      design.reduce((sum, r) => sum + (r[a] as number) * (r[c] as number), 0),
    ),
  );
  if (cholesky(gram) === null) {
    return statsFail(
      'collinear-predictors',
      'predictors',
      'The predictors are (nearly) linear combinations of each other; remove one of them and fit again.',
      'De predictoren zijn (bijna) lineaire combinaties van elkaar (collineariteit); laat er één weg en schat het model opnieuw.',
    );
  }
  const separation = checkSeparation(design, y);
  if (separation === 'separated') {
    return statsFail(
      'separation',
      'outcome',
      'The outcome is perfectly predicted for some patients by the predictor(s) (complete or quasi-complete separation), ' +
        "so the odds ratio is infinite and cannot be estimated. Report the cross-table (Fisher's exact test) instead, or group the predictor.",
      'De uitkomst wordt voor sommige patiënten perfect voorspeld door de predictor(en): volledige of quasi-volledige scheiding (separation). ' +
        'Daardoor is de odds ratio oneindig en kan die niet geschat worden. Rapporteer in plaats daarvan de kruistabel (exacte toets van Fisher), of groepeer de predictor.',
    );
  }
  const maxIterations = options.maxIterations ?? 50;
  const fit = fitLogistic(design, y, maxIterations);
  if (fit.kind !== 'converged') {
    // The columns were checked to be independent above, so an information matrix that turns
    // singular during the fit means the weights p (1 - p) vanished: fitted probabilities hit 0
    // or 1, i.e. (numerical) separation the exact check could not settle.
    return fit.kind === 'singular'
      ? statsFail(
          'separation',
          'outcome',
          'Fitted probabilities reached 0 or 1 (near separation): the odds ratio cannot be estimated. ' +
            "Report the cross-table (Fisher's exact test) instead, or group the predictor.",
          'Geschatte kansen bereikten 0 of 1 (bijna-scheiding, near separation): de odds ratio kan niet geschat worden. ' +
            'Rapporteer in plaats daarvan de kruistabel (exacte toets van Fisher), of groepeer de predictor.',
        )
      : statsFail(
          'not-converged',
          'outcome',
          `The fit did not converge in ${maxIterations} iterations, usually a sign of (near) separation; ` +
            'check the cross-table of outcome and predictor before reporting an odds ratio.',
          `Het model convergeerde niet in ${maxIterations} iteraties, meestal een teken van (bijna-)scheiding; ` +
            'bekijk de kruistabel van uitkomst en predictor voordat een odds ratio gerapporteerd wordt.',
        );
  }
  const { coefficients: beta, covariance: betaCovariance, logLikelihood, iterations } = fit;
  // b = T beta with b0 = beta0 - sum beta_j centre_j / scale_j and b_j = beta_j / scale_j;
  // covariance maps as T C T'.
  const t = Array.from({ length: p }, (_, r) =>
    Array.from({ length: p }, (_, c) => {
      if (r === 0) return c === 0 ? 1 : -(centres[c - 1] as number) / (scales[c - 1] as number);
      return r === c ? 1 / (scales[r - 1] as number) : 0;
    }),
  );
  const row = (m: readonly (readonly number[])[], i: number) => m[i] as readonly number[];
  const b = t.map((tr) => tr.reduce((s, v, c) => s + v * (beta[c] as number), 0));
  const tc = t.map((tr) =>
    Array.from({ length: p }, (_, c) =>
      tr.reduce((s, v, m) => s + v * (row(betaCovariance, m)[c] as number), 0),
    ),
  );
  const covariance = tc.map((tcr) =>
    Array.from({ length: p }, (_, c) =>
      tcr.reduce((s, v, m) => s + v * (row(t, c)[m] as number), 0),
    ),
  );

  const coefficients: LogisticCoefficient[] = [];
  for (let j = 0; j < p; j++) {
    const wald = waldInference(
      b[j] as number,
      Math.sqrt(row(covariance, j)[j] as number),
      lv.value,
    );
    if (!wald.ok) {
      return statsFail(
        'not-converged',
        'predictors',
        `The estimate for ${String([INTERCEPT_NAME, ...names][j])} is not finite; the model cannot be reported.`,
        `De schatting voor ${fieldNl(String([INTERCEPT_NAME, ...names][j]))} is niet eindig; het model kan niet gerapporteerd worden.`,
      );
    }
    coefficients.push({ name: [INTERCEPT_NAME, ...names][j] as string, ...wald.value });
  }
  const mean = events / n;
  const nullLogLikelihood = events * Math.log(mean) + (n - events) * Math.log1p(-mean);
  const warnings: StatsWarning[] = [];
  const fewer = Math.min(events, n - events);
  if (fewer < 10 * k) {
    warnings.push({
      message: `Only ${fewer} patient${fewer === 1 ? '' : 's'} in the smaller outcome group for ${k} predictor${k === 1 ? '' : 's'} (fewer than 10 per predictor): estimates may be unstable and biased away from 1.`,
      messageNl: `Slechts ${fewer} ${fewer === 1 ? 'patiënt' : 'patiënten'} in de kleinere uitkomstgroep voor ${k} ${k === 1 ? 'predictor' : 'predictoren'} (minder dan 10 per predictor): de schattingen kunnen instabiel zijn en systematisch verder van 1 liggen dan de werkelijke waarde.`,
    });
  }
  if (fit.fitted.some((f) => f < 1e-10 || f > 1 - 1e-10)) {
    warnings.push({
      message:
        'Some fitted probabilities are numerically 0 or 1: check for outlying predictor values before reporting.',
      messageNl:
        'Sommige geschatte kansen zijn numeriek 0 of 1: controleer de predictor op uitschieters voor het rapporteren.',
    });
  }
  return statsOk({
    n,
    events,
    coefficients,
    covariance,
    logLikelihood,
    nullLogLikelihood,
    iterations,
    warnings,
  });
}
