/**
 * The admin secret that protects /api/admin/*. Either ADMIN_TOKEN from the environment, or one
 * generated at the first start, printed once, and kept only as a SHA-256 in server_settings.
 */
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { CenterDatabase } from '../db/types.ts';
import { generateAdminToken, sha256Hex } from './tokens.ts';

const SETTING_KEY = 'admin_token_sha256';
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export type AdminTokenResolution =
  | { readonly source: 'env'; readonly hash: string }
  | { readonly source: 'stored'; readonly hash: string }
  /** Only here is the plain token known: show it once, it cannot be recovered. */
  | { readonly source: 'generated'; readonly hash: string; readonly token: string };

export async function resolveAdminToken(
  db: Kysely<CenterDatabase>,
  options: { readonly envToken: string | undefined; readonly now: Date },
): Promise<AdminTokenResolution> {
  if (options.envToken !== undefined && options.envToken !== '') {
    if (options.envToken.length < MIN_ADMIN_TOKEN_LENGTH) {
      throw new Error(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
    }
    return { source: 'env', hash: sha256Hex(options.envToken) };
  }
  const stored = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', SETTING_KEY)
    .executeTakeFirst();
  if (stored !== undefined) return { source: 'stored', hash: stored.value };
  const token = generateAdminToken();
  const hash = sha256Hex(token);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('server_settings').values({ key: SETTING_KEY, value: hash }).execute();
    await writeAudit(trx, {
      at: options.now,
      actor: 'system',
      action: 'admin-token-generated',
      subject: 'admin',
    });
  });
  return { source: 'generated', hash, token };
}
