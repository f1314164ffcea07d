/**
 * Builds report figures: a statistics result with the n and basis it was computed from
 * (issue 5: "Each figure shows n and what it was computed from"). The basis is given in
 * English and in Dutch (nl-BE), both built from the same counts.
 */
import type { StatsResult } from '../stats/index.ts';
import type { Figure } from './types.ts';

/** Wraps a statistics result with its n and basis (English and Dutch). */
export function figure<T>(
  n: number,
  basis: string,
  basisNl: string,
  result: StatsResult<T>,
): Figure<T> {
  return result.ok
    ? { n, basis, basisNl, ok: true, value: result.value }
    : { n, basis, basisNl, ok: false, error: result.error };
}

/** A figure that is always available (counts). */
export const countFigure = <T>(n: number, basis: string, basisNl: string, value: T): Figure<T> => ({
  n,
  basis,
  basisNl,
  ok: true,
  value,
});

/** "1 patient" / "3 patients". */
export const patients = (n: number): string => `${n} patient${n === 1 ? '' : 's'}`;

/** "1 patiënt" / "3 patiënten". */
export const patientsNl = (n: number): string => `${n} ${n === 1 ? 'patiënt' : 'patiënten'}`;

/** "61 patiënten die aan de inclusiecriteria voldeden" (the verb agrees with n). */
export const includedNl = (n: number): string =>
  `${patientsNl(n)} die aan de inclusiecriteria ${n === 1 ? 'voldeed' : 'voldeden'}`;
