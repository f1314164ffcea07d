// @vitest-environment node
/**
 * A new center from its first start, through HTTP on every configured dialect: the console's
 * one-time code enrolls the first tablet, the tablet keeps the device id it already stamped on
 * its offline records, and the person who registered themself as administrator on it becomes
 * the center's first staff member (once only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../src/sync/wire.ts';
import type { PushRecordResult } from '../../src/sync/wire.ts';
import {
  FIRST_RUN_CODE_TTL_MINUTES,
  appAddress,
  firstRunEnrollmentCode,
  startupNotice,
} from './first-run.ts';
import { sha256Hex, normalizeEnrollmentCode } from './auth/tokens.ts';
import { SERVER_DEVICE_ID } from './staff.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from './test-support/databases.ts';
import { T0, startTestServer } from './test-support/harness.ts';
import type { Tablet, TestServer } from './test-support/harness.ts';
import { tabletFactory } from './test-support/records.ts';

noticePostgresSkipped('first run of a center');

function results(response: { statusCode: number; json(): unknown }): PushRecordResult[] {
  expect(response.statusCode).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

describe.each(TEST_DIALECTS)('first run of a center ($name)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => server.close());

  const enrollWith = (code: string, deviceId?: string, deviceName = 'Chair 1') =>
    server.app.inject({
      method: 'POST',
      url: '/api/devices/enroll',
      payload: { code, deviceName, ...(deviceId === undefined ? {} : { deviceId }) },
    });
  const adminCode = async () =>
    (
      await server.app.inject({
        method: 'POST',
        url: '/api/admin/enrollment-codes',
        headers: server.admin,
        payload: {},
      })
    ).json<{ code: string }>().code;
  const tabletOf = (json: { deviceId: string; token: string }): Tablet => ({
    deviceId: json.deviceId,
    token: json.token,
    auth: { authorization: `Bearer ${json.token}` },
  });

  it('prints a one-time code while no tablet is enrolled: hashed, expiring, spent once', async () => {
    const first = await firstRunEnrollmentCode(server.db.kysely, T0);
    expect(first).not.toBeNull();
    if (first === null) return;
    expect(first.expiresAt).toBe(
      new Date(T0.getTime() + FIRST_RUN_CODE_TTL_MINUTES * 60_000).toISOString(),
    );
    const rows = await server.db.kysely.selectFrom('enrollment_codes').selectAll().execute();
    expect(rows.map((r) => r.code_hash)).toEqual([sha256Hex(normalizeEnrollmentCode(first.code))]);
    expect(JSON.stringify(rows)).not.toContain(first.code);

    expect((await enrollWith(first.code)).statusCode).toBe(201);
    expect((await enrollWith(first.code)).json()).toMatchObject({
      error: { code: 'enrollment-code-used' },
    });
    // A tablet is enrolled: the next start prints no code.
    expect(await firstRunEnrollmentCode(server.db.kysely, T0)).toBeNull();
  });

  it('prints a code again when every enrolled tablet was revoked', async () => {
    const tablet = await server.enroll();
    await server.app.inject({
      method: 'POST',
      url: `/api/admin/devices/${tablet.deviceId}/revoke`,
      headers: server.admin,
    });
    expect(await firstRunEnrollmentCode(server.db.kysely, T0)).not.toBeNull();
  });

  it('an expired first-run code enrolls nothing', async () => {
    const code = await firstRunEnrollmentCode(server.db.kysely, T0);
    server.clock.advance(FIRST_RUN_CODE_TTL_MINUTES * 60_000);
    expect((await enrollWith(code?.code ?? '')).json()).toMatchObject({
      error: { code: 'enrollment-code-expired' },
    });
  });

  it("keeps the tablet's own device id when free; never an id already taken or the server's", async () => {
    const kept = await enrollWith(await adminCode(), 'tablet-0a1b2c3d4e5f');
    expect(kept.statusCode).toBe(201);
    expect(kept.json()).toMatchObject({ deviceId: 'tablet-0a1b2c3d4e5f' });

    const taken = await enrollWith(await adminCode(), 'tablet-0a1b2c3d4e5f');
    expect(taken.statusCode).toBe(201);
    expect(taken.json<{ deviceId: string }>().deviceId).toMatch(/^[0-9a-f-]{36}$/);

    const server_ = await enrollWith(await adminCode(), SERVER_DEVICE_ID);
    expect(server_.json<{ deviceId: string }>().deviceId).not.toBe(SERVER_DEVICE_ID);

    const bad = await enrollWith(await adminCode(), '../etc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'deviceId' } });
  });

  it('takes the first administrator from a tablet where they registered themself, then only by an admin', async () => {
    const enrolled = await enrollWith(await adminCode(), 'tablet-first');
    const tablet = tabletOf(enrolled.json());
    const f = tabletFactory(tablet.deviceId);
    const base = { deviceId: tablet.deviceId };
    // Made offline before enrollment, in the order the tablet's outbox pushes them.
    const self = f.staffMember(
      { staffId: 'ann', displayName: 'Ann Admin', role: 'admin', active: true },
      { ...base, authorStaffId: 'ann' },
    );
    const nurse = f.staffMember(
      { staffId: 'nina', displayName: 'Nina Nurse', role: 'nurse', active: true },
      { ...base, authorStaffId: 'ann' },
    );
    const patient = f.patient({}, { ...base, authorStaffId: 'nina' });
    expect(results(await server.push(tablet, [self, nurse, patient])).map((r) => r.status)).toEqual(
      ['accepted', 'accepted', 'accepted'],
    );

    // Once there is staff, nobody else registers themself.
    const other = tabletOf((await enrollWith(await adminCode(), 'tablet-second')).json());
    const g = tabletFactory(other.deviceId);
    const intruder = g.staffMember(
      { staffId: 'ivo', displayName: 'Ivo', role: 'admin', active: true },
      { deviceId: other.deviceId, authorStaffId: 'ivo' },
    );
    const [refused] = results(await server.push(other, [intruder]));
    expect(refused).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
  });

  it('refuses a first person who is not an administrator, saying how to start', async () => {
    const tablet = tabletOf((await enrollWith(await adminCode(), 'tablet-nurse')).json());
    const f = tabletFactory(tablet.deviceId);
    const nurse = f.staffMember(
      { staffId: 'nina', displayName: 'Nina Nurse', role: 'nurse', active: true },
      { deviceId: tablet.deviceId, authorStaffId: 'nina' },
    );
    const patient = f.patient({}, { deviceId: tablet.deviceId, authorStaffId: 'nina' });
    const answers = results(await server.push(tablet, [nurse, patient]));
    expect(answers.map((r) => r.status)).toEqual(['invalid', 'invalid']);
    expect(answers[0]).toMatchObject({ field: 'authorStaffId' });
    expect(answers[0]?.status === 'invalid' && answers[0].reason).toMatch(
      /first person must be an administrator/,
    );
    expect(await server.db.kysely.selectFrom('staff').selectAll().execute()).toEqual([]);
  });
});

describe('startup notice', () => {
  it('shows the app address and the code, and nothing when there is nothing to do', () => {
    const text = startupNotice({
      appUrl: appAddress('0.0.0.0', 8787),
      adminToken: null,
      enrollment: { code: '7KQ2-M9XD-4TPV', expiresAt: '2026-11-25T11:45:00.000Z' },
    });
    expect(text).toContain('http://localhost:8787/#/sync');
    expect(text).toContain('7KQ2-M9XD-4TPV');
    expect(text).not.toContain('Admin token');
    expect(startupNotice({ appUrl: 'x', adminToken: null, enrollment: null })).toBe('');
    expect(startupNotice({ appUrl: 'x', adminToken: 'secret-123', enrollment: null })).toContain(
      'secret-123',
    );
    expect(appAddress('::1', 80)).toBe('http://[::1]:80');
  });
});
