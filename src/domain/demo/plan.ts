/**
 * A synthetic patient's course, decided before any record is written: who the patient is,
 * how many administrations, what happened in them and how it ended. The study center
 * (study-plans.ts) fixes these to the paper's numbers; the scalable center (random-plans.ts)
 * draws them. records are then written from the plan (patient-records.ts, session-records.ts).
 */
import type { DiscontinuationReason, PainType, SideEffectId } from '../records.ts';

/** What was done about a side effect (protocol.md section 4 table; paper, Safety). */
export type SideEffectResponse =
  'ondansetron' | 'midazolam' | 'propofol-bolus' | 'observe' | 'pause' | 'stop-session';

export type PlannedSideEffect = {
  /** 0-based index of the administration it happened in (0 = the test dose). */
  readonly administration: number;
  readonly effect: SideEffectId;
  readonly response: SideEffectResponse;
};

export type PatientPlan = {
  /** Center patient number, e.g. DEMO-0001 (pseudonymous, clearly synthetic). */
  readonly number: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  /** NRS 0-10 before therapy. */
  readonly baselineNrs: number;
  readonly painOpinions: {
    readonly physician1: PainType;
    readonly physician2: PainType;
    readonly external?: PainType;
  };
  readonly nonOncologic: boolean;
  readonly course: {
    readonly startedOn: string;
    readonly startedHere: boolean;
    readonly priorAdministrations: number;
  };
  /** YYYY-MM-DD of the first session here (a weekday). */
  readonly firstSessionOn: string;
  readonly administrations: number;
  /** Days between sessions (protocol: about every 4 weeks). */
  readonly intervalDays: number;
  /** Usual weight in kg (each session varies a little around it). */
  readonly weightKg: number;
  /** The latest % improvement after the first full dose; null = never answered. */
  readonly finalImprovementPercent: number | null;
  /** How the course ended, if it did; answered by phone a few weeks after the last session. */
  readonly discontinuation: {
    readonly reason: DiscontinuationReason;
    readonly text?: string;
    readonly afterAdministrations: number;
  } | null;
  /** Session 1 (test dose) not tolerated. */
  readonly testDoseNotTolerated: boolean;
  readonly sideEffects: readonly PlannedSideEffect[];
  /** GGT above the lab's ULN on the last liver panel (paper: GGT 39 U/L, ULN 36 U/L). */
  readonly liverElevation: { readonly ggtUPerL: number; readonly ggtUlnUPerL: number } | null;
  /** 0-based administrations whose dose plan deviates from the protocol (another dose). */
  readonly deviations: readonly number[];
  /** A session before this administration was abandoned before the start (e.g. BP too high). */
  readonly abandonedBefore: readonly number[];
};
