/**
 * Tablets for the fault tests: each its own tablet database (fake-indexeddb), enrolled on the
 * real center with a one-time code, with a sync client talking through a faulty fetch, and
 * helpers to record, to sync until done, and to check that nothing was lost or doubled.
 */
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { systemClock } from '../../../src/db/clock.ts';
import { openKitDatabase, type KitDatabase } from '../../../src/db/database.ts';
import { appendRecords } from '../../../src/db/records-repo.ts';
import { outboxCount } from '../../../src/db/sync-repo.ts';
import { createRecordFactory, type RecordFactory } from '../../../src/domain/records/builders.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import {
  createSyncClient,
  type SyncClient,
  type SyncClientOptions,
} from '../../../src/sync/client.ts';
import { enrollDevice, loadDeviceAuth } from '../../../src/sync/enrollment.ts';
import { sameContent } from '../../../src/sync/canonical-json.ts';
import { listIssues } from '../../../src/sync/queue.ts';
import type { Center } from './center.ts';
import { faultyFetch, seededRandom, type FaultyFetch } from './faulty-fetch.ts';

export type Tablet = {
  readonly name: string;
  readonly db: KitDatabase;
  readonly deviceId: string;
  readonly factory: RecordFactory;
  readonly client: SyncClient;
  readonly net: FaultyFetch;
  /** A patient, course, session and `n` observations, written like the app does (outbox included). */
  record(n: number): Promise<ClinicalRecord[]>;
  write(records: readonly ClinicalRecord[]): Promise<void>;
};

let counter = 0;

export async function enrollTablet(
  center: Center,
  name: string,
  net: FaultyFetch = faultyFetch(() => 'pass'),
  options: { readonly db?: KitDatabase; readonly client?: Partial<SyncClientOptions> } = {},
): Promise<Tablet> {
  counter += 1;
  const db = options.db ?? openKitDatabase(`fault-${name}-${counter}-${randomInt(1e9)}`);
  const enrolled = await enrollDevice({
    db,
    fetch,
    baseUrl: center.baseUrl,
    code: await center.enrollmentCode(),
    deviceName: name,
  });
  if (!enrolled.ok) throw new Error(`enroll ${name}: ${enrolled.code}`);
  const factory = createRecordFactory({
    deviceId: enrolled.deviceId,
    authorStaffId: 'nurse-1',
    seed: randomInt(2 ** 31),
    startAt: '2026-11-25T08:00:00.000Z',
    stepMs: 1000,
  });
  const client = createSyncClient({
    db,
    fetch: net.fetch,
    baseUrl: 'http://unused.invalid',
    getDeviceAuth: () => loadDeviceAuth(db),
    clock: systemClock(),
    random: seededRandom(counter),
    locks: null,
    autoRetry: false,
    isOnline: () => true,
    ...options.client,
  });
  const write = async (records: readonly ClinicalRecord[]) => {
    const result = await appendRecords(db, records);
    if (!result.ok) throw new Error(`write: ${result.error.message}`);
  };
  return {
    name,
    db,
    deviceId: enrolled.deviceId,
    factory,
    client,
    net,
    write,
    async record(n) {
      const patient = factory.patient();
      const course = factory.course(patient);
      const session = factory.session(course);
      const records = [
        patient,
        course,
        session,
        ...Array.from({ length: n }, () => factory.observation(session)),
      ];
      await write(records);
      return records;
    },
  };
}

export type AnyRecord = { readonly id: string };

/**
 * The staff the record factory names (author, double checker, anesthesiologist). Returns the
 * records the center itself stored for them (staff changes are staff-member records that every
 * tablet pulls), which count among "the records created".
 */
export async function addFactoryStaff(center: Center): Promise<AnyRecord[]> {
  await center.addStaff('nurse-1', 'nurse');
  await center.addStaff('nurse-2', 'nurse');
  await center.addStaff('dr-anesth', 'anesthesiologist');
  await center.addStaff('admin-1', 'admin');
  return (await center.records()) as unknown as AnyRecord[];
}

/**
 * Syncs each tablet, again and again (as the retry timer would), until a round in which every
 * tablet synced with nothing left to push; then once more so everyone pulls the last pushes.
 * Returns how many sync attempts it took.
 */
export async function syncUntilSettled(
  tablets: readonly Tablet[],
  maxRounds = 200,
): Promise<number> {
  let attempts = 0;
  let cleanRounds = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    let clean = true;
    for (const tablet of tablets) {
      attempts += 1;
      const result = await tablet.client.sync('manual');
      if (result.kind !== 'synced' || tablet.client.getStatus().pendingCount > 0) clean = false;
    }
    cleanRounds = clean ? cleanRounds + 1 : 0;
    if (cleanRounds >= 2) return attempts;
  }
  throw new Error(`not settled after ${maxRounds} rounds`);
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

/**
 * The invariant after every fault: the server and every tablet hold exactly the records
 * created (same ids, same count, same content), none lost, none doubled; nothing waits in an
 * outbox; no record is parked except those `expectedIssues[tablet name]` lists (a tablet keeps
 * its own content for those).
 */
export async function expectExactlyOnce(
  center: Center,
  tablets: readonly Tablet[],
  created: readonly AnyRecord[],
  expectedIssues: Readonly<Record<string, readonly string[]>> = {},
): Promise<void> {
  const createdIds = sorted(new Set(created.map((r) => r.id)));
  expect(createdIds).toHaveLength(created.length);
  const serverIds = await center.recordIds();
  expect(serverIds).toHaveLength(createdIds.length);
  expect(sorted(serverIds)).toEqual(createdIds);
  for (const record of created) {
    expect(
      sameContent(await center.recordBody(record.id), record),
      `server copy of ${record.id}`,
    ).toBe(true);
  }
  for (const tablet of tablets) {
    const rows = await tablet.db.records.toArray();
    expect(rows, tablet.name).toHaveLength(createdIds.length);
    expect(sorted(rows.map((r) => r.id)), tablet.name).toEqual(createdIds);
    expect(await outboxCount(tablet.db), `${tablet.name} outbox`).toBe(0);
    const parked = expectedIssues[tablet.name] ?? [];
    const issues = await listIssues(tablet.db);
    expect(sorted(issues.map((i) => i.recordId)), `${tablet.name} issues`).toEqual(sorted(parked));
    const byId = new Map(created.map((r) => [r.id, r]));
    for (const row of rows) {
      if (parked.includes(row.id)) continue;
      expect(sameContent(row, byId.get(row.id)), `${tablet.name} copy of ${row.id}`).toBe(true);
    }
  }
}
