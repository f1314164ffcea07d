/**
 * A patient at a glance, derived from the patient's records (protocol.md sections 4-5): the
 * current patient record, course and status, each session with its dose and tolerance, when
 * something last happened, and the inputs the next dose decision needs (session-dose.ts).
 *
 * An administration is a session whose infusion was started. A session abandoned before the
 * start (e.g. blood pressure too high) does not count, so the test dose is never skipped.
 */
import type { PreviousSession } from '../session-dose.ts';
import type { ClinicalRecord, RecordOfKind } from '../records/registry.ts';
import type { CorrectionConflict, EffectiveRecords } from './effective.ts';
import { asEffective, deriveSessionState, type SessionStep } from './session-state.ts';

/**
 * A stopped infusion counts as completed ("ran to its planned end") when its running time,
 * pauses excluded, is at most this many minutes short of the planned duration. Why: the stop
 * is recorded by hand when the syringe empties and clinical times are entered to the minute;
 * 5 min of the protocol's 240 (about 2 %) covers that and nothing more. Shorter is "not
 * completed" and the next dose needs the anesthesiologist's decision.
 */
export const COMPLETED_SLACK_MIN = 5;

export type SessionSummary = {
  readonly sessionId: string;
  readonly sessionNumber: number;
  /** Infusion start, or the session record's clinical time when it never started. ISO instant. */
  readonly date: string;
  readonly scheduledFor: string | null;
  /** Ketamine dose of the current plan, in mg (null: no plan). */
  readonly doseMg: number | null;
  /** From the discharge record; null when not recorded. */
  readonly tolerated: boolean | null;
  readonly started: boolean;
  readonly completed: boolean;
  readonly isDeviation: boolean;
  readonly step: SessionStep;
  readonly needsReview: boolean;
};

export type PatientSummary = {
  readonly patientId: string;
  readonly patient: RecordOfKind<'patient'> | null;
  readonly course: RecordOfKind<'course'> | null;
  /** null when there is no course; 'active' until a status record says otherwise. */
  readonly courseStatus: 'active' | 'paused' | 'discontinued' | null;
  readonly courseStatusRecord: RecordOfKind<'course-status'> | null;
  /** Ordered by session number, then date. */
  readonly sessions: readonly SessionSummary[];
  /** Latest clinical time of any record of this patient (corrected or not), ISO instant. */
  readonly lastActivityAt: string | null;
  /** 1 + the highest session number that was administered. */
  readonly nextSessionNumber: number;
  /** Administered sessions, for expectedSessionDose (session-dose.ts). */
  readonly previousSessionsForDose: readonly PreviousSession[];
  /** The latest session not yet discharged, if any (to resume instead of starting anew). */
  readonly openSessionId: string | null;
  readonly conflicts: readonly CorrectionConflict[];
  readonly needsReview: boolean;
};

const latestOf = <K extends ClinicalRecord['kind']>(records: readonly ClinicalRecord[], kind: K) =>
  records.filter((r): r is RecordOfKind<K> => r.kind === kind).at(-1) ?? null;

/**
 * Summary of patient `patientId` (the id of the first patient record). `records` may hold
 * other patients' records too; pass an `EffectiveRecords` to avoid recomputing corrections.
 */
export function derivePatientSummary(
  input: readonly ClinicalRecord[] | EffectiveRecords,
  patientId: string,
): PatientSummary {
  const view = asEffective(input);
  const mine = view.records.filter((r) => r.patientId === patientId);
  const course = latestOf(mine, 'course');
  const statusRecord = course
    ? (mine
        .filter(
          (r): r is RecordOfKind<'course-status'> =>
            r.kind === 'course-status' && r.payload.courseId === course.id,
        )
        .at(-1) ?? null)
    : null;

  const sessionIds = [
    ...new Set(mine.filter((r) => r.kind === 'session').map((r) => r.sessionId as string)),
  ];
  const sessions: SessionSummary[] = sessionIds.map((sessionId) => {
    const s = deriveSessionState(view, sessionId);
    const plan = s.currentDosePlan;
    const planned = plan ? plan.payload.infusionDurationH * 60 : null;
    const ran = s.infusion.runningMin;
    return {
      sessionId,
      sessionNumber: s.session?.payload.sessionNumber ?? 0,
      date: s.infusion.startedAt ?? s.session?.clinicalTime ?? '',
      scheduledFor: s.session?.payload.scheduledFor ?? null,
      doseMg: plan?.payload.ketamineDoseMg ?? null,
      tolerated: s.discharge?.payload.tolerated ?? null,
      started: s.infusion.status !== 'not-started',
      completed: planned !== null && ran !== null && ran >= planned - COMPLETED_SLACK_MIN,
      isDeviation: plan?.payload.deviation.isDeviation ?? false,
      step: s.step,
      needsReview: s.needsReview,
    };
  });
  const byDate = (a: SessionSummary, b: SessionSummary) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  sessions.sort((a, b) => a.sessionNumber - b.sessionNumber || byDate(a, b));

  const administered = sessions.filter((s) => s.started);
  let lastActivityAt: string | null = null;
  for (const r of view.all)
    if (r.patientId === patientId && (lastActivityAt === null || r.clinicalTime > lastActivityAt))
      lastActivityAt = r.clinicalTime;
  const open = [...sessions]
    .sort(byDate)
    .filter((s) => s.step !== 'discharged')
    .at(-1);
  const conflicts = view.conflicts.filter((c) => c.patientId === patientId);

  return {
    patientId,
    patient: latestOf(mine, 'patient'),
    course,
    courseStatus: course ? (statusRecord?.payload.status ?? 'active') : null,
    courseStatusRecord: statusRecord,
    sessions,
    lastActivityAt,
    nextSessionNumber: 1 + administered.reduce((max, s) => Math.max(max, s.sessionNumber), 0),
    previousSessionsForDose: administered.map((s) => ({
      sessionNumber: s.sessionNumber,
      tolerated: s.tolerated,
      completed: s.completed,
    })),
    openSessionId: open?.sessionId ?? null,
    conflicts,
    needsReview: conflicts.length > 0 || sessions.some((s) => s.needsReview),
  };
}
