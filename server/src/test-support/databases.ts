/**
 * Databases for server tests: a fresh SQLite file per suite always; a fresh PostgreSQL schema
 * per suite when TEST_DATABASE_URL is set (server/scripts/start-test-postgres.sh prints one).
 * PostgreSQL schemas are dropped by tests/support/postgres-global-setup.ts after the run, never
 * during it (a concurrent drop breaks another worker's migration introspection).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { openPostgres, openSqlite } from '../db/open.ts';
import type { CenterDb, DialectName } from '../db/types.ts';

export type TestDatabase = { readonly db: CenterDb; readonly dispose: () => Promise<void> };
export type TestDialect = { readonly name: DialectName; open(): Promise<TestDatabase> };

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

const sqliteDialect: TestDialect = {
  name: 'sqlite',
  open() {
    const dir = mkdtempSync(join(tmpdir(), 'kit-center-test-'));
    const db = openSqlite(join(dir, 'center.sqlite'));
    return Promise.resolve({
      db,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

function postgresDialect(url: string): TestDialect {
  return {
    name: 'postgres',
    async open() {
      const schema = `${inject('postgresSchemaPrefix')}${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      // A small pool: many workers each holding ten would exhaust max_connections (100).
      const db = openPostgres(url, { schema, maxConnections: 4 });
      return { db, dispose: () => db.close() };
    },
  };
}

/** SQLite always; PostgreSQL only when TEST_DATABASE_URL is set. Use with describe.each. */
export const TEST_DIALECTS: readonly TestDialect[] =
  TEST_DATABASE_URL === undefined
    ? [sqliteDialect]
    : [sqliteDialect, postgresDialect(TEST_DATABASE_URL)];

/** A visible "skipped" entry in the report when PostgreSQL is not configured, instead of silence. */
export function noticePostgresSkipped(suite: string): void {
  if (TEST_DATABASE_URL !== undefined) return;
  describe.skip(`${suite} on postgres: skipped because TEST_DATABASE_URL is not set (run server/scripts/start-test-postgres.sh)`, () => {
    it('runs the same tests against PostgreSQL', () => undefined);
  });
}
