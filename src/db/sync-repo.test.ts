import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordFactory } from '../domain/records/builders.ts';
import type { KitDatabase } from './database.ts';
import { appendRecords, getRecord } from './records-repo.ts';
import {
  getPullCursor,
  markSynced,
  markSyncFailed,
  outboxCount,
  pendingOutbox,
  storePulledRecords,
} from './sync-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

let db: KitDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await deleteTestDatabase(db);
});

function serverRecords() {
  // Another tablet's records, as the server sends them.
  const f = createRecordFactory({ seed: 99, deviceId: 'tablet-2' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0777' });
  const course = f.course(patient);
  return { f, patient, course, records: [patient, course, ...f.completedSession(course).records] };
}

describe('outbox', () => {
  it('lists pending records oldest first, then forgets them once synced', async () => {
    const { records } = serverRecords();
    await appendRecords(db, records);
    const pending = await pendingOutbox(db, 3);
    expect(pending.map((p) => p.record.id)).toEqual(records.slice(0, 3).map((r) => r.id));
    expect(pending[0]).toMatchObject({
      attempts: 0,
      lastError: null,
      queuedAt: records[0]?.deviceTime,
    });
    expect(
      await markSynced(
        db,
        records.slice(0, 3).map((r) => r.id),
      ),
    ).toEqual({ ok: true, value: 3 });
    expect(await outboxCount(db)).toBe(records.length - 3);
    expect(await getRecord(db, records[0]?.id ?? '')).toEqual(records[0]); // the record stays
  });

  it('counts failed attempts with the reason', async () => {
    const { records } = serverRecords();
    await appendRecords(db, records.slice(0, 2));
    const ids = records.slice(0, 2).map((r) => r.id);
    await markSyncFailed(db, ids, 'Server unreachable');
    expect(await markSyncFailed(db, [...ids, 'not-queued'], 'HTTP 503')).toEqual({
      ok: true,
      value: 2,
    });
    expect((await pendingOutbox(db)).map((p) => [p.attempts, p.lastError])).toEqual([
      [2, 'HTTP 503'],
      [2, 'HTTP 503'],
    ]);
  });
});

describe('storePulledRecords', () => {
  it('stores a page and its cursor, not queued for push', async () => {
    const { records } = serverRecords();
    expect(await getPullCursor(db)).toBeNull();
    expect(await storePulledRecords(db, records, 'c-42')).toEqual({
      ok: true,
      value: { stored: records.length, skipped: 0 },
    });
    expect(await getPullCursor(db)).toBe('c-42');
    expect(await db.records.count()).toBe(records.length);
    expect(await outboxCount(db)).toBe(0);
  });

  it('is idempotent: the same page again stores nothing new and moves the cursor', async () => {
    const { records } = serverRecords();
    await storePulledRecords(db, records, 1);
    expect(await storePulledRecords(db, records, 2)).toEqual({
      ok: true,
      value: { stored: 0, skipped: records.length },
    });
    expect(await db.records.count()).toBe(records.length);
    expect(await getPullCursor(db)).toBe(2);
  });

  it('never overwrites a stored id; a pulled id still in the outbox is confirmed', async () => {
    const { records } = serverRecords();
    const [first] = records;
    if (!first) throw new Error('fixture');
    await appendRecords(db, [first]);
    const changed = { ...first, authorStaffId: 'someone-else' };
    expect(await storePulledRecords(db, [changed, ...records.slice(1)], 'c-1')).toMatchObject({
      ok: true,
      value: { skipped: 1 },
    });
    expect(await getRecord(db, first.id)).toEqual(first);
    expect(await outboxCount(db)).toBe(0);
  });

  it("adds other tablets' records without a lookup; one stored already is left as it is", async () => {
    // Pages pulled again (e.g. the tablet enrolled anew) bring records that are stored here.
    const { records } = serverRecords();
    const [first, ...rest] = records;
    if (!first) throw new Error('fixture');
    await storePulledRecords(db, [first], 'c-1', 'tablet-1');
    const changed = { ...first, authorStaffId: 'someone-else' };
    expect(await storePulledRecords(db, [changed, ...rest], 'c-2', 'tablet-1')).toEqual({
      ok: true,
      value: { stored: rest.length, skipped: 1 },
    });
    expect(await getRecord(db, first.id)).toEqual(first);
    expect(await db.records.count()).toBe(records.length);
    expect(await getPullCursor(db)).toBe('c-2');
  });

  it('leaves the records table untouched when only our own stored records come back', async () => {
    const { f, records } = serverRecords();
    await storePulledRecords(db, records, 'c-1', 'tablet-2');
    const counts: number[] = [];
    let counted = () => {};
    const subscription = liveQuery(() => db.records.count()).subscribe((n) => {
      counts.push(n);
      counted();
    });
    const nextCount = () => new Promise<void>((resolve) => (counted = resolve));
    await nextCount();
    await storePulledRecords(db, records, 'c-2', 'tablet-2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counts).toEqual([records.length]); // not queried again: nothing was written
    // The control: a new record of ours does wake it.
    const woken = nextCount();
    await storePulledRecords(
      db,
      [f.patient({ centerPatientNumber: 'KIT-0778' })],
      'c-3',
      'tablet-2',
    );
    await woken;
    expect(counts).toEqual([records.length, records.length + 1]);
    subscription.unsubscribe();
  });

  it('confirms only the pulled ids that wait in the outbox; the others keep waiting', async () => {
    const { records } = serverRecords();
    const [a, b, c, ...others] = records;
    if (!a || !b || !c || others.length < 3) throw new Error('fixture');
    await appendRecords(db, [a, b, c]);
    const queued = async () => (await db.outbox.toCollection().primaryKeys()).sort();
    // A page smaller than the outbox, then one larger than what is left of it.
    await storePulledRecords(db, [a], 'c-1');
    expect(await queued()).toEqual([b.id, c.id].sort());
    await storePulledRecords(db, [b, ...others], 'c-2');
    expect(await queued()).toEqual([c.id]);
    await storePulledRecords(db, others, 'c-3');
    expect(await queued()).toEqual([c.id]);
  });

  it('an invalid record refuses the whole page and keeps the old cursor', async () => {
    const { records } = serverRecords();
    await storePulledRecords(db, records.slice(0, 2), 'c-1');
    const newer = { ...records[3], schemaVersion: 2 };
    const result = await storePulledRecords(db, [records[2], newer], 'c-2');
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'invalid-record', error: { field: 'records[1].schemaVersion' } },
    });
    if (!result.ok) expect(result.error.message).toMatch(/Update the app/);
    expect(await db.records.count()).toBe(2);
    expect(await getPullCursor(db)).toBe('c-1');
  });

  it('updates the patient list from pulled records', async () => {
    const { records, patient } = serverRecords();
    await storePulledRecords(db, records, 'c-1');
    expect(await db.patientIndex.get(patient.id)).toMatchObject({
      centerPatientNumber: 'KIT-0777',
      lastActivityAt: records
        .map((r) => r.clinicalTime)
        .sort()
        .at(-1),
    });
  });

  it('recomputes the list facts for pulled records, even a record a stored correction names', async () => {
    // Pull pages can bring a "correction" before the record it names. Here it is of another
    // kind, which is a conflict only once the named record is here: the list must then say so,
    // although the arriving record is a plain observation.
    const { f, records, patient } = serverRecords();
    await storePulledRecords(db, records, 'c-1');
    const session = records.find((r) => r.kind === 'session');
    if (session === undefined) throw new Error('no session');
    const observation = f.observation(session);
    const stray = {
      ...f.sideEffect(session),
      supersedes: { recordId: observation.id, reason: 'Wrong entry.' },
    };
    await storePulledRecords(db, [stray], 'c-2');
    expect((await db.patientIndex.get(patient.id))?.facts?.needsReview).toBe(false);
    await storePulledRecords(db, [observation], 'c-3');
    expect((await db.patientIndex.get(patient.id))?.facts).toMatchObject({
      nextSessionNumber: 2,
      needsReview: true,
    });
  });
});
