// The Exports snapshot handler (snapshot.ts), as the worker runs it, on fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { openKitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { buildCourse, fixture } from '../../domain/registry/test-support.ts';
import { csvFiles } from './export-files.ts';
import {
  createSnapshotHandler,
  readAllRecords,
  type SnapshotReply,
  type SnapshotRequest,
} from './snapshot.ts';

const AS_OF = '2030-01-01T00:00:00.000Z';
let counter = 0;

async function tabletWith(records: readonly ClinicalRecord[]) {
  counter += 1;
  const db = openKitDatabase(`snapshot-test-${counter}`);
  const saved = await appendRecords(db, records);
  if (!saved.ok) throw new Error(saved.error.message);
  return db;
}

/** Courses from one record factory (distinct ids); `course` adds another, as records. */
function center() {
  const { f } = fixture();
  return (number: string, administrations: number): ClinicalRecord[] => {
    const records: ClinicalRecord[] = [];
    buildCourse(f, records, { number, administrations, answers: [40] });
    return records;
  };
}

/** A handler with its replies collected, and `ask` resolving to a request's last reply. */
function handlerOn(db: Awaited<ReturnType<typeof tabletWith>>) {
  const replies: SnapshotReply[] = [];
  const handle = createSnapshotHandler(db, (r) => replies.push(r));
  const ask = async (request: SnapshotRequest) => {
    await handle(request);
    return replies.filter((r) => r.id === request.id).at(-1);
  };
  return { replies, handle, ask };
}

describe('readAllRecords', () => {
  it('reads every record once, page by page, telling how many are read of how many', async () => {
    const course = center();
    const records = [...course('P-001', 3), ...course('P-002', 2)];
    const db = await tabletWith(records);
    const progress: [number, number][] = [];
    const read = await readAllRecords(db, (n, total) => progress.push([n, total]), 7);
    expect(read.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(new Set(read.map((r) => r.id)).size).toBe(records.length);
    const total = records.length;
    const pages = Math.floor(total / 7) + 1;
    expect(progress).toHaveLength(pages);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([n]) => n)).toEqual(
      Array.from({ length: pages }, (_, i) => Math.min(total, 7 * (i + 1))),
    );
  });
});

describe('createSnapshotHandler', () => {
  it('makes files only from a snapshot read before, and says so otherwise', async () => {
    const { ask } = handlerOn(await tabletWith(center()('P-001', 2)));
    const early = await ask({ type: 'csv', id: 1, asOf: AS_OF, population: 'real' });
    expect(early).toEqual({
      type: 'failed',
      id: 1,
      message: 'The records have not been read yet.',
    });
  });

  it('gives the same CSV files as made from every record, and keeps its snapshot until read again', async () => {
    const course = center();
    const first = [...course('P-001', 3), ...course('P-002', 2)];
    const db = await tabletWith(first);
    const { ask, replies } = handlerOn(db);
    expect(await ask({ type: 'read', id: 1 })).toEqual({
      type: 'done',
      id: 1,
      value: first.length,
    });
    expect(replies.filter((r) => r.type === 'progress' && r.id === 1).length).toBeGreaterThan(0);
    const csv = await ask({ type: 'csv', id: 2, asOf: AS_OF, population: 'real' });
    expect(csv).toEqual({ type: 'done', id: 2, value: csvFiles(first, AS_OF, 'real') });

    const later = course('P-003', 1);
    expect((await appendRecords(db, later)).ok).toBe(true);
    const still = await ask({ type: 'csv', id: 3, asOf: AS_OF, population: 'real' });
    expect(still).toEqual({ type: 'done', id: 3, value: csvFiles(first, AS_OF, 'real') });

    await ask({ type: 'read', id: 4 });
    const all = [...first, ...later];
    const again = await ask({ type: 'csv', id: 5, asOf: AS_OF, population: 'real' });
    expect(again?.type === 'done' && again.value).toEqual(csvFiles(all, AS_OF, 'real'));
  });

  it('answers requests in the order given, a file after the read before it', async () => {
    const records = center()('P-001', 2);
    const { handle, replies } = handlerOn(await tabletWith(records));
    // Not awaited one by one: the CSV must still wait for the read.
    await Promise.all([
      handle({ type: 'read', id: 1 }),
      handle({ type: 'csv', id: 2, asOf: AS_OF, population: 'real' }),
      handle({
        type: 'patient-fhir',
        id: 3,
        generatedAt: AS_OF,
        patientId: records[0]!.patientId!,
      }),
    ]);
    const finals = replies.filter((r) => r.type !== 'progress');
    expect(finals.map((r) => [r.id, r.type])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'done'],
    ]);
  });
});
