// @vitest-environment node
/** Enrollment, device tokens, revocation, admin token, staff administration, through HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enrollResponseSchema,
  errorResponseSchema,
  staffListResponseSchema,
} from '../../../src/sync/wire.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { startTestServer, withStaff } from '../test-support/harness.ts';
import type { TestServer } from '../test-support/harness.ts';
import { makeRecord } from '../test-support/records.ts';
import { sha256Hex } from './tokens.ts';

describe.each(TEST_DIALECTS)('devices, tokens and admin ($name)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect);
    await withStaff(server);
  });
  afterEach(async () => server.close());

  const newCode = async (payload: object = {}) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/admin/enrollment-codes',
      headers: server.admin,
      payload,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ code: string; expiresAt: string }>();
  };
  const enroll = (code: string, deviceName = 'Chair 3') =>
    server.app.inject({
      method: 'POST',
      url: '/api/devices/enroll',
      payload: { code, deviceName },
    });

  it('enrolls a tablet with a one-time code; the token is stored only as its SHA-256', async () => {
    const { code, expiresAt } = await newCode();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(expiresAt).toBe(new Date(server.clock.now.getTime() + 30 * 60_000).toISOString());
    // Typed sloppily on a tablet: lower case, no dashes.
    const response = await enroll(code.toLowerCase().replace(/-/g, ' '));
    expect(response.statusCode).toBe(201);
    const enrolled = enrollResponseSchema.parse(response.json());
    expect(Buffer.from(enrolled.token, 'base64url')).toHaveLength(32);
    const row = await server.db.kysely
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', enrolled.deviceId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256Hex(enrolled.token));
    expect(JSON.stringify(row)).not.toContain(enrolled.token);
    const codes = await server.db.kysely.selectFrom('enrollment_codes').selectAll().execute();
    expect(JSON.stringify(codes)).not.toContain(code);

    const again = await enroll(code);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'enrollment-code-used', field: 'code' } });
  });

  it('refuses an expired or unknown code', async () => {
    const { code } = await newCode({ ttlMinutes: 5 });
    server.clock.advance(5 * 60_000);
    expect((await enroll(code)).json()).toMatchObject({
      error: { code: 'enrollment-code-expired' },
    });
    expect((await enroll('AAAA-BBBB-CCCC')).json()).toMatchObject({
      error: { code: 'enrollment-code-unknown' },
    });
    expect((await enroll(code, '   ')).json()).toMatchObject({ error: { field: 'deviceName' } });
  });

  it('lets only one of two tablets racing with the same code enroll', async () => {
    const { code } = await newCode();
    const answers = await Promise.all([
      enroll(code, 'one'),
      enroll(code, 'two'),
      enroll(code, 'three'),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
  });

  it('needs a valid, unrevoked device token for sync and staff; revocation takes effect at once', async () => {
    const tablet = await server.enroll();
    const pull = (authorization?: string) =>
      server.app.inject({
        method: 'GET',
        url: '/api/sync/pull',
        headers: authorization === undefined ? {} : { authorization },
      });
    expect((await pull()).statusCode).toBe(401);
    expect((await pull()).headers['www-authenticate']).toBe('Bearer');
    expect((await pull('Bearer not-a-real-token-at-all')).statusCode).toBe(401);
    expect((await pull(`Basic ${tablet.token}`)).statusCode).toBe(401);
    expect((await pull(tablet.auth.authorization)).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/staff' })).statusCode).toBe(401);

    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/admin/devices/${tablet.deviceId}/revoke`,
      headers: server.admin,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      deviceId: tablet.deviceId,
      revokedAt: server.clock.now.toISOString(),
    });
    const after = await pull(tablet.auth.authorization);
    expect(after.statusCode).toBe(401);
    expect(errorResponseSchema.parse(after.json()).error.code).toBe('device-revoked');
    const push = await server.push(tablet, [makeRecord(tablet.deviceId)]);
    expect(push.statusCode).toBe(401);

    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/admin/devices/nope/revoke',
      headers: server.admin,
    });
    expect(unknown.statusCode).toBe(404);
    const list = await server.app.inject({
      method: 'GET',
      url: '/api/admin/devices',
      headers: server.admin,
    });
    expect(list.json<{ devices: unknown[] }>().devices).toEqual([
      {
        deviceId: tablet.deviceId,
        name: 'Chair 1 tablet',
        enrolledAt: server.clock.now.toISOString(),
        revokedAt: server.clock.now.toISOString(),
      },
    ]);
  });

  it('protects every admin route with the admin token', async () => {
    const tablet = await server.enroll();
    const routes = [
      { method: 'POST', url: '/api/admin/enrollment-codes' },
      { method: 'GET', url: '/api/admin/devices' },
      { method: 'POST', url: `/api/admin/devices/${tablet.deviceId}/revoke` },
      { method: 'GET', url: '/api/admin/staff' },
      { method: 'POST', url: '/api/admin/staff' },
    ] as const;
    for (const route of routes) {
      for (const authorization of [
        undefined,
        'Bearer wrong-admin-token-123456',
        tablet.auth.authorization,
      ]) {
        const response = await server.app.inject({
          ...route,
          headers: authorization === undefined ? {} : { authorization },
          payload: {},
        });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    }
  });

  it('keeps staff on the server and lists them to enrolled tablets', async () => {
    const tablet = await server.enroll();
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: server.admin,
      payload: { staffId: 'anesth-2', displayName: 'Dr. An Peeters', role: 'anesthesiologist' },
    });
    expect(created.statusCode).toBe(201);
    server.clock.advance(1000);
    const changed = await server.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: server.admin,
      payload: {
        staffId: 'anesth-2',
        displayName: 'Dr. An Peeters',
        role: 'anesthesiologist',
        active: false,
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<{ staff: unknown }>().staff).toMatchObject({
      active: false,
      deactivatedAt: server.clock.now.toISOString(),
    });
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: server.admin,
      payload: { staffId: 'x', displayName: 'X', role: 'surgeon' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'role' } });
    const withPin = await server.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: server.admin,
      payload: { staffId: 'x', displayName: 'X', role: 'nurse', pin: '1234' },
    });
    expect(withPin.json()).toMatchObject({ error: { field: 'pin' } });

    const listed = staffListResponseSchema.parse(
      (await server.app.inject({ method: 'GET', url: '/api/staff', headers: tablet.auth })).json(),
    );
    expect(listed.staff).toEqual([
      {
        staffId: 'anesth-2',
        displayName: 'Dr. An Peeters',
        role: 'anesthesiologist',
        active: false,
      },
      {
        staffId: 'dr-anesth',
        displayName: 'Staff dr-anesth',
        role: 'anesthesiologist',
        active: true,
      },
      { staffId: 'nurse-1', displayName: 'Staff nurse-1', role: 'nurse', active: true },
      { staffId: 'nurse-2', displayName: 'Staff nurse-2', role: 'nurse', active: true },
    ]);
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('action', '=', 'staff-saved')
      .execute();
    expect(audit.filter((a) => a.subject === 'anesth-2')).toHaveLength(2);
  });
});

noticePostgresSkipped('devices, tokens and admin');
