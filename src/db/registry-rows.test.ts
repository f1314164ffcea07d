import { afterEach, describe, expect, it } from 'vitest';
import { generateCenter } from '../domain/demo/index.ts';
import type { ClinicalRecord, RecordOfKind } from '../domain/records.ts';
import {
  computeRegistry,
  registryFromEntries,
  type RegistryOptions,
} from '../domain/registry/index.ts';
import { REGISTRY_RECORD_KINDS } from '../domain/registry/record-kinds.ts';
import type { KitDatabase } from './database.ts';
import { appendRecords } from './records-repo.ts';
import {
  planRegistryWarmUp,
  readRegistrySnapshot,
  storeRegistryRows,
  type RegistrySnapshot,
} from './registry-rows.ts';
import { storePulledRecords } from './sync-repo.ts';
import { createTestDatabase, deleteTestDatabase } from './testing.ts';

const opened: KitDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await deleteTestDatabase(db);
});

const kinds: ReadonlySet<string> = new Set(REGISTRY_RECORD_KINDS);
const AS_OF = '2024-01-01T00:00:00.000Z';
const LATER = '2025-01-01T00:00:00.000Z';
let nextId = 1;
const newId = () => `019f0000-0000-7000-8000-${String(nextId++).padStart(12, '0')}`;

type Center = {
  readonly records: ClinicalRecord[];
  /** The records added to the generated center, in the order they were added. */
  readonly added: readonly ClinicalRecord[];
  /** The session that the first added record (a marker filed under another patient) voids. */
  readonly voided: ClinicalRecord;
};

/** A small generated center (registry kinds only), with every crossing case added. */
function generatedCenter(): Center {
  const center = generateCenter({ patients: 10, years: 3, seed: 5, startYear: 2019 });
  if (!center.ok) throw new Error(center.error.message);
  // Every other patient real, so both populations are tested.
  const records = center.value.records
    .filter((r) => kinds.has(r.kind))
    .map((r, i) =>
      r.kind === 'patient' && i % 2 === 0
        ? { ...r, payload: { ...r.payload, isSynthetic: false } }
        : r,
    );
  const byKind = <K extends ClinicalRecord['kind']>(kind: K) =>
    records.filter((r): r is RecordOfKind<K> => r.kind === kind);
  const answers = byKind('outcome-answer');
  const answered = new Set(answers.map((a) => a.patientId));
  const patients = byKind('patient');
  const [p1, p2] = patients.filter((p) => answered.has(p.patientId));
  const [p0, p3] = patients.filter((p) => p !== p1 && p !== p2);
  const marker = byKind('entered-in-error')[0];
  if (!p0 || !p1 || !p2 || !p3 || !marker) throw new Error('center too small');
  const answerOf = (p: ClinicalRecord) => {
    const found = answers.find((a) => a.patientId === p.patientId);
    if (!found) throw new Error('no answer');
    return found;
  };
  const sessionOf = (p: ClinicalRecord) => {
    const found = byKind('session').find((s) => s.patientId === p.patientId);
    if (!found) throw new Error('no session');
    return found;
  };
  const s1 = sessionOf(p1);
  const added: ClinicalRecord[] = [
    // A marker filed under p0 that voids p1's session (routed to p1 wherever it is filed).
    {
      ...marker,
      id: newId(),
      patientId: p0.patientId,
      sessionId: null,
      payload: { ...marker.payload, targetRecordId: s1.id },
    },
    // A marker of a record that never arrives, and one of a center-level record.
    {
      ...marker,
      id: newId(),
      patientId: p2.patientId,
      sessionId: null,
      payload: { ...marker.payload, targetRecordId: '019f0000-0000-7000-8000-ffffffffffff' },
    },
    // A correction filed under p3 that claims to correct p2's answer (noted on both).
    {
      ...answerOf(p2),
      id: newId(),
      patientId: p3.patientId,
      supersedes: { recordId: answerOf(p2).id, reason: 'wrong patient' },
    },
    // A correction within p3 (baseline NRS) and a record of p1 dated after the first report.
    {
      ...p3,
      id: newId(),
      payload: { ...p3.payload, baselineNrs: 9 },
      supersedes: { recordId: p3.id, reason: 'NRS misheard' },
    },
    { ...answerOf(p1), id: newId(), clinicalTime: '2024-06-01T00:00:00.000Z' },
  ];
  return { records: [...records, ...added], added, voided: s1 };
}

const centerWithAnomalies = (): ClinicalRecord[] => generatedCenter().records;

