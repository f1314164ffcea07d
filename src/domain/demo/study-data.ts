/**
 * The numbers the synthetic study center is built to reproduce (the paper's Results, via
 * protocol.md section 8), and the patient-level values chosen to give them. Values were
 * chosen once, offline, with this repository's statistics library; the demo test checks them
 * again through the whole pipeline (records -> computeRegistry).
 *
 * - Per-protocol % improvement (45 answers, one decimal at most): 23 >= 50 %, sum 1973.1,
 *   SD 27.649 -> mean 43.85 %, t-based 95 % CI 35.54-52.15 (paper: 43.85, 35.54-52.15).
 * - Baseline NRS of the 45: median 7, IQR 6-8 (SPSS HAVERAGE); logistic regression of
 *   favorable on NRS gives OR 0.978 (95 % CI 0.731-1.308), Wald p = 0.880. The paper's
 *   0.975 (0.729-1.304), p = 0.863 is not reachable exactly with whole NRS scores for 23/22
 *   patients under the median/IQR constraints (searched); this is the closest found.
 * - The 61 included: 14 men / 47 women; ages 27-84, median 54, IQR 46.5-58.5.
 */

/** Final % improvement of the per-protocol groups (course-category.ts names the categories). */
export const IMPROVEMENT = {
  /** Discontinued after the first full dose for lack of effect. */
  lackAfterFirstFullDose: [6.1, 7, 9, 10],
  /** Discontinued after the first full dose: intolerance (side effects), and the delirium patient who left. */
  intoleranceAfterFirstFullDose: 12,
  leftAfterFirstFullDose: 14,
  /** Discontinued after three administrations for lack of effect. */
  lackAfterThree: [0, 5, 7, 13, 16],
  intoleranceAfterThree: 27,
  /** Discontinued after three for other reasons, with a favorable answer. */
  otherAfterThree: [50, 51],
  continuingUnsuccessful: [17, 20, 25, 27, 32, 33, 33, 34, 35, 39],
  continuingSuccessful: [
    50, 50, 50, 54, 58, 59, 60, 61, 64, 66, 68, 69, 70, 73, 80, 83, 83, 84, 85, 88, 96,
  ],
} as const;

/** Baseline NRS: per-protocol favorable (23), unfavorable (22), and the 16 lost. */
export const NRS = {
  favorable: [2, 3, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 8, 8, 8, 9, 9, 10, 10, 10, 10],
  unfavorable: [3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 10, 10],
  lost: [4, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8, 9],
} as const;

/** Ages at the first administration of the 61 included (sorted; shuffled when assigned). */
export const INCLUDED_AGES = [
  27, 31, 33, 36, 38, 40, 41, 42, 43, 44, 44, 45, 45, 46, 46, 47, 47, 48, 48, 49, 50, 50, 51, 51,
  52, 52, 53, 53, 53, 54, 54, 54, 55, 55, 55, 56, 56, 56, 57, 57, 57, 57, 58, 58, 58, 58, 59, 60,
  61, 62, 63, 64, 65, 66, 67, 69, 71, 73, 76, 79, 84,
] as const;

export const INCLUDED_MEN = 14;

/** Table I of the paper: [unsuccessful, successful] x [neuropathic, nociceptive, nociplastic]. */
export const TABLE_I = {
  unsuccessful: { neuropathic: 7, nociceptive: 2, nociplastic: 13 },
  successful: { neuropathic: 11, nociceptive: 0, nociplastic: 12 },
} as const;

/** Texts of "other" discontinuation reasons (protocol.md section 5: free text). */
export const OTHER_REASONS = {
  left: 'Left the center; reason not known.',
  deceased:
    'Deceased two months after the test dose; oncological disease found during treatment, unrelated to the pain.',
  moved: 'Moved to another region.',
  travel: 'The journey to the center became too hard.',
  liver: 'GGT above the upper limit of normal; KIT stopped pending work-up.',
} as const;

/** Study period (paper: January 1, 2015 to December 31, 2019) and the end of the demo data. */
export const STUDY_PERIOD = { from: '2015-01-01', to: '2019-12-31' } as const;
export const STUDY_DATA_END = '2020-12-15';
/** The report date: the ethics committee approval (paper: January 5, 2021). */
export const STUDY_AS_OF = '2021-01-05T00:00:00.000Z';
