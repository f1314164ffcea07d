/**
 * courseRecordsForPatient leaves out other sessions' observations and checklist ticks; what it
 * returns must count (effective.ts) exactly as it does among all the patient's records, also
 * after corrections filed in another session, markers on corrections, and competing
 * corrections (random edits, fast-check).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClinicalRecord, RecordOfKind } from '../domain/records.ts';
import { effectiveRecords } from '../domain/state/effective.ts';
import { PER_SESSION_BULK_KINDS, storeCourseBundle } from './course-bundles.ts';
import { courseRecordsForPatient } from './course-records.ts';
import type { KitDatabase } from './database.ts';
import { appendRecords, recordsForPatient } from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';
import { threeSessionCourse as course } from '../../tests/support/three-session-course.ts';

let db: KitDatabase | null = null;
afterEach(async () => {
  if (db) await deleteTestDatabase(db);
  db = null;
});

type Edit = {
  readonly action: 'correct' | 'correct-elsewhere' | 'void';
  readonly pick: number;
  readonly elsewhere: number;
};

const edits = fc.array(
  fc.record({
    action: fc.constantFrom<Edit['action']>('correct', 'correct-elsewhere', 'void'),
    pick: fc.nat(),
    elsewhere: fc.nat(),
  }),
  { maxLength: 12 },
);

/**
 * Applies the edits to the patient's observations and checklist ticks (and to the corrections
 * and markers made so far): a correction in the record's own session, one filed under another
 * session of the patient, or an entered-in-error marker.
 */
function edited(edits: readonly Edit[]) {
  const base = course();
  const { f, patientId, sessions } = base;
  const records = [...base.records];
  for (const e of edits) {
    const targets = records.filter(
      (r) =>
        r.patientId === patientId &&
        (PER_SESSION_BULK_KINDS.has(r.kind) || r.kind === 'entered-in-error'),
    );
    const target = targets[e.pick % targets.length] as ClinicalRecord;
    if (e.action === 'void' || target.kind === 'entered-in-error') {
      records.push(f.enteredInError(target));
      continue;
    }
    const sessionId =
      e.action === 'correct'
        ? target.sessionId
        : (sessions[e.elsewhere % sessions.length] as RecordOfKind<'session'>).id;
    const correction =
      target.kind === 'observation'
        ? f.correction(target, { heartRatePerMin: 61 })
        : f.correction(target as RecordOfKind<'checklist-item'>, { checked: false });
    records.push({ ...correction, sessionId });
  }
  return { ...base, records };
}

describe('courseRecordsForPatient', () => {
  it('reads every other record of the patient and one session in full, nothing of others', async () => {
    const { patientId, sessions, records } = course();
    db = createTestDatabase();
    expect((await appendRecords(db, records)).ok).toBe(true);
    const detail = sessions[1] as RecordOfKind<'session'>;
    const read = await courseRecordsForPatient(db, patientId, () => detail.id);

    const expected = records.filter(
      (r) =>
        r.patientId === patientId &&
        (!PER_SESSION_BULK_KINDS.has(r.kind) || r.sessionId === detail.id),
    );
    expect(read.detailSessionId).toBe(detail.id);
    expect(new Set(read.records.map((r) => r.id))).toEqual(new Set(expected.map((r) => r.id)));
    // The other sessions' vitals and ticks were left out: the test reads less than all.
    expect(read.records.length).toBeLessThan(
      records.filter((r) => r.patientId === patientId).length,
    );
  });

  it('gives the overview to the chooser and reads no session when it chooses none', async () => {
    const { patientId, records } = course();
    db = createTestDatabase();
    await appendRecords(db, records);
    let overview: readonly ClinicalRecord[] = [];
    const read = await courseRecordsForPatient(db, patientId, (given) => {
      overview = given;
      return null;
    });
    expect(read.records).toEqual(overview);
    expect(overview.some((r) => PER_SESSION_BULK_KINDS.has(r.kind))).toBe(false);
    expect(overview.some((r) => r.patientId !== patientId)).toBe(false);
  });

  it('counts every record it returns as a read of all the patient’s records does, from the bundle too', async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.nat(), fc.nat({ max: 2 }), async (list, split, detailIndex) => {
        const { patientId, sessions, records } = edited(list);
        const local = createTestDatabase();
        try {
          // Some records, a bundle stored from them, then the rest (marking it stale or not).
          const at = records.length - (split % (list.length + 1));
          const store = async (part: readonly ClinicalRecord[]) => {
            const stored = await appendRecords(local, part);
            if (!stored.ok) throw new Error(stored.error.message);
          };
          await store(records.slice(0, at));
          const before = await courseRecordsForPatient(local, patientId, () => null);
          if (before.refresh) await storeCourseBundle(local, before.refresh);
          if (at < records.length) await store(records.slice(at));

          const detail = (sessions[detailIndex] as RecordOfKind<'session'>).id;
          const read = await courseRecordsForPatient(local, patientId, () => detail);
          const all = effectiveRecords(await recordsForPatient(local, patientId));
          const part = effectiveRecords(read.records);
          for (const r of read.records)
            expect([r.kind, part.isEffective(r.id)]).toEqual([r.kind, all.isEffective(r.id)]);
          // Everything of the detailed session that counts is there.
          const counted = (r: ClinicalRecord) => r.sessionId === detail;
          expect(part.records.filter(counted).map((r) => r.id)).toEqual(
            all.records.filter(counted).map((r) => r.id),
          );
        } finally {
          await deleteTestDatabase(local);
        }
      }),
      { numRuns: 30 },
    );
  });
});
