import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordFactory } from '../domain/records/builders.ts';
import type { ClinicalRecord } from '../domain/records.ts';
import { KitDatabase } from './database.ts';
import { listPatients, rebuildPatientIndex } from './patient-index.ts';
import { appendRecord, appendRecords } from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

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
