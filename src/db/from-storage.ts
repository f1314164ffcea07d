/**
 * Reading stored record rows: the one place where an older stored schema version is upgraded
 * (domain/records/migrations.ts). Shared by the repositories and the patient index.
 */
import { parseClinicalRecord, RECORD_KIND_INFO, type ClinicalRecord } from '../domain/records.ts';
import { StorageError } from './errors.ts';

/**
 * Stored rows as current records: a row of an older schema version is upgraded on read
 * (migrations.ts); one that cannot be read is a StorageError naming it, never dropped.
 */
export function fromStorage(rows: readonly ClinicalRecord[]): ClinicalRecord[] {
  return rows.map((row) => {
    if (RECORD_KIND_INFO[row.kind]?.schemaVersion === row.schemaVersion) return row;
    const parsed = parseClinicalRecord(row);
    if (parsed.ok) return parsed.value;
    throw new StorageError(
      'unknown',
      parsed.error,
      `${parsed.error.message} This app cannot read it; update the app.`,
    );
  });
}
