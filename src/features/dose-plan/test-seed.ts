/**
 * Test fixtures for the dose plan screen: a patient with a course, optionally a completed
 * session 1, and the session under test with its pre-checks, weight and baseline stored
 * (clinical times before the bedside test clock, 2026-03-02T08:00Z, so the screen's own
 * entries come after them).
 */
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { createRecordFactory, type RecordFactory } from '../../domain/records/builders.ts';

export type DosePlanSeed = {
  readonly sessionNumber?: 1 | 2;
  /** Session 1's tolerance when seeding session 2. */
  readonly firstTolerated?: boolean | null;
  readonly weightKg?: number;
  /** Leave the pre-checks out (checklist, baseline). */
  readonly withoutPreChecks?: boolean;
  readonly extra?: (
    f: RecordFactory,
    s: { session: RecordOfKind<'session'>; weight: RecordOfKind<'weight'> },
  ) => ClinicalRecord[];
};

export async function seedDosePlanSession(db: KitDatabase, options: DosePlanSeed = {}) {
  const f = createRecordFactory({ startAt: '2026-02-01T07:00:00.000Z', authorStaffId: 'nurse-an' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient, { startedOn: '2026-02-01' });
  const records: ClinicalRecord[] = [patient, f.eligibility(patient), course];
  if (options.sessionNumber === 2) {
    const first = f.completedSession(course, {
      sessionNumber: 1,
      tolerated: options.firstTolerated === undefined ? true : options.firstTolerated,
    });
    records.push(...first.records);
  }
  f.at('2026-03-02T07:00:00.000Z');
  const session = f.session(course, { sessionNumber: options.sessionNumber ?? 1 });
  const weight = f.weight(session, {
    weightKg: options.weightKg ?? 70,
    measuredAt: '2026-03-02T07:00:00.000Z',
  });
  records.push(session, weight);
  if (!options.withoutPreChecks) records.push(...f.preChecks(session), f.baselineVitals(session));
  records.push(...(options.extra?.(f, { session, weight }) ?? []));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { patientId: patient.id, sessionId: session.id, session, weight, f };
}
