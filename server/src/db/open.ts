/**
 * Opens the center database: embedded SQLite (better-sqlite3) by default, PostgreSQL when a
 * connection URL is given. Both behind the same Kysely<CenterDatabase>.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { CenterDatabase, CenterDb } from './types.ts';

export const DEFAULT_SQLITE_FILE = 'center.sqlite';

/** Distinct SQL texts kept prepared per connection (IN lists and multi-row INSERTs vary in length). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * better-sqlite3 with its prepared statements kept per SQL text. Kysely's SQLite driver calls
 * prepare() for every query, and preparing cost more than running the small queries of a sync
 * request (bench/server/push.ts). A statement still being iterated (a streamed export) is
 * `busy`: then a fresh one is prepared. SQLite re-prepares a kept statement by itself after a
 * schema change (a migration).
 */
export function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        if (!cached.busy) {
          // Most recently used last, so the oldest is evicted first.
          cache.delete(sql);
          cache.set(sql, cached);
          return cached;
        }
        return database.prepare(sql);
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating it and its folder on first start) the SQLite file. WAL lets pulls read while
 * a push writes; `synchronous = FULL` because a tablet deletes nothing but marks a record synced
 * on our answer, so an acknowledged commit must survive a power cut (NORMAL may roll back the
 * last commits in WAL mode).
 */
export function openSqlite(file: string): CenterDb {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<CenterDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  const reader =
    path === ':memory:'
      ? kysely
      : new Kysely<CenterDatabase>({
          // Opened on first use, after the writer has created the file and its WAL.
          dialect: new SqliteDialect({
            database: () => {
              const connection = new Database(path, { readonly: true, fileMustExist: true });
              connection.pragma('busy_timeout = 5000');
              return Promise.resolve(withStatementCache(connection));
            },
          }),
        });
  return {
    kysely,
    reader,
    dialect: 'sqlite',
    location: path,
    close: async () => {
      if (reader !== kysely) await reader.destroy();
      await kysely.destroy();
    },
  };
}

export type PostgresOptions = {
  /** Schema to use instead of `public` (tests use one schema per suite). */
  readonly schema?: string;
  readonly maxConnections?: number;
};

const INT8_OID = 20;

/**
 * Opens a PostgreSQL pool. int8 (server_seq, count(*)) is parsed to a JS number instead of pg's
 * default string: sequence numbers stay far below 2^53, and both dialects then return the same
 * types. The parser is set on this pool only, not globally on the pg module.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): CenterDb {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error('schema must be a plain lower-case identifier');
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  const kysely = new Kysely<CenterDatabase>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    reader: kysely,
    dialect: 'postgres',
    schema: options.schema ?? 'public',
    location: describePostgresUrl(url),
    close: () => kysely.destroy(),
  };
}

/** `postgres://user@host:port/db` without the password, for logs and the start banner. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

export type OpenOptions = {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
};

/** PostgreSQL when `databaseUrl` is set, else `<dataDir>/center.sqlite`. */
export function openDatabase(options: OpenOptions): CenterDb {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(resolve(options.dataDir, DEFAULT_SQLITE_FILE));
}
