// @vitest-environment node
/**
 * `npm run seed-demo` end to end: the script (scripts/seed-demo.ts) loads the demo center into
 * the SQLite file under DATA_DIR, exactly where `npm start` reads it, and refuses a database
 * that already holds real patients unless --force is given.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEFAULT_SQLITE_FILE, openSqlite } from '../db/open.ts';
import { realPatientCount, seedRecords } from './seed.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runSeed(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
}

async function recordCount(dataDir: string): Promise<number> {
  const db = openSqlite(join(dataDir, DEFAULT_SQLITE_FILE));
  try {
    const row = await db.kysely
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

describe('npm run seed-demo', () => {
  it('says what it does', () => {
    const help = runSeed(tmpdir(), '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/synthetic demo center/);
    expect(help.stdout).toMatch(/DATA_DIR\/center\.sqlite/);
    expect(help.stdout).toMatch(/--ndjson FILE/);
  });

  it('loads the demo into DATA_DIR/center.sqlite', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kit-seed-'));
    dirs.push(dataDir);
    const run = runSeed(dataDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/29348 new, 0 already there, 0 conflicts, 0 invalid/);
    expect(run.stdout).toMatch(/Fisher's exact p = 0\.280/);
    expect(await recordCount(dataDir)).toBe(29348);
  }, 120_000);

  it('refuses a database with real patients unless --force', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kit-seed-real-'));
    dirs.push(dataDir);
    const db = openSqlite(join(dataDir, DEFAULT_SQLITE_FILE));
    await migrateToLatest(db);
    const f = createRecordFactory({ seed: 5, startAt: '2025-01-01T08:00:00.000Z' });
    await seedRecords(db, [f.patient({ centerPatientNumber: 'P-1', isSynthetic: false })], {
      now: new Date('2025-01-02T00:00:00.000Z'),
      actor: 'test',
    });
    expect(await realPatientCount(db)).toBe(1);
    await db.close();

    const run = runSeed(dataDir, '--patients', '3', '--years', '1');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /holds 1 real \(non-synthetic\) patients, so the demo was NOT loaded/,
    );
    expect(await recordCount(dataDir)).toBe(1);
  }, 120_000);
});
