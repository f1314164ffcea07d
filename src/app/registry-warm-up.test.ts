import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualTimers, type ManualTimers } from '../../tests/sync/support/tablet.ts';
import { courseBundlesToRefresh } from '../db/course-bundles.ts';
import type { KitDatabase } from '../db/database.ts';
import { appendRecords } from '../db/records-repo.ts';
import { holdRegistryWarmUp, readRegistrySnapshot } from '../db/registry-rows.ts';
import { createTestDatabase, deleteTestDatabase } from '../db/testing.ts';
import { generateCenter } from '../domain/demo/index.ts';
import type { RecordOfKind } from '../domain/records.ts';
import { createRecordFactory } from '../domain/records/builders.ts';
import { startRegistryWarmUp, type RegistryWarmUp, type WarmUpPass } from './registry-warm-up.ts';

const AS_OF = '2024-01-01T00:00:00.000Z';
const PAUSE_MS = 7;
const EVERY_MS = 60_000;
const START_MS = 1_000;

const opened: KitDatabase[] = [];
const started: RegistryWarmUp[] = [];
afterEach(async () => {
  for (const w of started.splice(0)) w.stop();
  for (const db of opened.splice(0)) await deleteTestDatabase(db);
});

/** A database with a small generated center (6 patients), no registry rows yet. */
async function centerDb(): Promise<{ db: KitDatabase; patients: number }> {
  const db = createTestDatabase();
  opened.push(db);
  const center = generateCenter({ patients: 6, years: 2, seed: 3, startYear: 2020 });
  if (!center.ok) throw new Error(center.error.message);
  const records = center.value.records.filter((r) => r.kind !== 'observation');
  expect((await appendRecords(db, records)).ok).toBe(true);
  return { db, patients: new Set(records.flatMap((r) => (r.patientId ? [r.patientId] : []))).size };
}

function warmUp(db: KitDatabase, timers: ManualTimers, buildId = 'build-1') {
  const w = startRegistryWarmUp({
    db,
    nowIso: () => AS_OF,
    buildId,
    timers,
    locks: null,
    startDelayMs: START_MS,
    everyMs: EVERY_MS,
    patientsPerStep: 2,
    pauseMs: PAUSE_MS,
  });
  started.push(w);
  return w;
}

const freshRows = async (db: KitDatabase) =>
  (await db.registryRows.toArray()).filter((row) => row.state === 'fresh').length;

const firstPatient = async (db: KitDatabase): Promise<string> =>
  String((await db.patientIndex.toCollection().first())?.patientId);

/** Ends every pause until `pass` settles; its outcome. */
async function finish(timers: ManualTimers, pass: Promise<WarmUpPass>): Promise<WarmUpPass> {
  let outcome: WarmUpPass | null = null;
  void pass.then((o) => (outcome = o));
  while (outcome === null) {
    await vi.waitFor(() =>
      expect(outcome !== null || timers.scheduled().some((t) => t.ms === PAUSE_MS)).toBe(true),
    );
    if (outcome === null) await fire(timers, PAUSE_MS);
  }
  return outcome;
}

/** Runs the waiting timer of `ms` (a pause between steps, or the next pass). */
async function fire(timers: ManualTimers, ms: number): Promise<void> {
  await vi.waitFor(() => expect(timers.scheduled().some((t) => t.ms === ms)).toBe(true));
  const handle = timers.scheduled().find((t) => t.ms === ms);
  timers.clearTimeout(handle);
  handle?.run();
}

describe('the registry warm-up', () => {
  it('starts after its delay, warms every patient two at a time, and plans the next pass', async () => {
    const { db, patients } = await centerDb();
    const timers = manualTimers();
    warmUp(db, timers);
    expect(timers.scheduled().map((t) => t.ms)).toEqual([START_MS]);
    await fire(timers, START_MS);
    for (let step = 0; step < Math.ceil(patients / 2); step++) await fire(timers, PAUSE_MS);
    // Then the course bundles, one patient a step.
    for (let step = 0; step < patients; step++) await fire(timers, PAUSE_MS);
    await vi.waitFor(() => expect(timers.scheduled().map((t) => t.ms)).toEqual([EVERY_MS]));
    expect(await courseBundlesToRefresh(db)).toEqual([]);

    const report = await readRegistrySnapshot(db, AS_OF, 'build-1');
    expect(report.computed).toEqual([]);
    expect(report.reused).toBe(patients);
    // Another build (an app update) finds every entry to compute again.
    expect((await readRegistrySnapshot(db, AS_OF, 'build-2')).computed).toHaveLength(patients);
  });

  it('waits while a registry report is on screen, and stops between steps when one opens', async () => {
    const { db, patients } = await centerDb();
    const timers = manualTimers();
    const w = warmUp(db, timers);
    const release = holdRegistryWarmUp(db);
    expect(await w.runPass()).toEqual({ kind: 'held' });
    expect(await freshRows(db)).toBe(0);
    release();

    const pass = w.runPass();
    await vi.waitFor(() => expect(timers.scheduled().some((t) => t.ms === PAUSE_MS)).toBe(true));
    const releaseAgain = holdRegistryWarmUp(db);
    await fire(timers, PAUSE_MS);
    expect(await pass).toEqual({ kind: 'interrupted', pending: patients, stored: 2 });
    releaseAgain();
  });

  it('lets one warm-up run at a time, and a stopped one lets go at once', async () => {
    const { db, patients } = await centerDb();
    const firstTimers = manualTimers();
    const first = warmUp(db, firstTimers);
    const secondTimers = manualTimers();
    const second = warmUp(db, secondTimers);
    const pass = second.runPass();
    await vi.waitFor(() =>
      expect(secondTimers.scheduled().some((t) => t.ms === PAUSE_MS)).toBe(true),
    );
    expect(await first.runPass()).toEqual({ kind: 'busy' });
    second.stop();
    expect(await pass).toEqual({ kind: 'interrupted', pending: patients, stored: 2 });
    expect(await second.runPass()).toEqual({ kind: 'stopped' });
    // The first warm-up now runs, and finds only the patients not warmed yet.
    expect(await finish(firstTimers, first.runPass())).toEqual({
      kind: 'done',
      pending: patients - 2,
      stored: patients - 2,
      bundles: patients,
    });
  });

  it('brings course bundles up to date after the registry, and only those', async () => {
    const { db, patients } = await centerDb();
    const timers = manualTimers();
    const w = warmUp(db, timers);
    expect(await courseBundlesToRefresh(db)).toHaveLength(patients);
    expect(await finish(timers, w.runPass())).toMatchObject({ kind: 'done', bundles: patients });
    const patientId = await firstPatient(db);
    expect((await db.courseHeads.get(patientId))?.state).toBe('fresh');

    // A new record extends that one patient's bundle; the next pass merges it alone.
    const [course] = await db.records
      .where('[kind+patientId]')
      .equals(['course', patientId])
      .toArray();
    const f = createRecordFactory({ startAt: AS_OF });
    expect(
      (
        await appendRecords(db, [
          f.courseStatus(course as RecordOfKind<'course'>, { status: 'paused' }),
        ])
      ).ok,
    ).toBe(true);
    expect(await courseBundlesToRefresh(db)).toEqual([patientId]);
    expect((await db.courseHeads.get(patientId))?.state).toBe('tailed');
    expect(await finish(timers, w.runPass())).toMatchObject({ kind: 'done', bundles: 1 });
    expect(await courseBundlesToRefresh(db)).toEqual([]);
    expect((await db.courseHeads.get(patientId))?.state).toBe('fresh');
  });
});
