/**
 * Upgrading stored records to the current schema version of their kind. Records are never
 * rewritten in storage (append-only): an old record is upgraded each time it is read, by the
 * chain of migrations declared beside its kind's schema (define.ts), v1 -> v2 -> ... -> current.
 * Only v1 exists today; the mechanism is here, and tested, so that the first schema change
 * has a place to go.
 */
import { fail, ok, type Result } from '../result.ts';
import type { RawRecord, RecordMigrations } from './define.ts';
import { RECORD_KIND_INFO } from './registry.ts';

export type MigrationRegistry = {
  readonly [kind: string]:
    { readonly schemaVersion: number; readonly migrations: RecordMigrations } | undefined;
};

const isObject = (v: unknown): v is RawRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Same as `migrateRecord`, with the registry passed in (tests use a registry with more
 * versions than exist today). Input is never mutated.
 */
export function migrateRecordWith(raw: unknown, registry: MigrationRegistry): Result<unknown> {
  // Anything that is not a recognisable record passes through: the schema names what is wrong.
  if (!isObject(raw) || typeof raw.kind !== 'string') return ok(raw);
  const info = Object.hasOwn(registry, raw.kind) ? registry[raw.kind] : undefined;
  const version = raw.schemaVersion;
  if (
    info === undefined ||
    typeof version !== 'number' ||
    !Number.isSafeInteger(version) ||
    version < 1
  )
    return ok(raw);
  // The current version needs no upgrade (almost every record, and every pushed one).
  if (version === info.schemaVersion) return ok(raw);
  const label = `Record ${typeof raw.id === 'string' ? raw.id : '(no id)'} (${raw.kind})`;
  const labelNl = `Record ${typeof raw.id === 'string' ? raw.id : '(geen id)'} (${raw.kind})`;
  if (version > info.schemaVersion) {
    return fail(
      'implausible',
      'schemaVersion',
      `${label} was written by a newer version of the app (schema ${version}, this app knows ${info.schemaVersion}). Update the app (reload while online), then sync again.`,
      `${labelNl} werd geschreven door een nieuwere versie van de app (schema ${version}, deze app kent ${info.schemaVersion}). Werk de app bij (herlaad terwijl u online bent) en synchroniseer daarna opnieuw.`,
    );
  }
  let current: RawRecord = raw;
  for (let from = version; from < info.schemaVersion; from += 1) {
    const migration = info.migrations[from];
    if (migration === undefined) {
      return fail(
        'implausible',
        'schemaVersion',
        `${label}: no upgrade from schema ${from} to ${from + 1}; report this to the app maintainers.`,
        `${labelNl}: geen upgrade van schema ${from} naar ${from + 1}; meld dit aan de beheerders van de app.`,
      );
    }
    try {
      current = { ...migration(current), schemaVersion: from + 1 };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail(
        'implausible',
        'schemaVersion',
        `${label}: upgrade from schema ${from} failed (${why}); report this to the app maintainers.`,
        `${labelNl}: upgrade van schema ${from} mislukt (${why}); meld dit aan de beheerders van de app.`,
      );
    }
  }
  return ok(current);
}

/**
 * Upgrades a raw stored record (unknown JSON) to the current schema version of its kind.
 * A record newer than this app knows is refused with a message to update the app (never
 * guessed at). The result still has to be validated: see `parseClinicalRecord`.
 */
export function migrateRecord(raw: unknown): Result<unknown> {
  return migrateRecordWith(raw, RECORD_KIND_INFO);
}