/** Deterministic shuffle (mulberry32) so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A test database holding `records` (all written as the tablet writes them). */
async function storedCenter(records: ClinicalRecord[] = centerWithAnomalies()) {
  const db = createTestDatabase();
  opened.push(db);
  expect((await appendRecords(db, records)).ok).toBe(true);
  return { db, records };
}

/** The first pain answer before the report time, and its patient. */
function answerBeforeAsOf(records: readonly ClinicalRecord[]) {
  const answer = records.find(
    (r): r is RecordOfKind<'outcome-answer'> =>
      r.kind === 'outcome-answer' && r.clinicalTime < AS_OF,
  );
  if (!answer?.patientId) throw new Error('no answer');
  return { answer, patientId: answer.patientId };
}

async function snapshotAndStore(db: KitDatabase, asOf: string): Promise<RegistrySnapshot> {
  const snapshot = await readRegistrySnapshot(db, asOf, 'build-1');
  await storeRegistryRows(db, snapshot.computed);
  return snapshot;
}

function expectSameReports(snapshot: RegistrySnapshot, stored: readonly ClinicalRecord[]) {
  const variants: Omit<RegistryOptions, 'asOf'>[] = [
    { population: 'synthetic' },
    { population: 'real' },
    { population: 'synthetic', period: { from: '2020-01-01', to: '2020-12-31' } },
  ];
  for (const variant of variants) {
    const options = { ...variant, asOf: snapshot.asOf };
    expect(registryFromEntries(snapshot.entries, snapshot.recordsAfterAsOf, options)).toEqual(
      computeRegistry(stored, options),
    );
  }
}

