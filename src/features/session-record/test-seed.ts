/**
 * Test fixture for the session record: patient KIT-0042, session 1 run from pre-checks to
 * discharge by the bedside test staff (An Peeters recording, Bram Claes double-checking,
 * Dr. Jan Vermeulen signing and deciding), with two observations during the infusion, a
 * nausea treated with ondansetron, and a recovery observation. `extra` adds records built with
 * the same factory (corrections, markers) after the session's records.
 */
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { createRecordFactory, type RecordFactory } from '../../domain/records/builders.ts';

export async function seedRecordedSession(
  db: KitDatabase,
  extra?: (f: RecordFactory, seeded: Seeded) => ClinicalRecord[],
) {
  const f = createRecordFactory({ startAt: '2026-03-02T07:00:00.000Z', authorStaffId: 'nurse-an' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient, { startedOn: '2026-02-01' });
  const session = f.session(course, { sessionNumber: 1 });
  const preChecks = f.preChecks(session);
  const weight = f.weight(session, { weightKg: 70 });
  const baseline = f.baselineVitals(session);
  const plan = f.dosePlan(session, weight);
  const check = f.doubleCheck(
    plan,
    { checkerStaffId: 'nurse-bram' },
    { authorStaffId: 'nurse-bram' },
  );
  const sign = f.signOff(plan, { signedByStaffId: 'dr-jan' }, { authorStaffId: 'dr-jan' });
  f.at('2026-03-02T07:30:00.000Z');
  const start = f.infusionEvent(session, 'start');
  f.at('2026-03-02T07:45:00.000Z');
  const obs1 = f.observation(session, { systolicMmHg: 135 });
  f.at('2026-03-02T08:00:00.000Z');
  const obs2 = f.observation(session, { systolicMmHg: 142, heartRatePerMin: 80 });
  f.at('2026-03-02T08:10:00.000Z');
  const nausea = f.sideEffect(session, { decidedByStaffId: 'dr-jan' });
  const drug = f.drugGiven(session, { orderedByStaffId: 'dr-jan', givenByStaffId: 'nurse-an' });
  f.at('2026-03-02T11:30:00.000Z');
  const stop = f.infusionEvent(session, 'stop');
  f.at('2026-03-02T11:45:00.000Z');
  const recovery = f.observation(session, { phase: 'recovery' });
  const records: ClinicalRecord[] = [
    patient,
    course,
    session,
    ...preChecks,
    weight,
    baseline,
    plan,
    check,
    sign,
    start,
    obs1,
    obs2,
    nausea,
    drug,
    stop,
    recovery,
    f.checklistItem(session, 'escort-present'),
    f.checklistItem(session, 'no-driving-advice'),
  ];
  const seeded = { patient, session, weight, baseline, plan, obs1, obs2, nausea, drug, recovery };
  f.at('2026-03-02T12:20:00.000Z');
  records.push(f.discharge(session));
  records.push(...(extra?.(f, seeded) ?? []));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { ...seeded, patientId: patient.id, sessionId: session.id, f };
}

type Seeded = {
  readonly session: ReturnType<RecordFactory['session']>;
  readonly weight: ReturnType<RecordFactory['weight']>;
  readonly obs1: ReturnType<RecordFactory['observation']>;
  readonly obs2: ReturnType<RecordFactory['observation']>;
  readonly drug: ReturnType<RecordFactory['drugGiven']>;
  readonly nausea: ReturnType<RecordFactory['sideEffect']>;
};
