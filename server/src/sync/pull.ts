/**
 * Pull: records after a cursor, in server_seq order. Safe to page through while pushes run
 * because writers commit in seq order (db/write-lock.ts). Reads take no lock.
 */
import type { PulledRecord } from '../../../src/sync/wire.ts';
import type { CenterDb } from '../db/types.ts';

export type PullPage = {
  readonly records: PulledRecord[];
  readonly cursor: number;
  readonly hasMore: boolean;
};

export async function pullRecords(db: CenterDb, cursor: number, limit: number): Promise<PullPage> {
  const rows = await db.reader
    .selectFrom('records')
    .select(['server_seq', 'received_at', 'body'])
    .where('server_seq', '>', cursor)
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    records: page.map((row) => ({
      serverSeq: row.server_seq,
      receivedAt: row.received_at,
      // Stored as canonical JSON of an object that passed validation.
      record: JSON.parse(row.body) as Record<string, unknown>,
    })),
    cursor: last === undefined ? cursor : last.server_seq,
    hasMore: rows.length > limit,
  };
}
