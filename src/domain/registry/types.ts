/**
 * Types of the registry analyses (protocol.md section 8): the per-patient cohort row (the
 * study's variables, also the CSV export's patient rows) and the report. Every figure carries
 * `n` and a `basis` saying what it was computed from (`basisNl` in Dutch), so a screen never
 * shows a bare number.
 */
import type { DiscontinuationReason, PainType, SideEffectId } from '../records.ts';
import type { StatsError } from '../stats/index.ts';

/** Calendar dates YYYY-MM-DD, inclusive; filters patients on their first administration date. */
export type RegistryPeriod = { readonly from?: string; readonly to?: string };

/**
 * Which patients: 'real' (default) or 'synthetic' (demo and training data, patient.isSynthetic).
 * Never mixed: the patient record says synthetic data are never part of the real registry.
 */
export type RegistryPopulation = 'real' | 'synthetic';

export type RegistryOptions = {
  /** ISO instant: records with a later clinical time are ignored (a report "as of"). */
  readonly asOf: string;
  readonly period?: RegistryPeriod;
  readonly population?: RegistryPopulation;
};

/** Why a treated patient does not meet the inclusion criteria (paper, Methods). */
export const EXCLUSION_REASONS = [
  'no-course',
  'started-elsewhere',
  'minor-at-start',
  'age-undetermined',
  'oncologic',
  'oncologic-status-unknown',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * How therapy went after the test dose, per-protocol patients only (paper, Results:
 * "discontinued after the first full dose", "after a total of three administrations",
 * "continued therapy after the first three doses"); definitions in effectiveness.ts.
 */
export const COURSE_CATEGORIES = [
  'discontinued-after-first-full-dose',
  'discontinued-after-three',
  'continued-after-three',
  'fewer-than-three-not-discontinued',
] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

export type LiverElevation = {
  readonly sampledOn: string;
  /** Enzymes above the lab's ULN on that panel, e.g. GGT 39 U/L with ULN 36 U/L. */
  readonly enzymes: readonly {
    readonly enzyme: 'alt' | 'ast' | 'ggt' | 'alp';
    readonly valueUPerL: number;
    readonly ulnUPerL: number;
  }[];
};

/** One row per patient with the study's variables; null = not recorded / not applicable. */
export type CohortRow = {
  readonly patientId: string;
  readonly centerPatientNumber: string;
  readonly isSynthetic: boolean;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  readonly courseId: string | null;
  readonly courseStartedOn: string | null;
  readonly startedHere: boolean | null;
  /** Whole years at course start (null when only a birth year is known). */
  readonly ageAtCourseStartYears: number | null;
  readonly adultAtStart: 'adult' | 'minor' | 'undetermined' | null;
  /** Whole years at the first administration here (the paper's "age at the first treatment"). */
  readonly ageAtFirstAdministrationYears: number | null;
  readonly nonOncologic: boolean | null;
  /** ISO instant of the first infusion start (or its discharge if no start was recorded). */
  readonly firstAdministrationAt: string | null;
  /** Sessions with an infusion start or a discharge record. */
  readonly administrations: number;
  readonly inPeriod: boolean;
  /** All reasons, in the order of EXCLUSION_REASONS; empty = meets the inclusion criteria. */
  readonly exclusionReasons: readonly ExclusionReason[];
  readonly included: boolean;
  readonly lostAfterFirstAdministration: boolean;
  /** Administrations whose dose plan is marked as a protocol deviation. */
  readonly deviatingAdministrations: number;
  /** Administrations without any dose plan: adherence to the protocol cannot be shown. */
  readonly administrationsWithoutPlan: number;
  readonly perProtocol: boolean;
  readonly painType: PainType | null;
  readonly painTypeStatus:
    'agreed' | 'decided-by-external' | 'needs-external' | 'needs-opinions' | 'invalid';
  readonly baselineNrs: number | null;
  /** Latest self-reported % improvement since the first full dose (-100..100; <0 = worse). */
  readonly latestPainImprovementPercent: number | null;
  readonly latestAnswerAt: string | null;
  readonly discontinued: boolean;
  readonly discontinuationReason: DiscontinuationReason | null;
  readonly discontinuationText: string | null;
  readonly discontinuedAfterAdministrations: number | null;
  /** Per-protocol patients only; null otherwise. */
  readonly courseCategory: CourseCategory | null;
  /** Favorable outcome (protocol.md 5); null when the patient has no full dose. */
  readonly favorable: boolean | null;
  /** Distinct side effects recorded in any session. */
  readonly sideEffects: readonly SideEffectId[];
  readonly firstLiverElevation: LiverElevation | null;
  /** Data problems that need a person to look (correction conflicts, several courses, ...). */
  readonly reviewNotes: readonly string[];
};

/** A figure of the report: its value (or why it cannot be given), its n and its basis. */
export type Figure<T> = {
  readonly n: number;
  readonly basis: string;
  /** The same basis in Dutch (nl-BE), with the same numbers. */
  readonly basisNl: string;
} & ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StatsError });
