// @vitest-environment node
/** Device tokens remembered briefly, and a revocation that is never outlived by that memory. */
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import type { TestDatabase } from '../test-support/databases.ts';
import { DEVICE_TOKEN_MEMORY_MS, createDeviceTokens } from './device-tokens.ts';
import { createEnrollmentCode, enrollDevice } from './devices.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');

/**
 * A reader whose answers wait until `open()`; `read` resolves when a query has read the
 * database and is waiting.
 */
function gatedReader() {
  let open = () => {};
  let reached = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const read = new Promise<void>((resolve) => (reached = resolve));
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      reached();
      await gate;
      return args.result;
    },
  };
  return { plugin, read, open: () => open() };
}

describe.each(TEST_DIALECTS)('device tokens ($name)', (dialect) => {
  let test: TestDatabase;
  let ms = 0;
  const clock = () => ms;

  const enroll = async () => {
    const { code } = await createEnrollmentCode(test.db.kysely, {
      now: NOW,
      ttlMinutes: 30,
      createdBy: 'test',
    });
    const enrolled = await enrollDevice(test.db.kysely, { code, deviceName: 'Chair 1', now: NOW });
    if (!enrolled.ok) throw new Error(enrolled.reason);
    return enrolled;
  };
  const revokeInSql = (deviceId: string) =>
    test.db.kysely
      .updateTable('devices')
      .set({ revoked_at: NOW.toISOString() })
      .where('id', '=', deviceId)
      .execute();

  beforeEach(async () => {
    ms = 0;
    test = await dialect.open();
    await migrateToLatest(test.db);
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('refuses a token revoked through it at once, though it was remembered', async () => {
    const tokens = createDeviceTokens(test.db, clock);
    const tablet = await enroll();
    expect(await tokens.check(tablet.token)).toMatchObject({ ok: true });
    expect(await tokens.check(tablet.token)).toMatchObject({ ok: true });
    expect(await tokens.revoke(tablet.deviceId, NOW)).toEqual({ revokedAt: NOW.toISOString() });
    expect(await tokens.check(tablet.token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('does not remember a lookup that was running while the device was revoked', async () => {
    const tablet = await enroll();
    const gated = gatedReader();
    const tokens = createDeviceTokens(
      { ...test.db, reader: test.db.reader.withPlugin(gated.plugin) },
      clock,
    );
    const early = tokens.check(tablet.token);
    // The lookup reads the device (not yet revoked), then the revocation commits.
    await gated.read;
    await tokens.revoke(tablet.deviceId, NOW);
    gated.open();
    // It read before the revocation: let through, like a request that came just before it.
    expect(await early).toMatchObject({ ok: true });
    expect(await tokens.check(tablet.token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('sees a revocation made outside it (in SQL) once the memory expires', async () => {
    const tokens = createDeviceTokens(test.db, clock);
    const tablet = await enroll();
    expect(await tokens.check(tablet.token)).toMatchObject({ ok: true });
    await revokeInSql(tablet.deviceId);
    // The documented bound: remembered for at most DEVICE_TOKEN_MEMORY_MS.
    ms = DEVICE_TOKEN_MEMORY_MS - 1;
    expect(await tokens.check(tablet.token)).toMatchObject({ ok: true });
    ms = DEVICE_TOKEN_MEMORY_MS;
    expect(await tokens.check(tablet.token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('remembers neither unknown nor revoked tokens', async () => {
    const tokens = createDeviceTokens(test.db, clock);
    const tablet = await enroll();
    expect(await tokens.check('x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    await revokeInSql(tablet.deviceId);
    expect(await tokens.check(tablet.token)).toEqual({ ok: false, reason: 'revoked' });
    await test.db.kysely
      .updateTable('devices')
      .set({ revoked_at: null })
      .where('id', '=', tablet.deviceId)
      .execute();
    expect(await tokens.check(tablet.token)).toMatchObject({ ok: true });
  });
});

noticePostgresSkipped('device tokens');
