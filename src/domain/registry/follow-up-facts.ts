/**
 * Follow-up facts of one patient for the registry (protocol.md sections 5 and 7): the latest
 * self-reported % improvement after the first full dose, the discontinuation (reason and after
 * how many administrations) and the first liver panel with an elevated enzyme.
 */
import type { ClinicalRecord, DiscontinuationReason, RecordOfKind } from '../records.ts';
import { administrationsUpTo, type Administration } from './administrations.ts';
import type { LiverElevation } from './types.ts';

type Answer = RecordOfKind<'outcome-answer'>;

/**
 * The latest outcome answer that counts (paper: "From the second session onwards, the
 * self-reported percentage of pain improvement after the first full dose was recorded"):
 * at or after the start of the first full dose (the second administration), and not tied to a
 * session numbered 1. Answers before the full dose say nothing about its effect.
 */
export function latestAnswerAfterFirstFullDose(
  records: readonly ClinicalRecord[],
  administrations: readonly Administration[],
): Answer | null {
  const firstFull = administrations[1];
  if (firstFull === undefined) return null;
  const sessionNumbers = new Map(administrations.map((a) => [a.sessionId, a.sessionNumber]));
  let latest: Answer | null = null;
  for (const r of records) {
    if (r.kind !== 'outcome-answer' || r.clinicalTime < firstFull.at) continue;
    if (r.sessionId !== null && sessionNumbers.get(r.sessionId) === 1) continue;
    latest = r; // records are ordered by clinical time
  }
  return latest;
}

export type DiscontinuationFact = {
  readonly reason: DiscontinuationReason;
  readonly text: string | null;
  readonly afterAdministrations: number;
  readonly at: string;
};

/**
 * Whether therapy is discontinued, from the latest of: course-status records (any status) and
 * outcome answers that decide to stop. A later status "active" or "paused" means it restarted
 * or was only interrupted. "After how many administrations": the number the status record
 * gives, else the administrations up to that record's time.
 */
export function discontinuationOf(
  records: readonly ClinicalRecord[],
  administrations: readonly Administration[],
): DiscontinuationFact | null {
  let latest: RecordOfKind<'course-status'> | Answer | null = null;
  for (const r of records) {
    if (
      r.kind === 'course-status' ||
      (r.kind === 'outcome-answer' && r.payload.decision === 'discontinue')
    )
      latest = r;
  }
  if (latest === null) return null;
  if (latest.kind === 'course-status') {
    const p = latest.payload;
    if (p.status !== 'discontinued' || p.reason === undefined) return null;
    const after =
      p.afterAdministrations ?? administrationsUpTo(administrations, latest.clinicalTime);
    return {
      reason: p.reason,
      text: p.reasonText ?? null,
      afterAdministrations: after,
      at: latest.clinicalTime,
    };
  }
  const reason = latest.payload.discontinuationReason;
  if (reason === undefined) return null;
  return {
    reason,
    text: latest.payload.reasonText ?? null,
    afterAdministrations: administrationsUpTo(administrations, latest.clinicalTime),
    at: latest.clinicalTime,
  };
}

const ENZYMES = ['alt', 'ast', 'ggt', 'alp'] as const;

/**
 * The first liver panel (by sample date) with any enzyme above the lab's upper limit of normal.
 * Same definition as liver.ts: elevated = value > ULN (equal to the ULN is normal); paper: one
 * patient, GGT 39 U/L with lab normal < 36 U/L.
 */
export function firstLiverElevation(records: readonly ClinicalRecord[]): LiverElevation | null {
  const tests = records.filter((r): r is RecordOfKind<'liver-test'> => r.kind === 'liver-test');
  tests.sort((a, b) =>
    a.payload.sampledOn < b.payload.sampledOn
      ? -1
      : a.payload.sampledOn > b.payload.sampledOn
        ? 1
        : 0,
  );
  for (const t of tests) {
    const p = t.payload;
    const enzymes = ENZYMES.map((enzyme) => ({
      enzyme,
      valueUPerL: p[`${enzyme}UPerL`],
      ulnUPerL: p[`${enzyme}UlnUPerL`],
    })).filter((e) => e.valueUPerL > e.ulnUPerL);
    if (enzymes.length > 0) return { sampledOn: p.sampledOn, enzymes };
  }
  return null;
}
