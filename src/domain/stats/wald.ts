/**
 * Wald inference for a log-odds coefficient: z = b / SE, two-sided p = 2 P(Z > |z|), and the
 * odds ratio exp(b) with CI exp(b +- z_{(1+level)/2} SE) (1.959964 for 95 %), as SPSS reports
 * for logistic regression ("Wald", "Sig.", "Exp(B)", "95 % C.I. for EXP(B)").
 * Note SPSS prints Wald = z^2 (chi-square, 1 df); the p-value is the same.
 */
import { checkLevel, statsFail, statsOk, type StatsResult } from './errors.ts';
import { normalQuantileRaw, normalUpperTailRaw } from './normal.ts';

export type WaldInference = {
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError. */
  readonly z: number;
  /** Two-sided, from the standard normal. */
  readonly pValue: number;
  /** exp(estimate). */
  readonly oddsRatio: number;
  readonly oddsRatioLower: number;
  readonly oddsRatioUpper: number;
  readonly level: number;
};

/**
 * Wald z, p and odds-ratio CI from a coefficient (log-odds) and its standard error (> 0).
 * Example: the paper's OR 0.975 (CI 0.729-1.304) implies SE 0.148 and p ~ 0.86.
 */
export function waldInference(
  estimate: number,
  standardError: number,
  level = 0.95,
): StatsResult<WaldInference> {
  const lv = checkLevel(level);
  if (!lv.ok) return lv;
  if (typeof estimate !== 'number' || !Number.isFinite(estimate)) {
    return statsFail(
      'not-finite',
      'estimate',
      `The coefficient must be a finite number, got ${String(estimate)}.`,
      `De coëfficiënt moet een eindig getal zijn, niet ${String(estimate)}.`,
    );
  }
  if (typeof standardError !== 'number' || !Number.isFinite(standardError) || standardError <= 0) {
    return statsFail(
      'out-of-range',
      'standardError',
      `The standard error must be a finite number above 0, got ${String(standardError)}.`,
      `De standaardfout moet een eindig getal boven 0 zijn, niet ${String(standardError)}.`,
    );
  }
  const z = estimate / standardError;
  const zCritical = normalQuantileRaw((1 + lv.value) / 2);
  return statsOk({
    estimate,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalUpperTailRaw(Math.abs(z))),
    oddsRatio: Math.exp(estimate),
    oddsRatioLower: Math.exp(estimate - zCritical * standardError),
    oddsRatioUpper: Math.exp(estimate + zCritical * standardError),
    level: lv.value,
  });
}
