/**
 * Builds report figures: a statistics result with the n and basis it was computed from
 * (issue 5: "Each figure shows n and what it was computed from").
 */
import type { StatsResult } from '../stats/index.ts';
import type { Figure } from './types.ts';

/** Wraps a statistics result with its n and basis. */
export function figure<T>(n: number, basis: string, result: StatsResult<T>): Figure<T> {
  return result.ok
    ? { n, basis, ok: true, value: result.value }
    : { n, basis, ok: false, error: result.error };
}

/** A figure that is always available (counts). */
export const countFigure = <T>(n: number, basis: string, value: T): Figure<T> => ({
  n,
  basis,
  ok: true,
  value,
});

/** "1 patient" / "3 patients". */
export const patients = (n: number): string => `${n} patient${n === 1 ? '' : 's'}`;
