import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordFactory } from '../domain/records/builders.ts';
import type { ClinicalRecord, RecordOfKind } from '../domain/records.ts';
import type { PatientListFacts } from '../domain/state/patient-list-facts.ts';
import { KitDatabase } from './database.ts';
import { generateCenter } from '../domain/demo/index.ts';
import { listPatients, patientIndexRowFrom, rebuildPatientIndex } from './patient-index.ts';
import { appendRecord, appendRecords } from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

/** The list facts of a patient record with nothing else changed. */
const factsOf = (
  p: RecordOfKind<'patient'>,
  more: Partial<PatientListFacts> = {},
): PatientListFacts => ({
  sex: p.payload.sex,
  birthDate: p.payload.birthDate ?? null,
  birthYear: p.payload.birthYear ?? null,
  courseStatus: null,
  nextSessionNumber: 1,
  needsReview: false,
  ...more,
});

let db: KitDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await deleteTestDatabase(db);
});

describe('listPatients', () => {
  it('newest activity first, searchable by number prefix (case-insensitive)', async () => {
    const f = createRecordFactory();
    const a = f.patient({ centerPatientNumber: 'KIT-0001' });
    const b = f.patient({ centerPatientNumber: 'KIT-0002' });
    const c = f.patient({ centerPatientNumber: 'PAIN-0003' });
    await appendRecords(db, [a, b, c]);
    await appendRecord(db, f.course(a)); // a is now the most recent
    const list = await listPatients(db);
    expect(list.map((p) => p.centerPatientNumber)).toEqual(['KIT-0001', 'PAIN-0003', 'KIT-0002']);
    expect(
      (await listPatients(db, { search: ' kit-000' })).map((p) => p.centerPatientNumber),
    ).toEqual(['KIT-0001', 'KIT-0002']);
    expect(await listPatients(db, { search: 'KIT-0002' })).toEqual([
      {
        patientId: b.id,
        centerPatientNumber: 'KIT-0002',
        isSynthetic: true,
        lastActivityAt: b.clinicalTime,
        facts: factsOf(b, { courseStatus: null }),
      },
    ]);
    expect(await listPatients(db, { search: 'x' })).toEqual([]);
    expect(await listPatients(db, { limit: 1 })).toHaveLength(1);
  });

  it('follows corrections of the patient number and entered-in-error markers', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0010' });
    await appendRecord(db, p);
    const fixed = f.correction(p, { centerPatientNumber: 'KIT-0011' }, 'Wrong number typed.');
    await appendRecord(db, fixed);
    expect((await listPatients(db)).map((x) => x.centerPatientNumber)).toEqual(['KIT-0011']);
    await appendRecord(db, f.enteredInError(fixed, 'Undo the number change.'));
    expect((await listPatients(db)).map((x) => x.centerPatientNumber)).toEqual(['KIT-0010']);
    await appendRecord(db, f.enteredInError(p, 'Not a real patient.'));
    expect(await listPatients(db)).toEqual([]);
  });

  it('lists a patient only once the patient record is here (sync order)', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0020' });
    const course = f.course(p);
    await appendRecord(db, course);
    expect(await listPatients(db)).toEqual([]);
    await appendRecord(db, p);
    expect(await listPatients(db)).toEqual([
      {
        patientId: p.id,
        centerPatientNumber: 'KIT-0020',
        isSynthetic: true,
        lastActivityAt: course.clinicalTime,
        facts: factsOf(p, { courseStatus: 'active' }),
      },
    ]);
  });

  it('500 patients: served by the index table, without reading the records table', async () => {
    const f = createRecordFactory({ validate: false });
    const batch: ClinicalRecord[] = [];
    for (let i = 0; i < 500; i += 1) {
      const p = f.patient({ centerPatientNumber: `KIT-${String(i).padStart(4, '0')}` });
      batch.push(p, f.course(p));
    }
    await appendRecords(db, batch);
    // A second connection with a read spy (middleware must be added before opening).
    const spied = new KitDatabase(db.name);
    const reads: string[] = [];
    spied.use({
      stack: 'dbcore',
      name: 'read-spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return {
            ...t,
            get: (req) => (reads.push(name), t.get(req)),
            getMany: (req) => (reads.push(name), t.getMany(req)),
            query: (req) => (reads.push(name), t.query(req)),
            openCursor: (req) => (reads.push(name), t.openCursor(req)),
          };
        },
      }),
    });
    const list = await listPatients(spied);
    expect(list).toHaveLength(500);
    expect(list[0]?.centerPatientNumber).toBe('KIT-0499');
    expect((await listPatients(spied, { search: 'kit-01' })).length).toBe(100);
    expect(new Set(reads)).toEqual(new Set(['patientIndex']));
    spied.close();
  });

  it('rebuildPatientIndex gives the same rows', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0030' });
    const q = f.patient({ centerPatientNumber: 'KIT-0031' });
    await appendRecords(db, [
      p,
      q,
      f.course(q),
      f.correction(p, { centerPatientNumber: 'KIT-0032' }),
    ]);
    const before = await db.patientIndex.toArray();
    expect(await rebuildPatientIndex(db)).toBe(2);
    expect(await db.patientIndex.toArray()).toEqual(before);
  });
});

