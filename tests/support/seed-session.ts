/**
 * Seeds a patient with one session ready to start (pre-checks, weight, baseline, dose plan,
 * independent double check and, unless `signed: false`, the anesthesiologist's sign-off) into
 * a test database, with the record factory (src/domain/records/builders.ts). Records are
 * timed from `startAt` (default 07:00 UTC, an hour before the bedside test clock's 08:00).
 */
import { appendRecords } from '../../src/db/records-repo.ts';
import type { KitDatabase } from '../../src/db/database.ts';
import { createRecordFactory, type RecordFactory } from '../../src/domain/records/builders.ts';
import type { ClinicalRecord, RecordOfKind } from '../../src/domain/records/registry.ts';

export type SeededSession = {
  readonly factory: RecordFactory;
  readonly patientId: string;
  readonly sessionId: string;
  readonly session: RecordOfKind<'session'>;
  readonly plan: RecordOfKind<'dose-plan'>;
  readonly records: readonly ClinicalRecord[];
};

export type SeedOptions = {
  readonly startAt?: string;
  readonly signed?: boolean;
  readonly weightKg?: number;
  /** Extra records built after the sign-off (e.g. infusion events), with the same factory. */
  readonly then?: (f: RecordFactory, session: RecordOfKind<'session'>) => readonly ClinicalRecord[];
};

export async function seedSession(
  db: KitDatabase,
  options: SeedOptions = {},
): Promise<SeededSession> {
  const f = createRecordFactory({
    startAt: options.startAt ?? '2026-03-02T07:00:00.000Z',
    authorStaffId: 'nurse-an',
  });
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  const weight = f.weight(session, { weightKg: options.weightKg ?? 70 });
  const plan = f.dosePlan(session, weight);
  const records: ClinicalRecord[] = [
    patient,
    course,
    session,
    ...f.preChecks(session),
    weight,
    f.baselineVitals(session),
    plan,
    f.doubleCheck(plan, { checkerStaffId: 'nurse-bram' }, { authorStaffId: 'nurse-bram' }),
  ];
  if (options.signed !== false) {
    records.push(f.signOff(plan, { signedByStaffId: 'dr-jan' }, { authorStaffId: 'dr-jan' }));
  }
  records.push(...(options.then?.(f, session) ?? []));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { factory: f, patientId: patient.id, sessionId: session.id, session, plan, records };
}
