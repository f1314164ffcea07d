/**
 * Center databases for the server benchmarks: a fresh SQLite file (the default), or a fresh
 * schema in the PostgreSQL of TEST_DATABASE_URL. Opened with the server's own `openSqlite` /
 * `openPostgres` and migrations, so pragmas, indexes and triggers are the production ones.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { openPostgres, openSqlite } from '../../server/src/db/open.ts';
import type { CenterDb, DialectName, RecordsTable } from '../../server/src/db/types.ts';
import { contentHash } from '../../server/src/sync/canonical.ts';
import { recordRow } from '../../server/src/sync/store-record.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';

/** Where a database lives, in a form a child process can open again. */
export type DbLocation =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly schema: string };

export type BenchDb = {
  readonly location: DbLocation;
  /** Opens a connection (the caller closes it). */
  open(): CenterDb;
  /** Deletes the file / drops the schema. */
  dispose(): Promise<void>;
};

export async function createBenchDb(dialect: DialectName): Promise<BenchDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kit-bench-'));
    const file = join(dir, 'center.sqlite');
    const location: DbLocation = { dialect, file };
    const bench: BenchDb = {
      location,
      open: () => openDb(location),
      dispose: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
    await migrateAndClose(bench);
    return bench;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('PostgreSQL benchmarks need TEST_DATABASE_URL');
  const schema = `kit_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const location: DbLocation = { dialect, url, schema };
  const bench: BenchDb = {
    location,
    open: () => openDb(location),
    dispose: () => adminQuery(url, `DROP SCHEMA ${schema} CASCADE`),
  };
  await migrateAndClose(bench);
  return bench;
}

export function openDb(location: DbLocation): CenterDb {
  return location.dialect === 'sqlite'
    ? openSqlite(location.file)
    : openPostgres(location.url, { schema: location.schema });
}

async function migrateAndClose(bench: BenchDb): Promise<void> {
  const db = bench.open();
  await migrateToLatest(db);
  await db.close();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export type RecordRow = Omit<RecordsTable, 'server_seq'>;

/** The row the server would store for `record` (push.ts + store-record.ts), canonical body and hash. */
export function toRow(record: ClinicalRecord, receivedAt: string): RecordRow {
  return recordRow({ record, ...contentHash(record) }, receivedAt);
}

/** Inserts rows with Kysely, `perTransaction` rows per transaction (one multi-row INSERT each). */
export async function insertRows(
  db: CenterDb,
  rows: readonly RecordRow[],
  perTransaction: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perTransaction) {
    const chunk = rows.slice(i, i + perTransaction);
    await db.kysely.transaction().execute(async (trx) => {
      // 11 columns per row: stay under SQLite's 32,766 bound parameters per statement.
      for (let j = 0; j < chunk.length; j += 2000) {
        await trx
          .insertInto('records')
          .values(chunk.slice(j, j + 2000))
          .execute();
      }
    });
  }
}
