/**
 * Test fixtures for the pre-checks screen: a patient with a course, an eligibility screening
 * and one open session, stored in the test database before the screen opens (clinical times
 * an hour before the bedside test clock, so the screen's own entries come after them).
 */
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord, PayloadOf } from '../../domain/records.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';

export type SeedOptions = {
  /** Patch of the screening; null = no screening recorded. */
  readonly screening?: Partial<PayloadOf<'eligibility-screening'>> | null;
  readonly courseStartedOn?: string;
  readonly liverSampledOn?: string | null;
  /** Extra records for the session, built with the same factory. */
  readonly extra?: (
    f: ReturnType<typeof createRecordFactory>,
    session: ReturnType<ReturnType<typeof createRecordFactory>['session']>,
  ) => ClinicalRecord[];
};

export async function seedSession(db: KitDatabase, options: SeedOptions = {}) {
  const f = createRecordFactory({ startAt: '2026-03-02T07:00:00.000Z', authorStaffId: 'nurse-an' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient, { startedOn: options.courseStartedOn ?? '2026-02-01' });
  const records: ClinicalRecord[] = [patient, course];
  if (options.screening !== null) records.push(f.eligibility(patient, options.screening ?? {}));
  if (options.liverSampledOn)
    records.push(f.liverTest(patient, { sampledOn: options.liverSampledOn }));
  const session = f.session(course, { sessionNumber: 1 });
  records.push(session, ...(options.extra?.(f, session) ?? []));
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { patientId: patient.id, sessionId: session.id, session, f };
}
