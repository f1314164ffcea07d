/**
 * The INSERT into `records`, shared by push, the demo import and the admin API (which creates
 * staff-member records). Call it only inside a serialized write transaction (db/write-lock.ts):
 * that is what makes server_seq order commit order.
 *
 * Records are written as multi-row INSERTs (one statement per up to 100 records): a row-by-row
 * INSERT ... RETURNING cost about 40 µs of statement preparation and a round trip per record,
 * more than half of a 100-record push (bench/server/push.ts). The statement's SQL text is
 * compiled once per row count (db/query-shapes.ts).
 */
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import { shapedQuery } from '../db/query-shapes.ts';
import type { RecordsTable } from '../db/types.ts';
import type { WriteTransaction } from '../db/write-lock.ts';

/** A record as stored: the parsed record plus its canonical JSON text and content hash. */
export type StorableRecord = {
  readonly record: ClinicalRecord;
  readonly canonical: string;
  readonly hash: string;
};

/**
 * Rows per INSERT statement: 11 parameters per row, well under SQLite's 32,766 and
 * PostgreSQL's 65,535 bound parameters.
 */
const ROWS_PER_STATEMENT = 500;

type RecordRow = Omit<RecordsTable, 'server_seq'>;

/** The `records` row of a record: its indexed fields, canonical body and hash. */
export function recordRow(
  { record, canonical, hash }: StorableRecord,
  receivedAt: string,
): RecordRow {
  return {
    id: record.id,
    kind: record.kind,
    patient_id: record.patientId,
    session_id: record.sessionId,
    author_staff_id: record.authorStaffId,
    device_id: record.deviceId,
    clinical_time: record.clinicalTime,
    device_time: record.deviceTime,
    received_at: receivedAt,
    content_hash: hash,
    body: canonical,
  };
}

/** The columns of an inserted row, in parameter order. */
const ROW_COLUMNS = [
  'id',
  'kind',
  'patient_id',
  'session_id',
  'author_staff_id',
  'device_id',
  'clinical_time',
  'device_time',
  'received_at',
  'content_hash',
  'body',
] as const satisfies readonly (keyof RecordRow)[];

/** A column added to `records` but not to ROW_COLUMNS is a compile error here, naming it. */
type UnlistedColumn = Exclude<keyof RecordRow, (typeof ROW_COLUMNS)[number]>;
const everyColumnListed: [UnlistedColumn] extends [never] ? true : UnlistedColumn = true;
void everyColumnListed;

/** INSERT of `rows` ... RETURNING id, server_seq, built once per row count. */
function insertQuery(trx: WriteTransaction, rows: readonly RecordRow[]) {
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of ROW_COLUMNS) parameters.push(row[column]);
  return shapedQuery<{ id: string; server_seq: number }>(
    trx,
    `records.insert.${rows.length}`,
    parameters,
    (slot) =>
      trx
        .insertInto('records')
        .values(
          rows.map((_, r) => {
            const values: Record<string, string> = {};
            ROW_COLUMNS.forEach((column, c) => (values[column] = slot(r * ROW_COLUMNS.length + c)));
            return values as RecordRow;
          }),
        )
        .returning(['id', 'server_seq']),
  );
}

/**
 * Inserts `records` (ids distinct, none stored yet) in the given order and returns their
 * server_seq in the same order. Rows of one statement get ascending seqs in VALUES order in
 * both databases, but the answer is mapped back by id so nothing depends on RETURNING order.
 */
export async function insertRecords(
  trx: WriteTransaction,
  records: readonly StorableRecord[],
  receivedAt: string,
): Promise<number[]> {
  const seqById = new Map<string, number>();
  for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
    const rows = records
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((item) => recordRow(item, receivedAt));
    const { rows: inserted } = await trx.executeQuery(insertQuery(trx, rows));
    for (const row of inserted) seqById.set(row.id, row.server_seq);
  }
  return records.map(({ record }) => {
    const seq = seqById.get(record.id);
    if (seq === undefined) throw new Error(`record ${record.id} was not inserted`);
    return seq;
  });
}

/** One record: `insertRecords` of one. */
export async function insertRecord(
  trx: WriteTransaction,
  record: ClinicalRecord,
  stored: { readonly canonical: string; readonly hash: string; readonly receivedAt: string },
): Promise<number> {
  const [seq] = await insertRecords(trx, [{ record, ...stored }], stored.receivedAt);
  if (seq === undefined) throw new Error(`record ${record.id} was not inserted`);
  return seq;
}

/**
 * Records accepted one by one, inserted together on `flush` in the order they were added.
 * Callers flush before judging a record whose id is already queued (the same id twice in one
 * batch) and right after queueing a staff-member record, whose projection must be applied
 * before later records are judged.
 */
export function createInsertQueue<T extends StorableRecord>(
  trx: WriteTransaction,
  receivedAt: string,
) {
  const queued = new Map<string, T>();
  return {
    has: (id: string) => queued.has(id),
    add: (item: T) => void queued.set(item.record.id, item),
    /** Inserts what is queued; each item with its server_seq, in queued order. */
    async flush(): Promise<(readonly [T, number])[]> {
      if (queued.size === 0) return [];
      const items = [...queued.values()];
      queued.clear();
      const seqs = await insertRecords(trx, items, receivedAt);
      return items.map((item, i) => [item, seqs[i] as number] as const);
    },
  };
}
