/**
 * Course bundles (course-bundles.ts): a bundle, however it was last refreshed, extended or
 * merged, always holds exactly the patient's stored records of the bundled kinds, also when
 * writes, warm-up steps and history openings interleave (random operations, fast-check).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClinicalRecord, RecordOfKind } from '../domain/records.ts';
import { threeSessionCourse as course } from '../../tests/support/three-session-course.ts';
import {
  courseBundlesToRefresh,
  PER_SESSION_BULK_KINDS,
  readCourseBundle,
  refreshCourseBundle,
  storeCourseBundle,
  TAIL_LIMIT,
  type CourseBundleRefresh,
} from './course-bundles.ts';
import type { KitDatabase } from './database.ts';
import { appendRecords, recordsForPatient } from './records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

let db: KitDatabase | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  if (db) await deleteTestDatabase(db);
  db = null;
});

const idsOf = (records: readonly ClinicalRecord[]) => new Set(records.map((r) => r.id));

/** One read, as the history makes it (one read transaction). */
const read = (local: KitDatabase, patientId: string) =>
  local.transaction('r', [local.records, local.courseHeads, local.courseBodies], () =>
    readCourseBundle(local, patientId),
  );

/** The patient's stored records of the bundled kinds, read from every record. */
async function bundledIds(local: KitDatabase, patientId: string) {
  const all = await recordsForPatient(local, patientId);
  return idsOf(all.filter((r) => !PER_SESSION_BULK_KINDS.has(r.kind)));
}

async function store(local: KitDatabase, records: readonly ClinicalRecord[]) {
  const stored = await appendRecords(local, records);
  if (!stored.ok) throw new Error(stored.error.message);
}

/** The records stored, with the bundle made from them (as the warm-up or a history does). */
async function withBundle() {
  const fixture = course();
  db = createTestDatabase();
  await store(db, fixture.records);
  const first = await read(db, fixture.patientId);
  expect(await storeCourseBundle(db, first.refresh as CourseBundleRefresh)).toBe(true);
  return { ...fixture, db, first };
}

