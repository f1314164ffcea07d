import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordFactory } from '../domain/records/builders.ts';
import { DATABASE_NAME, KitDatabase, STORES_V2, STORES_V5 } from './database.ts';
import { clearDraft, loadDraft, saveDraft } from './drafts.ts';
import { appendRecord, recordsForSession } from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

const opened: KitDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await deleteTestDatabase(db);
});
const fresh = (options = {}) => {
  const db = createTestDatabase(options);
  opened.push(db);
  return db;
};

describe('schema', () => {
  it("is 'kit-bedside' with the tables and indexes of version 6", async () => {
    expect(new KitDatabase().name).toBe(DATABASE_NAME);
    expect(DATABASE_NAME).toBe('kit-bedside');
    const db = fresh();
    await db.open();
    expect(db.verno).toBe(6);
    const schema = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)],
      ]),
    );
    expect(schema).toEqual({
      records: [
        'id',
        'kind',
        'patientId',
        'sessionId',
        'clinicalTime',
        '[patientId+clinicalTime]',
        '[sessionId+clinicalTime]',
        '[kind+patientId]',
        'supersedes.recordId',
      ],
      outbox: ['recordId', 'queuedAt'],
      syncState: ['key'],
      drafts: ['key', 'updatedAt'],
      meta: ['key'],
      patientIndex: ['patientId', 'numberLower', 'lastActivityAt'],
      staffPins: ['staffId'],
      registryRows: ['patientId'],
      courseHeads: ['patientId', 'state'],
      courseBodies: ['patientId'],
    });
  });
});

describe('upgrade to version 6', () => {
  it('drops the version-5 course bundles and keeps every record', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0600' });
    const name = `kit-upgrade-${globalThis.crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(STORES_V5);
    await v5.table('records').bulkAdd([p]);
    await v5.table('courseBundles').put({ patientId: p.id, state: 'fresh', records: [p] });
    v5.close();

    const db = new KitDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('courseBundles');
    expect(await db.records.toArray()).toEqual([p]);
    expect(await db.courseHeads.count()).toBe(0);
    expect(await db.courseBodies.count()).toBe(0);
  });
});

describe('upgrade to version 4', () => {
  it('indexes the corrections already stored by the record they supersede', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0400' });
    const corrected = f.correction(p, { baselineNrs: 8 }, 'NRS misheard');
    const name = `kit-upgrade-${globalThis.crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(STORES_V2);
    await v3.table('records').bulkAdd([p, corrected]);
    v3.close();

    const db = new KitDatabase(name);
    opened.push(db);
    expect(await db.records.where('supersedes.recordId').equals(p.id).primaryKeys()).toEqual([
      corrected.id,
    ]);
    expect(await db.registryRows.count()).toBe(0);
    expect(await db.courseHeads.count()).toBe(0);
    expect(await db.courseBodies.count()).toBe(0);
  });
});

describe('upgrade to version 3', () => {
  it('gives patient list rows written by version 2 their list facts, from the stored records', async () => {
    const f = createRecordFactory();
    const p = f.patient({ centerPatientNumber: 'KIT-0300', sex: 'male', birthYear: 1961 });
    const course = f.course(p);
    const { records } = f.completedSession(course);
    const name = `kit-upgrade-${globalThis.crypto.randomUUID()}`;
    // The database as a version-2 app left it: records, and an index row without facts.
    const v2 = new Dexie(name);
    v2.version(2).stores(STORES_V2);
    const stored = [p, course, ...records];
    await v2.table('records').bulkAdd(stored);
    const oldRow = {
      patientId: p.id,
      centerPatientNumber: 'KIT-0300',
      numberLower: 'kit-0300',
      isSynthetic: true,
      lastActivityAt: stored.reduce((t, r) => (r.clinicalTime > t ? r.clinicalTime : t), ''),
    };
    await v2.table('patientIndex').put(oldRow);
    v2.close();

    const db = new KitDatabase(name);
    opened.push(db);
    expect(await db.patientIndex.get(p.id)).toEqual({
      ...oldRow,
      facts: {
        sex: 'male',
        birthDate: null,
        birthYear: 1961,
        courseStatus: 'active',
        nextSessionNumber: 2,
        needsReview: false,
      },
    });
    expect(await db.records.count()).toBe(stored.length);
  });
});

describe('versionchange: an old tab never writes into a newer database', () => {
  it('closes for good, tells the app, and later writes fail with a reload message', async () => {
    const onVersionChange = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = fresh({ onVersionChange });
    const f = createRecordFactory();
    const patient = f.patient();
    await appendRecord(db, patient);

    // A newer app version in another tab opens the same database at a later version.
    await db.open();
    const newer = new Dexie(db.name);
    newer.version(db.verno).stores({ records: 'id' });
    newer.version(db.verno + 1).stores({ records: 'id, kind', extra: 'key' });
    await newer.open();
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);

    const result = await appendRecord(db, f.course(patient));
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'storage', reason: 'database-closed' },
    });
    if (!result.ok) expect(result.error.message).toMatch(/Reload this page/);
    await expect(recordsForSession(db, 'x')).rejects.toMatchObject({
      name: 'StorageError',
      reason: 'database-closed',
    });
    newer.close();
    warn.mockRestore();
  });
});

describe('drafts', () => {
  it('round-trip, replace, clear; per form and session', async () => {
    const db = fresh();
    const value = { weightText: '70,5', note: 'scale B', nested: { list: [1, 2] } };
    expect(await saveDraft(db, 'weight', 's-1', value, '2026-01-05T08:00:00.000Z')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await loadDraft(db, 'weight', 's-1')).toEqual({
      value,
      updatedAt: '2026-01-05T08:00:00.000Z',
    });
    expect(await loadDraft(db, 'weight', 's-2')).toBeUndefined();
    await saveDraft(db, 'weight', 's-1', { weightText: '71' }, '2026-01-05T08:01:00.000Z');
    expect(await loadDraft(db, 'weight', 's-1')).toEqual({
      value: { weightText: '71' },
      updatedAt: '2026-01-05T08:01:00.000Z',
    });
    await saveDraft(db, 'new-patient', null, { number: 'KIT-' }, '2026-01-05T08:02:00.000Z');
    expect((await loadDraft(db, 'new-patient', null))?.value).toEqual({ number: 'KIT-' });
    await clearDraft(db, 'weight', 's-1');
    expect(await loadDraft(db, 'weight', 's-1')).toBeUndefined();
    expect(await db.drafts.count()).toBe(1);
  });

  it('a value that cannot be stored is a StorageError, not a throw', async () => {
    const db = fresh();
    const result = await saveDraft(db, 'weight', 's-1', { f: () => 1 }, '2026-01-05T08:00:00.000Z');
    expect(result).toMatchObject({ ok: false, error: { type: 'storage' } });
  });
});
