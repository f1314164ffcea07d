/**
 * The course as the anesthesiologist reviews it, from the patient's effective records: each
 * session with dose, tolerance, side effects, extra drugs and the pain answer, and the pain
 * answers as a series "after administration n" (protocol.md section 5: from session 2 the
 * self-reported % improvement after the first full dose). Display data only; every rule is
 * in the domain (patient-summary.ts, session-state.ts, registry/administrations.ts).
 */
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { administrationsOf, administrationsUpTo } from '../../domain/registry/administrations.ts';
import { effectiveRecords, type EffectiveRecords } from '../../domain/state/effective.ts';
import {
  derivePatientSummary,
  type PatientSummary,
  type SessionSummary,
} from '../../domain/state/patient-summary.ts';
import { deriveSessionState, type SessionState } from '../../domain/state/session-state.ts';

export type HistorySession = {
  readonly summary: SessionSummary;
  readonly state: SessionState;
  readonly sideEffects: readonly RecordOfKind<'side-effect'>[];
  readonly drugs: readonly RecordOfKind<'drug-given'>[];
  /** The latest pain answer given in or after this session (before the next one). */
  readonly outcome: RecordOfKind<'outcome-answer'> | null;
};

export type PainPoint = {
  readonly answer: RecordOfKind<'outcome-answer'>;
  /** Administrations given up to the answer (the answer is "after administration n"). */
  readonly afterAdministration: number;
  /** The session the answer belongs to: its own, else the administration it follows. */
  readonly sessionId: string | null;
};

/** Every effective pain answer in time order, placed after the administrations before it. */
export function painPoints(records: readonly ClinicalRecord[]): PainPoint[] {
  const administrations = administrationsOf(records);
  return records
    .filter((r): r is RecordOfKind<'outcome-answer'> => r.kind === 'outcome-answer')
    .map((answer) => {
      const n = administrationsUpTo(administrations, answer.clinicalTime);
      return {
        answer,
        afterAdministration: n,
        sessionId: answer.sessionId ?? administrations[n - 1]?.sessionId ?? null,
      };
    });
}

/**
 * Each session with its records. A pain answer recorded at patient level (e.g. by phone) is
 * shown with the administration it follows, so the table reads "session n: x % better".
 */
export function historySessions(
  effective: EffectiveRecords,
  summary: PatientSummary,
  points: readonly PainPoint[],
): HistorySession[] {
  const answerOf = new Map<string, RecordOfKind<'outcome-answer'>>();
  for (const p of points) if (p.sessionId !== null) answerOf.set(p.sessionId, p.answer);
  return summary.sessions.map((s) => {
    const state = deriveSessionState(effective, s.sessionId);
    return {
      summary: s,
      state,
      sideEffects: state.sideEffects,
      drugs: state.drugs,
      outcome: answerOf.get(s.sessionId) ?? null,
    };
  });
}

/** The patient's liver tests (effective records). */
export const liverTestsOf = (records: readonly ClinicalRecord[]) =>
  records.filter((r): r is RecordOfKind<'liver-test'> => r.kind === 'liver-test');

export type PatientHistory = {
  readonly summary: PatientSummary;
  readonly sessions: readonly HistorySession[];
  readonly points: readonly PainPoint[];
  readonly liver: readonly RecordOfKind<'liver-test'>[];
};

/**
 * Everything the history shows, from the patient's records. The records may leave out the
 * observations and checklist ticks of sessions other than the one whose vitals are shown
 * (db/course-records.ts): nothing here but that session's vitals depends on them.
 */
export function deriveHistory(
  records: readonly ClinicalRecord[],
  patientId: string,
): PatientHistory {
  const effective = effectiveRecords(records);
  const summary = derivePatientSummary(effective, patientId);
  const points = painPoints(effective.records);
  return {
    summary,
    sessions: historySessions(effective, summary, points),
    points,
    liver: liverTestsOf(effective.records),
  };
}

/**
 * The history of a course read by db/course-records.ts: `overview` is deriveHistory of its
 * records without any observation or checklist tick, `records` adds those of session
 * `vitalsSessionId`; only that session's state is derived again (deriving all 90 sessions of
 * a long course twice showed in the history's opening time). Exact for everything the history
 * shows: an observation or tick changes nothing of another session nor any summary field shown
 * (a correction has the kind of what it corrects; entered-in-error markers are in the overview).
 */
export function withVitalsSession(
  overview: PatientHistory,
  records: readonly ClinicalRecord[],
  vitalsSessionId: string | null,
): PatientHistory {
  if (vitalsSessionId === null) return overview;
  const state = deriveSessionState(records, vitalsSessionId);
  return {
    ...overview,
    sessions: overview.sessions.map((s) =>
      s.summary.sessionId === vitalsSessionId ? { ...s, state } : s,
    ),
  };
}

/** The session whose vitals are shown until another is chosen: the latest one started. */
export function defaultVitalsSession(summary: PatientSummary): string | null {
  return (
    summary.sessions.filter((s) => s.started).at(-1)?.sessionId ??
    summary.sessions.at(-1)?.sessionId ??
    null
  );
}
