/**
 * One snapshot of the tablet's records for the Exports screen, and the files made from it.
 * Runs in a Web Worker (snapshot-worker.ts) so the screen answers touches while a 10-year
 * center's 300,000 records are read and turned into files; where there are no workers (the
 * component tests' jsdom) the same handler runs on the page (snapshot-client.ts).
 *
 * The records are read in pages, each its own short read transaction, so a bedside save on
 * the same tablet waits for one page, never for the whole read. A record stored during the
 * read may or may not be in the snapshot, as after a sync pull that is still running; the
 * screen says when the snapshot was read and offers to read again.
 */
import type { KitDatabase } from '../../db/database.ts';
import { readOrThrow } from '../../db/errors.ts';
import { fromStorage } from '../../db/from-storage.ts';
import type { ExportPopulation } from '../../domain/exports/index.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import { centerFhirFile, csvFiles, patientFhirFile } from './export-files.ts';

/** Records per read transaction: ~40 MB per 300,000 records, so ~3 MB and ~100 ms a page. */
export const SNAPSHOT_PAGE = 20_000;

export type SnapshotRequest =
  | { readonly type: 'read'; readonly id: number }
  | {
      readonly type: 'csv';
      readonly id: number;
      readonly asOf: string;
      readonly population: ExportPopulation;
    }
  | {
      readonly type: 'center-fhir';
      readonly id: number;
      readonly generatedAt: string;
      readonly patientIds: readonly string[];
    }
  | {
      readonly type: 'patient-fhir';
      readonly id: number;
      readonly generatedAt: string;
      readonly patientId: string;
    };

export type SnapshotReply =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly read: number;
      readonly total: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/**
 * Every record of `db`, page by page in primary-key order, upgraded as read from storage;
 * `onPage` is told how many are read of about how many.
 */
export async function readAllRecords(
  db: KitDatabase,
  onPage: (read: number, total: number) => void,
  pageSize = SNAPSHOT_PAGE,
): Promise<ClinicalRecord[]> {
  return readOrThrow(async () => {
    const total = await db.records.count();
    const all: ClinicalRecord[] = [];
    let last: string | null = null;
    for (;;) {
      const page: ClinicalRecord[] = await (last === null
        ? db.records.orderBy(':id').limit(pageSize).toArray()
        : db.records.where(':id').above(last).limit(pageSize).toArray());
      for (const record of fromStorage(page)) all.push(record);
      onPage(all.length, Math.max(total, all.length));
      if (page.length < pageSize) return all;
      last = page[page.length - 1]?.id ?? null;
    }
  });
}

/**
 * Answers requests about one snapshot: 'read' (re)reads it; the others make a file from the
 * last one read. Requests run one after the other, in the order given; every request gets
 * exactly one 'done' or 'failed' reply with its id (and 'read' its progress before).
 */
export function createSnapshotHandler(db: KitDatabase, reply: (message: SnapshotReply) => void) {
  let records: readonly ClinicalRecord[] | null = null;
  const snapshot = () => {
    if (records === null) throw new Error('The records have not been read yet.');
    return records;
  };
  const answer = async (request: SnapshotRequest): Promise<unknown> => {
    switch (request.type) {
      case 'read': {
        records = null;
        const read = await readAllRecords(db, (done, total) =>
          reply({ type: 'progress', id: request.id, read: done, total }),
        );
        records = read;
        return read.length;
      }
      case 'csv':
        return csvFiles(snapshot(), request.asOf, request.population);
      case 'center-fhir': {
        const wanted = new Set(request.patientIds);
        const selected = snapshot().filter((r) => r.patientId !== null && wanted.has(r.patientId));
        return centerFhirFile(selected, request.generatedAt);
      }
      case 'patient-fhir':
        return patientFhirFile(snapshot(), request.patientId, request.generatedAt);
    }
  };
  const run = async (request: SnapshotRequest): Promise<void> => {
    try {
      reply({ type: 'done', id: request.id, value: await answer(request) });
    } catch (error) {
      reply({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  let queue: Promise<void> = Promise.resolve();
  return (request: SnapshotRequest): Promise<void> => (queue = queue.then(() => run(request)));
}
