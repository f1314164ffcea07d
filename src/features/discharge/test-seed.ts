/**
 * Test fixtures for the discharge screen: a session of patient KIT-0042 run up to the stop of
 * the infusion, built with the record factory and stored before the screen opens. The
 * infusion starts at 07:30Z and its events are placed by minutes after the start, so a test
 * states the pump history it needs (pauses, rate changes) and the totals follow from it.
 */
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord, PayloadOf } from '../../domain/records.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';

export const START_AT = '2026-03-02T07:30:00.000Z';
const at = (min: number) => new Date(Date.parse(START_AT) + min * 60_000).toISOString();

type PumpStep =
  | { readonly min: number; readonly event: 'pause' | 'resume' | 'stop' }
  | {
      readonly min: number;
      readonly event: 'rate-change';
      readonly ketamineRateMlPerH?: number;
      readonly propofolRateMlPerH?: number;
    };

export type DischargeSeed = {
  readonly sessionNumber?: number;
  /** Pump events after the start (minutes after it); default: stop at 240 min. */
  readonly pump?: readonly PumpStep[];
  /** Recovery observation, minutes after the start; null = none. */
  readonly recoveryAtMin?: number | null;
  readonly recovery?: Partial<PayloadOf<'observation'>>;
  readonly escortPresent?: boolean;
  readonly noDrivingAdvice?: boolean;
};

export async function seedStoppedSession(db: KitDatabase, o: DischargeSeed = {}) {
  const f = createRecordFactory({ startAt: '2026-03-02T07:00:00.000Z', authorStaffId: 'nurse-an' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient, { startedOn: '2026-02-01' });
  const session = f.session(course, { sessionNumber: o.sessionNumber ?? 1 });
  const weight = f.weight(session, { weightKg: 70 });
  const records: ClinicalRecord[] = [
    patient,
    course,
    session,
    ...f.preChecks(session),
    weight,
    f.baselineVitals(session),
  ];
  const plan = f.dosePlan(session, weight);
  records.push(plan, f.doubleCheck(plan), f.signOff(plan));
  f.at(START_AT);
  records.push(f.infusionEvent(session, 'start'));
  for (const step of o.pump ?? [{ min: 240, event: 'stop' as const }]) {
    f.at(at(step.min));
    const { min: _min, event, ...rates } = step;
    records.push(f.infusionEvent(session, event, rates));
  }
  if (o.recoveryAtMin !== null) {
    f.at(at(o.recoveryAtMin ?? 250));
    records.push(f.observation(session, { phase: 'recovery', ...o.recovery }));
  }
  if (o.escortPresent !== false) records.push(f.checklistItem(session, 'escort-present'));
  if (o.noDrivingAdvice !== false) records.push(f.checklistItem(session, 'no-driving-advice'));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { patientId: patient.id, sessionId: session.id, session, plan, f };
}