describe('the registry cache', () => {
  it.each([1, 2, 3])(
    'gives the report computed from all records after each write, in any arrival order (seed %i)',
    async (seed) => {
      const db = createTestDatabase();
      opened.push(db);
      const records = shuffled(centerWithAnomalies(), seed);
      const stored: ClinicalRecord[] = [];
      const chunk = Math.ceil(records.length / 8);
      for (let i = 0; i < records.length; i += chunk) {
        const part = records.slice(i, i + chunk);
        const written =
          (i / chunk) % 2 === 0
            ? await appendRecords(db, part)
            : await storePulledRecords(db, part, i);
        expect(written.ok).toBe(true);
        stored.push(...part);
        expectSameReports(await snapshotAndStore(db, AS_OF), stored);
      }
      // Nothing written since: every entry comes from the cache, and is still right.
      const again = await snapshotAndStore(db, AS_OF);
      expect(again.computed).toEqual([]);
      expectSameReports(again, stored);
      // Later, the record dated 2024-06-01 counts: its patient is computed again, alone.
      const later = await snapshotAndStore(db, LATER);
      expect(later.computed.map((c) => c.row.patientId)).toHaveLength(1);
      expectSameReports(later, stored);
    },
  );

  it('follows records filed under another patient, also when they come before what they name', async () => {
    const db = createTestDatabase();
    opened.push(db);
    const { records, added, voided } = generatedCenter();
    const later = new Set([...added, voided]);
    const stored = records.filter((r) => !later.has(r));
    expect((await appendRecords(db, stored)).ok).toBe(true);
    expectSameReports(await snapshotAndStore(db, AS_OF), stored);
    // Each added record alone, then the voided session last (pulled after its marker).
    for (const [i, record] of [...added, voided].entries()) {
      expect((await storePulledRecords(db, [record], i)).ok).toBe(true);
      stored.push(record);
      const snapshot = await snapshotAndStore(db, AS_OF);
      expectSameReports(snapshot, stored);
    }
  });

  it('recomputes only the patients written since, and every patient for another build', async () => {
    const { db, records } = await storedCenter();
    const first = await snapshotAndStore(db, AS_OF);
    const patients = first.computed.length;
    expect(first.reused).toBe(0);

    const { answer } = answerBeforeAsOf(records);
    const added = {
      ...answer,
      id: newId(),
      payload: { ...answer.payload, painImprovementPercent: 10 },
    };
    expect((await appendRecords(db, [added])).ok).toBe(true);
    const second = await snapshotAndStore(db, AS_OF);
    expect(second.computed.map((c) => c.row.patientId)).toEqual([answer.patientId]);
    expect(second.reused).toBe(patients - 1);
    expectSameReports(second, [...records, added]);

    const otherBuild = await readRegistrySnapshot(db, AS_OF, 'build-2');
    expect(otherBuild.computed).toHaveLength(patients);
  });

  it('does not store an entry whose patient was written while it was computed', async () => {
    const { db, records } = await storedCenter();
    const snapshot = await readRegistrySnapshot(db, AS_OF, 'build-1');
    const { answer, patientId } = answerBeforeAsOf(records);
    const added = { ...answer, id: newId() };
    expect((await appendRecords(db, [added])).ok).toBe(true);

    expect(await storeRegistryRows(db, snapshot.computed)).toBe(snapshot.computed.length - 1);
    expect(await db.registryRows.get(patientId)).toEqual({
      patientId: patientId,
      state: 'stale',
      staleBy: added.id,
    });
    const next = await snapshotAndStore(db, AS_OF);
    expect(next.computed.map((c) => c.row.patientId)).toEqual([patientId]);
    expectSameReports(next, [...records, added]);
  });

  it('leaves the rows alone when only observations are written', async () => {
    const db = createTestDatabase();
    opened.push(db);
    const center = generateCenter({ patients: 2, years: 1, seed: 2, startYear: 2019 });
    if (!center.ok) throw new Error(center.error.message);
    const observations = center.value.records.filter((r) => r.kind === 'observation');
    const rest = center.value.records.filter((r) => r.kind !== 'observation');
    expect((await appendRecords(db, rest)).ok).toBe(true);
    await snapshotAndStore(db, AS_OF);
    const before = await db.registryRows.toArray();
    expect((await appendRecords(db, observations.slice(0, 20))).ok).toBe(true);
    expect(await db.registryRows.toArray()).toEqual(before);
    expect((await readRegistrySnapshot(db, AS_OF, 'build-1')).computed).toEqual([]);
  });

  it('is filled by warm-up steps, a few patients each, and a report then reuses every entry', async () => {
    const { db, records } = await storedCenter();
    // Entries of the previous build: all pending for this one.
    await snapshotAndStore(db, AS_OF);
    const plan = await planRegistryWarmUp(db, AS_OF, 'build-2');
    const patients = plan.pending.length;
    expect(patients).toBeGreaterThan(5);
    let stored = 0;
    for (let i = 0; i < patients; i += 3) stored += await plan.step(plan.pending.slice(i, i + 3));
    expect(stored).toBe(patients);

    const report = await readRegistrySnapshot(db, AS_OF, 'build-2');
    expect(report.computed).toEqual([]);
    expect(report.reused).toBe(patients);
    expectSameReports(report, records);
    expect((await planRegistryWarmUp(db, AS_OF, 'build-2')).pending).toEqual([]);
  });

  it('drops a warmed entry whose patient was written after the plan, and a later report is still right', async () => {
    const { db, records } = await storedCenter();
    const plan = await planRegistryWarmUp(db, AS_OF, 'build-1');
    const { answer, patientId } = answerBeforeAsOf(records);
    const added = {
      ...answer,
      id: newId(),
      payload: { ...answer.payload, painImprovementPercent: 5 },
    };
    expect((await appendRecords(db, [added])).ok).toBe(true);

    expect(await plan.step([patientId])).toBe(0);
    expect(await db.registryRows.get(patientId)).toMatchObject({ state: 'stale' });
    const others = plan.pending.filter((id) => id !== patientId);
    expect(await plan.step(others)).toBe(others.length);
    const report = await readRegistrySnapshot(db, AS_OF, 'build-1');
    expect(report.computed.map((c) => c.row.patientId)).toEqual([patientId]);
    expectSameReports(report, [...records, added]);
  });

  it('reuses a warmed entry only for the cross-patient records it was computed with', async () => {
    const db = createTestDatabase();
    opened.push(db);
    const { records, added, voided } = generatedCenter();
    const marker = added.find(
      (r): r is RecordOfKind<'entered-in-error'> => r.kind === 'entered-in-error',
    );
    const patient = records.find((r) => r.kind === 'patient' && r.patientId === voided.patientId);
    if (!marker || !patient) throw new Error('no marker');
    expect((await appendRecords(db, records)).ok).toBe(true);
    const plan = await planRegistryWarmUp(db, AS_OF, 'build-1');
    // After the plan was read, a marker filed under another patient voids this patient's
    // enrollment: it leaves the registry, although its own row was never marked stale.
    const voiding = {
      ...marker,
      id: newId(),
      payload: { ...marker.payload, targetRecordId: patient.id },
    };
    expect((await storePulledRecords(db, [voiding], 1)).ok).toBe(true);
    expect(await plan.step(plan.pending)).toBe(plan.pending.length - 1);
    const report = await readRegistrySnapshot(db, AS_OF, 'build-1');
    expect(report.computed.map((c) => c.row.patientId)).toEqual(
      expect.arrayContaining([voided.patientId]),
    );
    expectSameReports(report, [...records, voiding]);
  });
});
