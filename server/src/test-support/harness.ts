/**
 * A running test server over one dialect: admin token, an enrolled tablet, staff, and helpers
 * that go through HTTP (app.inject) like a tablet would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../app.ts';
import type { BuildServerOptions } from '../app.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { TestDialect } from './databases.ts';
import type { CenterDb } from '../db/types.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const T0 = new Date('2026-11-25T10:45:00.000Z');

export type FakeClock = {
  now: Date;
  readonly advance: (ms: number) => void;
  readonly read: () => Date;
};

export function fakeClock(start = T0): FakeClock {
  const clock: FakeClock = {
    now: start,
    advance: (ms) => {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    read: () => clock.now,
  };
  return clock;
}

export type Tablet = {
  readonly deviceId: string;
  readonly token: string;
  readonly auth: { authorization: string };
};

export type TestServer = {
  readonly app: FastifyInstance;
  readonly db: CenterDb;
  readonly clock: FakeClock;
  readonly admin: { authorization: string };
  enroll(name?: string): Promise<Tablet>;
  addStaff(
    staffId: string,
    role: 'nurse' | 'anesthesiologist' | 'admin',
    active?: boolean,
  ): Promise<void>;
  push(tablet: Tablet, records: readonly unknown[]): Promise<LightMyRequestResponse>;
  pull(tablet: Tablet, cursor: number, limit?: number): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

export async function startTestServer(
  dialect: TestDialect,
  overrides: Partial<Omit<BuildServerOptions, 'db' | 'adminTokenHash'>> = {},
): Promise<TestServer> {
  const { db, dispose } = await dialect.open();
  const clock = fakeClock();
  const app = await buildServer({
    db,
    adminTokenHash: sha256Hex(ADMIN_TOKEN),
    clock: clock.read,
    rateLimit: false,
    ...overrides,
  });
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const server: TestServer = {
    app,
    db,
    clock,
    admin,
    async enroll(name = 'Chair 1 tablet') {
      const code = await app.inject({
        method: 'POST',
        url: '/api/admin/enrollment-codes',
        headers: admin,
        payload: {},
      });
      if (code.statusCode !== 201)
        throw new Error(`enrollment code: ${code.statusCode} ${code.body}`);
      const enrolled = await app.inject({
        method: 'POST',
        url: '/api/devices/enroll',
        payload: { code: code.json<{ code: string }>().code, deviceName: name },
      });
      if (enrolled.statusCode !== 201)
        throw new Error(`enroll: ${enrolled.statusCode} ${enrolled.body}`);
      const { deviceId, token } = enrolled.json<{ deviceId: string; token: string }>();
      return { deviceId, token, auth: { authorization: `Bearer ${token}` } };
    },
    async addStaff(staffId, role, active = true) {
      const saved = await app.inject({
        method: 'POST',
        url: '/api/admin/staff',
        headers: admin,
        payload: { staffId, displayName: `Staff ${staffId}`, role, active },
      });
      if (saved.statusCode >= 300) throw new Error(`staff: ${saved.statusCode} ${saved.body}`);
    },
    push(tablet, records) {
      return app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: tablet.auth,
        payload: { protocolVersion: 1, deviceId: tablet.deviceId, records },
      });
    },
    pull(tablet, cursor, limit) {
      const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
      return app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: tablet.auth });
    },
    async close() {
      await app.close();
      await dispose();
    },
  };
  return server;
}

/** Highest server_seq stored (0 when none): pull from here to see only what a test pushed. */
export async function latestSeq(server: TestServer): Promise<number> {
  const row = await server.db.kysely
    .selectFrom('records')
    .select((eb) => eb.fn.max('server_seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * The staff the domain's record factory uses: nurse-1 (author), nurse-2 (double check),
 * dr-anesth. Staff are staff-member records (the admin API stores one per person), so they are
 * in every pull; returns the server_seq after them, the cursor at which a test's own records start.
 */
export async function withStaff(server: TestServer): Promise<number> {
  await server.addStaff('nurse-1', 'nurse');
  await server.addStaff('nurse-2', 'nurse');
  await server.addStaff('dr-anesth', 'anesthesiologist');
  return latestSeq(server);
}
