/**
 * The audit log: append-only (database triggers refuse UPDATE and DELETE), ids and hashes only,
 * never record bodies or patient numbers.
 */
import type { Kysely } from 'kysely';
import type { CenterDatabase } from './db/types.ts';

export type AuditEntry = {
  readonly at: Date;
  readonly actor: string;
  readonly action:
    | 'record-conflict'
    | 'enrollment-code-created'
    | 'device-enrolled'
    | 'device-revoked'
    | 'staff-saved'
    | 'admin-token-generated';
  readonly subject: string;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
};

/** Works on the database or inside a transaction (Transaction extends Kysely). */
export async function writeAudit(db: Kysely<CenterDatabase>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
