import { Migrator } from 'kysely/migration';
import { centerMigrationProvider } from './migrations.ts';
import type { CenterDb } from './types.ts';

/**
 * Applies every pending migration, in name order, at start. Throws (and the server does not
 * start) if one fails: serving on a half-migrated schema could store records wrongly.
 */
export async function migrateToLatest(db: CenterDb): Promise<readonly string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: centerMigrationProvider(db.dialect),
    ...(db.schema === undefined ? {} : { migrationTableSchema: db.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
