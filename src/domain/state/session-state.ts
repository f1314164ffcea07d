/**
 * Where a session stands, derived from its records only (protocol.md section 4, steps 2-6).
 * Nothing here is stored: the tablet re-derives it from the append-only records every time,
 * so a reload, a second tablet or a late sync all show the same state.
 *
 * Step order: pre-checks -> dose-plan -> ready-to-start -> running/paused -> stopped ->
 * discharged. What happened wins over what should have happened: an infusion started without
 * a valid sign-off still shows as running, and the session is flagged for review.
 */
import { CHECKLIST_ITEMS, PRE_INFUSION_CHECKLIST, type ChecklistItem } from '../records/session.ts';
import type { ClinicalRecord, RecordKind, RecordOfKind } from '../records/registry.ts';
import { effectiveRecords, type CorrectionConflict, type EffectiveRecords } from './effective.ts';
import { infusionStatus, type InfusionStatusSummary } from './infusion-status.ts';
import {
  checkDoubleCheck,
  checkPlanSignable,
  checkSignOff,
  type Checked,
} from './dose-plan-checks.ts';

export type SessionStep =
  'pre-checks' | 'dose-plan' | 'ready-to-start' | 'running' | 'paused' | 'stopped' | 'discharged';

export type ChecklistState = {
  /** Latest record per item (ticked or unticked), null when never recorded. */
  readonly items: { readonly [K in ChecklistItem]: RecordOfKind<'checklist-item'> | null };
  /** Pre-infusion items not (or no longer) ticked. */
  readonly missingPreInfusion: readonly ChecklistItem[];
};

export type SessionState = {
  readonly sessionId: string;
  readonly session: RecordOfKind<'session'> | null;
  readonly step: SessionStep;
  readonly checklist: ChecklistState;
  readonly weight: RecordOfKind<'weight'> | null;
  readonly baseline: RecordOfKind<'baseline-vitals'> | null;
  readonly currentDosePlan: RecordOfKind<'dose-plan'> | null;
  /** Why the current plan cannot be signed yet (hard findings, missing overrides/reasons). */
  readonly dosePlanProblems: readonly string[];
  readonly doubleCheck: Checked<RecordOfKind<'double-check'>> | null;
  /** Valid only when it covers the current dose plan and the double check matches. */
  readonly signOff: Checked<RecordOfKind<'sign-off'>> | null;
  readonly infusion: InfusionStatusSummary;
  readonly infusionEvents: readonly RecordOfKind<'infusion-event'>[];
  readonly observations: readonly RecordOfKind<'observation'>[];
  readonly sideEffects: readonly RecordOfKind<'side-effect'>[];
  readonly drugs: readonly RecordOfKind<'drug-given'>[];
  readonly discharge: RecordOfKind<'discharge'> | null;
  readonly outcome: RecordOfKind<'outcome-answer'> | null;
  readonly conflicts: readonly CorrectionConflict[];
  readonly needsReview: boolean;
  /** Why the session needs review, in words. */
  readonly reviewReasons: readonly string[];
};

const ofKind = <K extends RecordKind>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind);
const latest = <T>(list: readonly T[]): T | null => list.at(-1) ?? null;

/** Accepts raw records or an already computed effective view (to derive many sessions). */
export const asEffective = (
  input: readonly ClinicalRecord[] | EffectiveRecords,
): EffectiveRecords => ('historyOf' in input ? input : effectiveRecords(input));

function checklistState(items: readonly RecordOfKind<'checklist-item'>[]): ChecklistState {
  const byItem = {} as { [K in ChecklistItem]: RecordOfKind<'checklist-item'> | null };
  for (const r of items) byItem[r.payload.item] = r; // ordered by clinical time: latest wins
  const all = Object.fromEntries(
    CHECKLIST_ITEMS.map((k) => [k, byItem[k] ?? null]),
  ) as ChecklistState['items'];
  return {
    items: all,
    missingPreInfusion: PRE_INFUSION_CHECKLIST.filter((k) => all[k]?.payload.checked !== true),
  };
}

/**
 * The state of session `sessionId` (the id of its first session record) from its records.
 * `records` may hold more than this session (e.g. the whole patient): corrections and
 * markers are applied first (effective.ts), then only this session's records are used.
 * Lists are ordered by clinical time; "current" means the latest effective record.
 */
export function deriveSessionState(
  input: readonly ClinicalRecord[] | EffectiveRecords,
  sessionId: string,
): SessionState {
  const view = asEffective(input);
  const mine = view.records.filter((r) => r.sessionId === sessionId);
  const session = latest(ofKind(mine, 'session'));
  const checklist = checklistState(ofKind(mine, 'checklist-item'));
  const weight = latest(ofKind(mine, 'weight'));
  const baseline = latest(ofKind(mine, 'baseline-vitals'));
  const plan = latest(ofKind(mine, 'dose-plan'));
  const dosePlanProblems = plan ? checkPlanSignable(plan) : [];
  const doubleCheck = plan ? checkDoubleCheck(plan, ofKind(mine, 'double-check')) : null;
  const signOff = plan
    ? checkSignOff(plan, dosePlanProblems, doubleCheck, ofKind(mine, 'sign-off'))
    : null;
  const infusionEvents = ofKind(mine, 'infusion-event');
  const infusion = infusionStatus(infusionEvents);
  const discharges = ofKind(mine, 'discharge');
  const discharge = latest(discharges);
  const conflicts = view.conflicts.filter((c) => c.sessionId === sessionId);

  const reviewReasons = [...conflicts.map((c) => c.message), ...infusion.anomalies];
  if (infusion.status !== 'not-started' && signOff?.valid !== true) {
    reviewReasons.push(
      'The infusion was started without a valid sign-off of the current dose plan.',
    );
  }
  if (doubleCheck?.record.payload.matches === true && !doubleCheck.valid) {
    reviewReasons.push(
      `The double check is recorded as matching, but: ${doubleCheck.problems.join(' ')}`,
    );
  }
  if (discharges.length > 1)
    reviewReasons.push('There is more than one discharge record; the latest is shown.');
  if (discharge && infusion.status !== 'stopped' && infusion.status !== 'not-started') {
    reviewReasons.push(
      'The patient was discharged while the infusion was not recorded as stopped.',
    );
  }

  const preChecksDone =
    checklist.missingPreInfusion.length === 0 && weight !== null && baseline !== null;
  const step: SessionStep = discharge
    ? 'discharged'
    : infusion.status !== 'not-started'
      ? infusion.status
      : !preChecksDone
        ? 'pre-checks'
        : signOff?.valid === true
          ? 'ready-to-start'
          : 'dose-plan';

  return {
    sessionId,
    session,
    step,
    checklist,
    weight,
    baseline,
    currentDosePlan: plan,
    dosePlanProblems,
    doubleCheck,
    signOff,
    infusion,
    infusionEvents,
    observations: ofKind(mine, 'observation'),
    sideEffects: ofKind(mine, 'side-effect'),
    drugs: ofKind(mine, 'drug-given'),
    discharge,
    outcome: latest(ofKind(mine, 'outcome-answer')),
    conflicts,
    needsReview: reviewReasons.length > 0,
    reviewReasons,
  };
}
