/**
 * How the paper's effectiveness categories map to records (Results: "Six patients (13.3 %)
 * discontinued therapy after administration of the first full dose, and eight patients
 * (17.8 %) discontinued therapy after a total of three administrations. Thirty-one ... (68.9 %)
 * continued therapy after the first three doses"; 6 + 8 + 31 = 45, so every per-protocol
 * patient is in exactly one category).
 *
 * For a per-protocol patient (at least two administrations: test dose + first full dose):
 * - discontinued-after-first-full-dose: therapy discontinued (discontinuation.ts) after at most
 *   2 administrations;
 * - discontinued-after-three: discontinued after exactly 3 administrations;
 * - continued-after-three: more than 3 administrations, or discontinued after more than 3
 *   (they did continue after the first three doses, whatever happened later);
 * - fewer-than-three-not-discontinued: 2 or 3 administrations and no discontinuation recorded
 *   (still early in the course as of the report, or gone without a recorded reason). Not a
 *   category of the paper (0 there); shown so the three above still add up honestly.
 */
import type { CourseCategory } from './types.ts';

/** Category from the number of administrations and, if discontinued, after how many. */
export function courseCategoryOf(
  administrations: number,
  discontinuedAfter: number | null,
): CourseCategory {
  if (discontinuedAfter !== null && discontinuedAfter <= 2)
    return 'discontinued-after-first-full-dose';
  if (discontinuedAfter === 3) return 'discontinued-after-three';
  if (administrations > 3 || (discontinuedAfter !== null && discontinuedAfter > 3))
    return 'continued-after-three';
  return 'fewer-than-three-not-discontinued';
}
