/**
 * Schema migrations, in order, compiled into the server (a static provider: no folder to ship
 * beside it, and the tests migrate exactly as production does). Never edit a migration that has
 * shipped; add the next one.
 *
 * The only dialect differences are the sequence column and the append-only triggers.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { DialectName } from './types.ts';

const APPEND_ONLY_MESSAGE = 'is append-only: write a correcting record instead';

/** Refuses UPDATE and DELETE (and TRUNCATE in PostgreSQL) on a table, whoever the caller is. */
async function makeAppendOnly(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
           BEGIN SELECT RAISE(ABORT, '${table} ${APPEND_ONLY_MESSAGE}'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`,
    )
    .execute(db);
}

function buildMigrations(dialect: DialectName): Record<string, Migration> {
  const seqType = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    '0001_records': {
      async up(db) {
        if (dialect === 'postgres') {
          await sql
            .raw(
              `CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 RAISE EXCEPTION '% ${APPEND_ONLY_MESSAGE}', TG_TABLE_NAME;
               END $$`,
            )
            .execute(db);
        }
        await db.schema
          .createTable('records')
          // SQLite AUTOINCREMENT never reuses a number; PostgreSQL identity is a bigserial that
          // nobody can set by hand. Neither is gap-free on rollback, which is harmless: readers
          // need commit order, not consecutive numbers (write-lock.ts).
          .addColumn('server_seq', seqType, (c) =>
            dialect === 'sqlite'
              ? c.primaryKey().autoIncrement()
              : c.primaryKey().generatedAlwaysAsIdentity(),
          )
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('patient_id', 'text')
          .addColumn('session_id', 'text')
          .addColumn('author_staff_id', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('clinical_time', 'text', (c) => c.notNull())
          .addColumn('device_time', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('records_patient_id')
          .on('records')
          .column('patient_id')
          .execute();
        await db.schema
          .createIndex('records_session_id')
          .on('records')
          .column('session_id')
          .execute();
        await makeAppendOnly(db, dialect, 'records');
      },
    },
    '0002_devices_staff': {
      async up(db) {
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('enrolled_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('enrollment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('used_by_device_id', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute();
        // No PIN here on purpose: PINs are checked on the tablet and never leave it.
        await db.schema
          .createTable('staff')
          .addColumn('staff_id', 'text', (c) => c.primaryKey())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) =>
            c.notNull().check(sql`role in ('nurse', 'anesthesiologist', 'admin')`),
          )
          .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('deactivated_at', 'text')
          .execute();
        await db.schema
          .createTable('server_settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0003_audit_log': {
      async up(db) {
        await db.schema
          .createTable('audit_log')
          .addColumn('id', seqType, (c) =>
            dialect === 'sqlite'
              ? c.primaryKey().autoIncrement()
              : c.primaryKey().generatedAlwaysAsIdentity(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await makeAppendOnly(db, dialect, 'audit_log');
      },
    },
    // Staff become a projection of `staff-member` records (staff-projection.ts): each row
    // remembers the record it came from, so a late-arriving older record cannot overwrite it.
    // SQLite adds one column per ALTER TABLE.
    '0004_staff_from_records': {
      async up(db) {
        await db.schema.alterTable('staff').addColumn('source_record_id', 'text').execute();
        await db.schema.alterTable('staff').addColumn('source_clinical_time', 'text').execute();
      },
    },
  };
}

/** Static provider: the migrations above, for the given dialect. */
export function centerMigrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: () => Promise.resolve(buildMigrations(dialect)) };
}