describe('course bundles', () => {
  it('are read instead of the records once stored, with the same records', async () => {
    const { db, patientId, first } = await withBundle();
    expect(first.refresh?.records).toHaveLength(first.stored.length);
    const second = await read(db, patientId);
    expect(second.refresh).toBeNull();
    expect(idsOf(second.stored)).toEqual(idsOf(first.stored));
    expect(await db.courseHeads.get(patientId)).toEqual({ patientId, state: 'fresh' });
  });

  it('take a new record of the patient into their tail, and stay usable; vitals and ticks leave them as they are', async () => {
    const { db, f, patientId, sessions } = await withBundle();
    const session = sessions[2] as RecordOfKind<'session'>;
    await store(db, [
      f.observation(session, { heartRatePerMin: 99 }),
      f.checklistItem(session, 'escort-present', false),
    ]);
    expect(await db.courseHeads.get(patientId)).toEqual({ patientId, state: 'fresh' });

    const effect = f.sideEffect(session, { effect: 'nausea', severity: 'mild' });
    const drug = f.drugGiven(session);
    await store(db, [effect]);
    await store(db, [drug]);
    expect(await db.courseHeads.get(patientId)).toEqual({
      patientId,
      state: 'tailed',
      tail: [effect.id, drug.id],
    });
    const after = await read(db, patientId);
    expect(after.refresh).toBeNull();
    expect(idsOf(after.stored)).toEqual(await bundledIds(db, patientId));
  });

  it('merge their tail into the body in the warm-up, and are fresh again', async () => {
    const { db, f, patientId, sessions } = await withBundle();
    const effect = f.sideEffect(sessions[0] as RecordOfKind<'session'>, { effect: 'dizziness' });
    await store(db, [effect]);
    expect(await courseBundlesToRefresh(db)).toContain(patientId);

    expect(await refreshCourseBundle(db, patientId)).toBe(true);
    expect(await db.courseHeads.get(patientId)).toEqual({ patientId, state: 'fresh' });
    const body = await db.courseBodies.get(patientId);
    expect(idsOf(body?.records ?? [])).toEqual(await bundledIds(db, patientId));
    expect(await courseBundlesToRefresh(db)).not.toContain(patientId);
    expect(await refreshCourseBundle(db, patientId)).toBe(false); // nothing left to do
  });

  it('keep in the tail what was written while the warm-up merged it', async () => {
    const { db, f, patientId, sessions } = await withBundle();
    const session = sessions[0] as RecordOfKind<'session'>;
    await store(db, [f.sideEffect(session, { effect: 'dizziness' })]);
    // A bedside save lands between the merge's read of the tail and its write.
    const late = f.drugGiven(session);
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let landed = false;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (args[0] !== 'rw' || landed) return transaction(...args);
      landed = true;
      return store(db, [late]).then(() => transaction(...args));
    }) as typeof db.transaction);

    expect(await refreshCourseBundle(db, patientId)).toBe(true);
    expect(landed).toBe(true);
    expect(await db.courseHeads.get(patientId)).toEqual({
      patientId,
      state: 'tailed',
      tail: [late.id],
    });
    expect(idsOf((await read(db, patientId)).stored)).toEqual(await bundledIds(db, patientId));
  });

  it(`go stale when more than ${TAIL_LIMIT} records wait in the tail, and are read from the records then`, async () => {
    const { db, f, patientId, sessions } = await withBundle();
    const session = sessions[1] as RecordOfKind<'session'>;
    const drugs = Array.from({ length: TAIL_LIMIT + 1 }, () => f.drugGiven(session));
    await store(db, drugs.slice(0, TAIL_LIMIT));
    expect((await db.courseHeads.get(patientId))?.state).toBe('tailed');
    await store(db, drugs.slice(TAIL_LIMIT));
    expect(await db.courseHeads.get(patientId)).toEqual({
      patientId,
      state: 'stale',
      staleBy: drugs.at(-1)?.id,
    });
    const after = await read(db, patientId);
    expect(after.refresh).not.toBeNull();
    expect(idsOf(after.stored)).toEqual(await bundledIds(db, patientId));
  });

  it('start stale for a patient whose records arrive before any bundle', async () => {
    const { patientId, records } = course();
    db = createTestDatabase();
    await store(db, records);
    const bundled = records.filter(
      (r) => r.patientId === patientId && !PER_SESSION_BULK_KINDS.has(r.kind),
    );
    expect(await db.courseHeads.get(patientId)).toEqual({
      patientId,
      state: 'stale',
      staleBy: bundled.at(-1)?.id,
    });
    expect(await courseBundlesToRefresh(db)).toContain(patientId);
  });

  it('are not stored over a record written after their read', async () => {
    const { f, patientId, sessions, records } = course();
    db = createTestDatabase();
    await store(db, records);
    const first = await read(db, patientId);
    const drug = f.drugGiven(sessions[0] as RecordOfKind<'session'>);
    await store(db, [drug]);

    expect(await storeCourseBundle(db, first.refresh as CourseBundleRefresh)).toBe(false);
    const next = await read(db, patientId);
    expect(idsOf(next.stored).has(drug.id)).toBe(true);
  });

  it('are kept only for patients with records on this tablet', async () => {
    db = createTestDatabase();
    expect(await read(db, 'no-such-patient')).toEqual({ stored: [], refresh: null });
  });
});

type Step =
  | { readonly op: 'write'; readonly bundled: boolean; readonly count: number }
  | { readonly op: 'warm-up' }
  | { readonly op: 'history' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('write' as const),
    bundled: fc.boolean(),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ op: fc.constant('warm-up' as const) }),
  fc.record({ op: fc.constant('history' as const) }),
);

describe('course bundles under interleaved writes, warm-up steps and history openings', () => {
  it('always hold exactly the stored records of the bundled kinds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, step), { minLength: 1, maxLength: 8 }),
        async (pairs) => {
          const { f, patientId, sessions, records } = course();
          const local = createTestDatabase();
          const session = sessions[2] as RecordOfKind<'session'>;
          const run = async (s: Step): Promise<void> => {
            if (s.op === 'write') {
              const made = Array.from({ length: s.count }, () =>
                s.bundled ? f.drugGiven(session) : f.observation(session, { heartRatePerMin: 70 }),
              );
              return store(local, made);
            }
            if (s.op === 'warm-up') return void (await refreshCourseBundle(local, patientId));
            // A history opening stores what it had to read from the records, later.
            const { refresh } = await read(local, patientId);
            if (refresh !== null) await storeCourseBundle(local, refresh);
          };
          try {
            await store(local, records);
            // Each pair runs at the same time: their transactions interleave.
            for (const [a, b] of pairs) await Promise.all([run(a), run(b)]);
            const expected = await bundledIds(local, patientId);
            expect(idsOf((await read(local, patientId)).stored)).toEqual(expected);
            expect((await read(local, patientId)).stored).toHaveLength(expected.size);
            // And once brought up to date, the body alone holds them.
            await refreshCourseBundle(local, patientId);
            expect(await local.courseHeads.get(patientId)).toEqual({ patientId, state: 'fresh' });
            const body = await local.courseBodies.get(patientId);
            expect(idsOf(body?.records ?? [])).toEqual(expected);
            expect(body?.records).toHaveLength(expected.size);
          } finally {
            await deleteTestDatabase(local);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