describe('list facts kept with each row', () => {
  it('follow the course status, a started session and a review flag', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0040', sex: 'female', birthYear: 1970 });
    const course = f.course(p);
    await appendRecords(db, [p, course]);
    const facts = async () => (await listPatients(db))[0]?.facts;
    expect(await facts()).toEqual(factsOf(p, { courseStatus: 'active' }));

    const { session, records } = f.completedSession(course);
    await appendRecords(db, records);
    expect(await facts()).toMatchObject({ nextSessionNumber: 2, needsReview: false });

    await appendRecord(db, f.courseStatus(course, { status: 'paused', reasonText: 'Holiday.' }));
    expect(await facts()).toMatchObject({ courseStatus: 'paused', needsReview: false });

    // Two corrections of one observation (two tablets): the patient needs review.
    const obs = f.observation(session);
    await appendRecord(db, obs);
    await appendRecord(db, f.correction(obs, { rass: -1 }, 'Typo.'));
    await appendRecord(db, f.correction(obs, { rass: 1 }, 'Typo.'));
    expect(await facts()).toMatchObject({ needsReview: true });
  });

  it('saving an observation moves the activity time without reading the patient records', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0050' });
    const course = f.course(p);
    const session = f.session(course);
    await appendRecords(db, [p, course, session, f.infusionEvent(session, 'start')]);
    const before = await db.patientIndex.get(p.id);
    const reads: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'records-read-spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          if (name !== 'records') return t;
          return { ...t, query: (req) => (reads.push('query'), t.query(req)) };
        },
      }),
    });
    f.at('2026-11-25T11:30:00.000Z');
    const obs = f.observation(session);
    await appendRecord(db, obs);
    const after = await db.patientIndex.get(p.id);
    expect(reads).toEqual([]);
    expect(after).toEqual({ ...before, lastActivityAt: obs.clinicalTime });
  });

  it('written one by one as a tablet records them, equal the rows computed from all records', async () => {
    // A generated center with corrections, competing corrections and entered-in-error
    // markers mixed in: the check that mayChangeListFacts skips only records that cannot
    // change the facts.
    const generated = generateCenter({ patients: 3, years: 1, seed: 7 });
    if (!generated.ok) throw new Error(generated.error.message);
    const f = createRecordFactory({ validate: false });
    const records: ClinicalRecord[] = [];
    generated.value.records.forEach((r, i) => {
      records.push(r);
      if (r.patientId === null || r.kind === 'entered-in-error') return;
      f.at(r.clinicalTime);
      if (i % 41 === 5) records.push(f.correction(r, {}, 'Checked again.'));
      if (i % 97 === 11) records.push(f.correction(r, {}), f.correction(r, {}));
      if (i % 151 === 13 && r.kind !== 'patient') records.push(f.enteredInError(r));
    });
    // After every single write, the stored row equals the row computed from scratch.
    const byPatient = new Map<string, ClinicalRecord[]>();
    for (const r of records) {
      const stored = await appendRecord(db, r);
      if (!stored.ok) throw new Error(JSON.stringify(stored.error));
      if (r.patientId === null) continue;
      const mine = [...(byPatient.get(r.patientId) ?? []), r];
      byPatient.set(r.patientId, mine);
      expect(await db.patientIndex.get(r.patientId), `after ${r.kind} ${r.id}`).toEqual(
        patientIndexRowFrom(r.patientId, mine),
      );
    }
    const rows = await db.patientIndex.toArray();
    expect(rows).toHaveLength(byPatient.size);
    expect(rows.some((r) => (r.facts?.nextSessionNumber ?? 1) > 2)).toBe(true);
    expect(rows.some((r) => r.facts?.needsReview === true)).toBe(true);
  });
});
