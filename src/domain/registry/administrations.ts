/**
 * Administrations of one patient, from the patient's effective records (protocol.md section 4
 * and the paper's "number of administrations").
 *
 * Definition: an administration is a session whose (effective) session record exists and
 * which has an infusion start event or a discharge record. Its time is the first start event,
 * else the discharge's clinical time (a discharge without a recorded start still means the
 * patient was treated that day). A session abandoned before the start is not an
 * administration; a session whose session record was entered in error did not happen.
 * The first administration is the test dose, the second the first full dose (ordered by time,
 * not by the stored session number, which a late entry or a transfer may offset).
 */
import type { ClinicalRecord, RecordOfKind } from '../records.ts';

export type Administration = {
  readonly sessionId: string;
  readonly sessionNumber: number;
  /** ISO instant. */
  readonly at: string;
  /** The latest dose plan of the session (what was given); null when none was recorded. */
  readonly plan: RecordOfKind<'dose-plan'> | null;
};

type SessionAcc = {
  session: RecordOfKind<'session'> | null;
  startAt: string | null;
  dischargeAt: string | null;
  plan: RecordOfKind<'dose-plan'> | null;
};

/**
 * Administrations of a patient ordered by time. `records` are the patient's effective records
 * ordered by clinical time (state/effective.ts), so "latest" is simply the last one seen.
 */
export function administrationsOf(records: readonly ClinicalRecord[]): Administration[] {
  const sessions = new Map<string, SessionAcc>();
  for (const r of records) {
    if (r.sessionId === null) continue;
    let acc = sessions.get(r.sessionId);
    if (acc === undefined) {
      acc = { session: null, startAt: null, dischargeAt: null, plan: null };
      sessions.set(r.sessionId, acc);
    }
    if (r.kind === 'session') acc.session = r;
    else if (r.kind === 'infusion-event' && r.payload.event === 'start')
      acc.startAt ??= r.clinicalTime;
    else if (r.kind === 'discharge') acc.dischargeAt ??= r.clinicalTime;
    else if (r.kind === 'dose-plan') acc.plan = r;
  }
  const out: Administration[] = [];
  for (const [sessionId, acc] of sessions) {
    const at = acc.startAt ?? acc.dischargeAt;
    if (acc.session === null || at === null) continue;
    out.push({ sessionId, sessionNumber: acc.session.payload.sessionNumber, at, plan: acc.plan });
  }
  return out.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.sessionId < b.sessionId ? -1 : 1,
  );
}

/** Number of administrations at or before `at` (ISO instant): "after how many administrations". */
export const administrationsUpTo = (
  administrations: readonly Administration[],
  at: string,
): number => administrations.filter((a) => a.at <= at).length;
