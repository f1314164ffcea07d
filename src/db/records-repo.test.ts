import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordFactory } from '../domain/records/builders.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import type { KitDatabase } from './database.ts';
import {
  appendRecord,
  appendRecords,
  getRecord,
  recordsForPatient,
  recordsForSession,
  recordsOfKind,
} from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

let db: KitDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await deleteTestDatabase(db);
});

function fixtures() {
  const f = createRecordFactory();
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  const weight = f.weight(session);
  return { f, patient, course, session, weight };
}
const counts = async () => ({ records: await db.records.count(), outbox: await db.outbox.count() });

describe('appendRecord: append-only with its outbox row', () => {
  it('stores the record and queues it for sync', async () => {
    const { weight } = fixtures();
    expect(await appendRecord(db, weight)).toEqual({ ok: true, value: weight });
    expect(await getRecord(db, weight.id)).toEqual(weight);
    expect(await db.outbox.get(weight.id)).toEqual({
      recordId: weight.id,
      queuedAt: weight.deviceTime,
      attempts: 0,
      lastError: null,
    });
  });

  it('refuses a second record with the same id and leaves the original unchanged', async () => {
    const { weight } = fixtures();
    await appendRecord(db, weight);
    const tampered = { ...weight, payload: { ...weight.payload, weightKg: 90 } };
    const second = await appendRecord(db, tampered);
    expect(second).toMatchObject({ ok: false, error: { type: 'storage', reason: 'duplicate-id' } });
    if (!second.ok) expect(second.error.message).toMatch(/already saved.*nothing was changed/);
    expect(await getRecord(db, weight.id)).toEqual(weight);
    expect(await counts()).toEqual({ records: 1, outbox: 1 });
  });

  it('refuses an invalid record and writes nothing', async () => {
    const { weight } = fixtures();
    const bad = { ...weight, payload: { ...weight.payload, weightKg: Number.NaN } };
    const result = await appendRecord(db, bad);
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'invalid-record', error: { field: 'payload.weightKg', code: 'not-a-number' } },
    });
    if (!result.ok) expect(result.error.message).toMatch(/Nothing was saved\.$/);
    expect(await counts()).toEqual({ records: 0, outbox: 0 });
    expect(await db.patientIndex.count()).toBe(0);
  });

  it('record and outbox row are atomic: an outbox failure leaves neither', async () => {
    const { weight } = fixtures();
    // An orphan outbox row with the same id makes the outbox write fail after the record add.
    await db.outbox.add({
      recordId: weight.id,
      queuedAt: weight.deviceTime,
      attempts: 0,
      lastError: null,
    });
    const result = await appendRecord(db, weight);
    expect(result).toMatchObject({ ok: false, error: { type: 'storage' } });
    expect(await db.records.count()).toBe(0);
    expect(await db.patientIndex.count()).toBe(0);
  });

  it('storage full: a typed StorageError with a plain message, nothing saved', async () => {
    const { weight } = fixtures();
    vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await appendRecord(db, weight);
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'storage', reason: 'quota-exceeded' },
    });
    if (!result.ok)
      expect(result.error.message).toBe(
        "The tablet's storage is full, so nothing was saved. Free space on the tablet or sync with the center, then retry.",
      );
    expect(await counts()).toEqual({ records: 0, outbox: 0 });
  });
});

describe('appendRecords: one transaction for a batch', () => {
  it('stores a whole session', async () => {
    const { f, course } = fixtures();
    const { records } = f.completedSession(course);
    expect((await appendRecords(db, records)).ok).toBe(true);
    expect(await counts()).toEqual({ records: records.length, outbox: records.length });
  });

  it('one invalid record refuses the batch, naming its position and field', async () => {
    const { session, weight, f } = fixtures();
    const vitals = f.baselineVitals(session);
    const bad = { ...vitals, payload: { ...vitals.payload, systolicMmHg: -120 } };
    const result = await appendRecords(db, [session, weight, bad]);
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'invalid-record', error: { field: 'records[2].payload.systolicMmHg' } },
    });
    expect(await counts()).toEqual({ records: 0, outbox: 0 });
  });

  it('one already-stored id refuses the batch; the same id twice in a batch is refused', async () => {
    const { session, weight } = fixtures();
    await appendRecord(db, weight);
    expect((await appendRecords(db, [session, weight])).ok).toBe(false);
    expect(await counts()).toEqual({ records: 1, outbox: 1 });
    expect(await appendRecords(db, [session, session])).toMatchObject({
      ok: false,
      error: { type: 'invalid-record', error: { field: 'records[1].id' } },
    });
  });
});

describe('reads', () => {
  it('records of a session and of a patient, by clinical time, other patients excluded', async () => {
    const { f, patient, course, session, weight } = fixtures();
    const other = f.patient({ centerPatientNumber: 'KIT-0002' });
    const later = f.observation(session);
    const earlier = f.observation(session, {}, { clinicalTime: '2026-01-05T07:00:00.000Z' });
    const staff = f.staffMember();
    await appendRecords(db, [later, patient, weight, other, course, session, earlier, staff]);
    const forSession = await recordsForSession(db, session.id);
    expect(forSession.map((r) => r.id)).toEqual([earlier, session, weight, later].map((r) => r.id));
    const forPatient = await recordsForPatient(db, patient.id);
    expect(forPatient.map((r) => r.id)).toEqual(
      [earlier, patient, course, session, weight, later].map((r) => r.id),
    );
    expect((await recordsOfKind(db, 'staff-member')).map((r) => r.id)).toEqual([staff.id]);
    expect(await getRecord(db, 'missing')).toBeUndefined();
  });

  it('stored records come back identical to what was appended', async () => {
    const { f, course } = fixtures();
    const { session, records } = f.completedSession(course);
    await appendRecords(db, records);
    const back = await recordsForSession(db, session.id);
    const byId = new Map<string, ClinicalRecord>(back.map((r) => [r.id, r]));
    for (const r of records) expect(byId.get(r.id)).toEqual(r);
  });
});
