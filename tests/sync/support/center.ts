/**
 * The real center server (buildServer on embedded SQLite in a temp folder), listening on a
 * loopback port, for the sync fault tests. `stop`/`start`/`restart` close and rebuild the
 * server on the same data folder, like a process restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/src/app.ts';
import { sha256Hex } from '../../../server/src/auth/tokens.ts';
import { openSqlite } from '../../../server/src/db/open.ts';
import type { CenterDb } from '../../../server/src/db/types.ts';

const ADMIN_TOKEN = 'sync-fault-admin-token-0123456789';

export type Center = {
  readonly baseUrl: string;
  readonly isRunning: () => boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** A one-time enrollment code, as an admin would create it. */
  enrollmentCode(): Promise<string>;
  addStaff(staffId: string, role: 'nurse' | 'anesthesiologist' | 'admin'): Promise<void>;
  /** Every stored record id, in server order (read straight from the database). */
  recordIds(): Promise<string[]>;
  /** Every stored record body, in server order. */
  records(): Promise<Record<string, unknown>[]>;
  /** The stored body of one record, parsed. */
  recordBody(id: string): Promise<Record<string, unknown> | undefined>;
  /** Stops the server and deletes its data folder. */
  dispose(): Promise<void>;
};

export async function startCenter(): Promise<Center> {
  const dir = mkdtempSync(join(tmpdir(), 'kit-sync-fault-'));
  const file = join(dir, 'center.sqlite');
  let db: CenterDb | null = null;
  let app: FastifyInstance | null = null;
  let port = 0;

  async function start(): Promise<void> {
    if (app !== null) return;
    db = openSqlite(file);
    app = await buildServer({ db, adminTokenHash: sha256Hex(ADMIN_TOKEN), rateLimit: false });
    await app.listen({ host: '127.0.0.1', port });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    port = address.port;
  }
  async function stop(): Promise<void> {
    const [closing, closingDb] = [app, db];
    app = null;
    db = null;
    await closing?.close();
    await closingDb?.close();
  }
  await start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

  const database = (): CenterDb => {
    if (db === null) throw new Error('the center is stopped');
    return db;
  };

  return {
    baseUrl,
    isRunning: () => app !== null,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    async enrollmentCode() {
      const response = await fetch(`${baseUrl}/api/admin/enrollment-codes`, {
        method: 'POST',
        headers: admin,
        body: '{}',
      });
      if (response.status !== 201) throw new Error(`enrollment code: ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    async addStaff(staffId, role) {
      const response = await fetch(`${baseUrl}/api/admin/staff`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ staffId, displayName: `Staff ${staffId}`, role }),
      });
      if (response.status >= 300)
        throw new Error(`staff: ${response.status} ${await response.text()}`);
    },
    async recordIds() {
      const rows = await database()
        .kysely.selectFrom('records')
        .select(['id'])
        .orderBy('server_seq')
        .execute();
      return rows.map((r) => r.id);
    },
    async records() {
      const rows = await database()
        .kysely.selectFrom('records')
        .select(['body'])
        .orderBy('server_seq')
        .execute();
      return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    },
    async recordBody(id) {
      const row = await database()
        .kysely.selectFrom('records')
        .select(['body'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.body) as Record<string, unknown>);
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
