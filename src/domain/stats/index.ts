/**
 * Public API of the registry statistics (protocol.md section 8). Pure functions, no
 * dependencies; every function validates its input and returns a StatsResult whose error says
 * what cannot be estimated and why. Nothing is rounded except by `roundForDisplay`.
 * Internal numerics (log-gamma, incomplete beta, enumeration, simplex, Newton) stay in their
 * modules.
 */
export type { StatsError, StatsErrorCode, StatsResult, StatsWarning } from './errors.ts';

export { countPercent, mean, standardDeviation, summarize } from './descriptive.ts';
export type { CountPercent, Summary } from './descriptive.ts';

export { median, quantile, quartiles } from './quantiles.ts';
export type { QuartileMethod, Quartiles } from './quantiles.ts';

export { roundForDisplay } from './display.ts';

export { erf, erfc, normalCdf, normalQuantile, twoSidedNormalP } from './normal.ts';
export { studentTCdf, studentTQuantile } from './t-distribution.ts';

export {
  meanConfidenceInterval,
  meanConfidenceIntervalFromSummary,
  sdFromMeanConfidenceInterval,
} from './confidence-interval.ts';
export type { MeanConfidenceInterval, MeanSummary } from './confidence-interval.ts';

export { FISHER_RELATIVE_TOLERANCE, fisherExact } from './fisher-exact.ts';
export type { FisherExactOptions, FisherExactResult } from './fisher-exact.ts';

export { waldInference } from './wald.ts';
export type { WaldInference } from './wald.ts';

export { INTERCEPT_NAME, logisticRegression } from './logistic-regression.ts';
export type {
  LogisticCoefficient,
  LogisticPredictor,
  LogisticRegressionInput,
  LogisticRegressionOptions,
  LogisticRegressionResult,
} from './logistic-regression.ts';
