/**
 * Kysely table types of the center database. The same tables exist in SQLite and PostgreSQL;
 * columns use types both read back identically (text ISO instants, 0/1 integers, text JSON),
 * so no code path depends on the dialect except the migrations and the write lock.
 */
import type { Generated, Kysely } from 'kysely';

export type RecordsTable = {
  /** Assigned by the database in commit order (write-lock.ts); the pull cursor. */
  server_seq: Generated<number>;
  id: string;
  kind: string;
  patient_id: string | null;
  session_id: string | null;
  author_staff_id: string;
  device_id: string;
  clinical_time: string;
  device_time: string;
  received_at: string;
  /** SHA-256 hex of the canonical JSON of the record: equal hash = same record (duplicate). */
  content_hash: string;
  /**
   * The canonical JSON text of the record. Text, not jsonb: jsonb reorders keys and drops
   * duplicates, and tablets must get back byte-for-byte what was hashed.
   */
  body: string;
};

export type DevicesTable = {
  id: string;
  name: string;
  /** SHA-256 hex of the bearer token; the token itself is never stored. */
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
};

export type EnrollmentCodesTable = {
  /** SHA-256 hex of the normalized code. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device_id: string | null;
  created_by: string;
};

export type StaffTable = {
  staff_id: string;
  display_name: string;
  role: string;
  /** 0/1 rather than boolean: better-sqlite3 cannot bind booleans, PostgreSQL reads both alike. */
  active: number;
  created_at: string;
  updated_at: string;
  /** When `active` last went to 0; records whose clinical time is before it are still accepted. */
  deactivated_at: string | null;
  /**
   * The staff-member record this row was projected from (staff-projection.ts): the row is
   * never written any other way. Null only for a row older than migration 0004, until the
   * server's start-up backfill gives it a record.
   */
  source_record_id: string | null;
  /** That record's clinical time: a staff-member record older than this does not change the row. */
  source_clinical_time: string | null;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  /** `admin`, `device:<id>` or `system`. Never a patient number. */
  actor: string;
  action: string;
  subject: string;
  /** JSON text with ids and hashes only, never record bodies. */
  detail: string;
};

export type ServerSettingsTable = {
  key: string;
  value: string;
};

export type CenterDatabase = {
  records: RecordsTable;
  devices: DevicesTable;
  enrollment_codes: EnrollmentCodesTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  server_settings: ServerSettingsTable;
};

export type DialectName = 'sqlite' | 'postgres';

/** An open center database: the query layer plus which dialect is under it. */
export type CenterDb = {
  readonly kysely: Kysely<CenterDatabase>;
  /**
   * For reads outside a write transaction (pulls, token lookups). SQLite: a second, read-only
   * connection, so a pull does not wait behind an open push transaction on the one writer
   * connection (WAL lets it read the last committed state meanwhile). PostgreSQL: the same pool.
   */
  readonly reader: Kysely<CenterDatabase>;
  readonly dialect: DialectName;
  /**
   * PostgreSQL schema holding the tables ('public' unless one was given). The migrator needs it:
   * without it, Kysely takes a migration table in any other schema of the database for its own.
   */
  readonly schema?: string;
  /** Human description for the start banner and health checks (never a password). */
  readonly location: string;
  close(): Promise<void>;
};
