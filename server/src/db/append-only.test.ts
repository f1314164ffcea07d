// @vitest-environment node
/** The database itself refuses to change or remove clinical records and audit entries. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import type { TestDatabase } from '../test-support/databases.ts';
import { migrateToLatest } from './migrate.ts';

describe.each(TEST_DIALECTS)('append-only tables and migrations ($name)', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await dialect.open();
  });
  afterEach(async () => test.dispose());

  const insertRecord = (id: string) =>
    test.db.kysely
      .insertInto('records')
      .values({
        id,
        kind: 'observation',
        patient_id: null,
        session_id: null,
        author_staff_id: 'nurse-1',
        device_id: 'd1',
        clinical_time: '2026-11-25T10:00:00.000Z',
        device_time: '2026-11-25T10:00:00.000Z',
        received_at: '2026-11-25T10:00:01.000Z',
        content_hash: 'h',
        body: '{}',
      })
      .returning('server_seq')
      .executeTakeFirstOrThrow();

  it('applies the migrations in order, once', async () => {
    expect(await migrateToLatest(test.db)).toEqual([
      '0001_records',
      '0002_devices_staff',
      '0003_audit_log',
      '0004_staff_from_records',
    ]);
    expect(await migrateToLatest(test.db)).toEqual([]);
    const tables = (await test.db.kysely.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'devices',
        'enrollment_codes',
        'records',
        'server_settings',
        'staff',
      ]),
    );
  });

  it('refuses UPDATE and DELETE of records, whoever asks', async () => {
    await migrateToLatest(test.db);
    const { server_seq } = await insertRecord('r1');
    expect(server_seq).toBe(1);
    await expect(
      test.db.kysely.updateTable('records').set({ kind: 'note' }).where('id', '=', 'r1').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      test.db.kysely.deleteFrom('records').where('id', '=', 'r1').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from records`.execute(test.db.kysely)).rejects.toThrow(/append-only/);
    const rows = await test.db.kysely.selectFrom('records').select(['id', 'kind']).execute();
    expect(rows).toEqual([{ id: 'r1', kind: 'observation' }]);
    // A second record with the same id is refused too (the unique index).
    await expect(insertRecord('r1')).rejects.toThrow();
    expect((await insertRecord('r2')).server_seq).toBeGreaterThan(1);
  });

  it('refuses UPDATE and DELETE of the audit log', async () => {
    await migrateToLatest(test.db);
    await test.db.kysely
      .insertInto('audit_log')
      .values({ at: 'now', actor: 'system', action: 'x', subject: 's', detail: '{}' })
      .execute();
    await expect(
      test.db.kysely.updateTable('audit_log').set({ actor: 'someone else' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(test.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it.skipIf(dialect.name === 'sqlite')(
    'refuses TRUNCATE of records (PostgreSQL; SQLite has no TRUNCATE)',
    async () => {
      await migrateToLatest(test.db);
      await insertRecord('r1');
      await expect(sql`truncate records`.execute(test.db.kysely)).rejects.toThrow(/append-only/);
    },
  );
});

noticePostgresSkipped('append-only tables and migrations');
