/**
 * Test records built with the domain's record factory (src/domain/records/builders.ts), so
 * every "valid" record here passes the same parseClinicalRecord the tablet and server run.
 */
import { randomInt } from 'node:crypto';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';

export const PATIENT_ID = '019a8b7c-1d2e-7f30-8a41-b2c3d4e5f601';
export const SESSION_ID = '019a8b7c-1d2e-7f30-8a41-b2c3d4e5f602';
const OWNER = { patientId: PATIENT_ID, sessionId: SESSION_ID };

/** Plain JSON object view of a record, for tests that tamper with fields. */
export type TestRecord = Record<string, unknown> & {
  readonly id: string;
  readonly deviceId: string;
  readonly authorStaffId: string;
  readonly kind: string;
};

type Factory = ReturnType<typeof createRecordFactory>;
const factories = new Map<string, Factory>();

/**
 * One factory per tablet, with a random seed: the factory's ids are deterministic per seed, and
 * every suite needs ids no other suite (or earlier test on the same database) used.
 */
export function tabletFactory(deviceId: string): Factory {
  let factory = factories.get(deviceId);
  if (factory === undefined) {
    factory = createRecordFactory({
      deviceId,
      authorStaffId: 'nurse-1',
      seed: randomInt(2 ** 31),
      startAt: '2026-11-25T08:00:00.000Z',
      stepMs: 1000,
    });
    factories.set(deviceId, factory);
  }
  return factory;
}

const asTestRecord = (record: ClinicalRecord): TestRecord => ({ ...record });

/** A valid observation by nurse-1 from this tablet; `overrides` replace top-level fields (to make it invalid). */
export function makeRecord(deviceId: string, overrides: Record<string, unknown> = {}): TestRecord {
  return { ...asTestRecord(tabletFactory(deviceId).observation(OWNER)), ...overrides };
}

/** A valid dose-plan sign-off (with the patient, course, session and plan it needs, not returned). */
export function makeSignOff(
  deviceId: string,
  authorStaffId: string,
  signedByStaffId = authorStaffId,
): TestRecord {
  const f = tabletFactory(deviceId);
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  const plan = f.dosePlan(session, f.weight(session));
  return asTestRecord(f.signOff(plan, { signedByStaffId }, { authorStaffId }));
}

/** A patient and a whole completed first session, as one tablet records them. */
export function completedSessionRecords(
  deviceId: string,
  centerPatientNumber = 'KIT-0001',
): TestRecord[] {
  const f = tabletFactory(deviceId);
  const patient = f.patient({ centerPatientNumber });
  const course = f.course(patient);
  const { records } = f.completedSession(course);
  return [patient, course, ...records].map(asTestRecord);
}
