/**
 * What the console says at start, so a newcomer with `npm start` gets a working center without
 * curl: where to open the app and, while no tablet is enrolled, a one-time enrollment code for
 * the first one. The code is like any admin-made code (stored only as its SHA-256, spent on
 * first use, expiring), printed to the console and never written to the log.
 */
import type { Kysely } from 'kysely';
import { createEnrollmentCode } from './auth/devices.ts';
import type { CenterDatabase } from './db/types.ts';

/** Long enough to open a tablet and type it; a later start prints a fresh one if unused. */
export const FIRST_RUN_CODE_TTL_MINUTES = 60;

export type EnrollmentCode = { readonly code: string; readonly expiresAt: string };

/** A fresh one-time code while no device (revoked ones aside) is enrolled; null after. */
export async function firstRunEnrollmentCode(
  db: Kysely<CenterDatabase>,
  now: Date,
): Promise<EnrollmentCode | null> {
  const enrolled = await db
    .selectFrom('devices')
    .select('id')
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (enrolled !== undefined) return null;
  return createEnrollmentCode(db, {
    now,
    ttlMinutes: FIRST_RUN_CODE_TTL_MINUTES,
    createdBy: 'first-run',
  });
}

/** The address a person types in the browser for a listen address. */
export function appAddress(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export type StartupNotice = {
  readonly appUrl: string;
  /** Only when it was just generated: it is shown this once. */
  readonly adminToken: string | null;
  readonly enrollment: EnrollmentCode | null;
};

/** The console block (empty when there is nothing a person must act on). */
export function startupNotice({ appUrl, adminToken, enrollment }: StartupNotice): string {
  const lines: string[] = [];
  if (adminToken !== null) {
    lines.push(
      ' Admin token (shown only this once; only its hash is stored):',
      ` ${adminToken}`,
      ' Use it as "Authorization: Bearer <token>" for /api/admin/*.',
      ' Lost it? Start with ADMIN_TOKEN=<new secret> (see server/README.md).',
    );
  }
  if (enrollment !== null) {
    if (lines.length > 0) lines.push('');
    lines.push(
      ' No tablet is enrolled yet. On the tablet, open',
      `   ${appUrl}/#/sync`,
      ' and enter this one-time enrollment code:',
      `   ${enrollment.code}   (valid until ${enrollment.expiresAt}, one tablet only)`,
      ' More tablets: npx tsx server/src/enrollment-code.ts, or the admin API (server/README.md).',
    );
  }
  if (lines.length === 0) return '';
  const rule = '================================================================';
  return ['', rule, ...lines, rule, ''].join('\n');
}
