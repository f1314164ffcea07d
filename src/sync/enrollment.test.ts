import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KitDatabase } from '../db/database.ts';
import { createTestDatabase, deleteTestDatabase } from '../db/testing.ts';
import { json } from '../../tests/sync/support/fake-center.ts';
import { enrollDevice, loadDeviceAuth, normalizeServerAddress } from './enrollment.ts';
import { requestBodyText, requestUrl } from '../../tests/support/request-url.ts';

const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
let db: KitDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await deleteTestDatabase(db);
});

const serverTime = '2026-03-02T08:00:00.000Z';

describe('enrollDevice', () => {
  it('exchanges the code for a device id and token, stored in meta; the token is not returned', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      calls.push({ url: requestUrl(input), body: JSON.parse(requestBodyText(init)) as unknown });
      return Promise.resolve(json(201, { serverTime, deviceId: 'dev-42', token: TOKEN }));
    };
    const result = await enrollDevice({
      db,
      fetch,
      baseUrl: ' https://center.example/ ',
      code: '7kq2-m9xd-4tpv',
      deviceName: 'Chair 3',
    });
    expect(result).toEqual({ ok: true, deviceId: 'dev-42', deviceName: 'Chair 3' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(calls).toEqual([
      {
        url: 'https://center.example/api/devices/enroll',
        body: { code: '7kq2-m9xd-4tpv', deviceName: 'Chair 3' },
      },
    ]);
    expect(await loadDeviceAuth(db)).toEqual({
      deviceId: 'dev-42',
      token: TOKEN,
      baseUrl: 'https://center.example',
      deviceName: 'Chair 3',
      enrolledAt: serverTime,
    });
    // Records written from now on carry the server's device id.
    expect((await db.meta.get('deviceId'))?.value).toBe('dev-42');
  });

  it("proposes the device id already on this tablet's records; an odd one is left out", async () => {
    const bodies: unknown[] = [];
    const fetch: typeof globalThis.fetch = (_input, init) => {
      bodies.push(JSON.parse(requestBodyText(init)));
      return Promise.resolve(json(201, { serverTime, deviceId: 'tablet-0a1b2c', token: TOKEN }));
    };
    await db.meta.put({ key: 'deviceId', value: 'tablet-0a1b2c' });
    await enrollDevice({ db, fetch, baseUrl: '', code: 'A', deviceName: 'Chair 1' });
    await db.meta.put({ key: 'deviceId', value: 'not/an id' });
    await enrollDevice({ db, fetch, baseUrl: '', code: 'B', deviceName: 'Chair 1' });
    expect(bodies).toEqual([
      { code: 'A', deviceName: 'Chair 1', deviceId: 'tablet-0a1b2c' },
      { code: 'B', deviceName: 'Chair 1' },
    ]);
  });

  it('names the problem for a used, expired or unknown code and stores nothing', async () => {
    for (const [server, code] of [
      ['enrollment-code-used', 'code-used'],
      ['enrollment-code-expired', 'code-expired'],
      ['enrollment-code-unknown', 'code-unknown'],
    ] as const) {
      const fetch = () =>
        Promise.resolve(
          json(400, { serverTime, error: { code: server, message: `m ${server}`, field: 'code' } }),
        );
      expect(await enrollDevice({ db, fetch, baseUrl: '', code: 'X', deviceName: 'T' })).toEqual({
        ok: false,
        code,
        field: 'code',
        detail: `m ${server}`,
      });
    }
    expect(await loadDeviceAuth(db)).toBeNull();
  });

  it('refuses bad input before calling the server', async () => {
    const fetch = () => Promise.reject(new Error('must not be called'));
    expect(
      await enrollDevice({ db, fetch, baseUrl: 'ftp://x', code: 'A', deviceName: 'T' }),
    ).toMatchObject({ code: 'invalid-server-address', field: 'baseUrl' });
    expect(
      await enrollDevice({ db, fetch, baseUrl: '', code: '  ', deviceName: 'T' }),
    ).toMatchObject({ code: 'invalid-input', field: 'code' });
    expect(
      await enrollDevice({ db, fetch, baseUrl: '', code: 'A', deviceName: '   ' }),
    ).toMatchObject({ code: 'invalid-input', field: 'deviceName' });
  });

  it('reports an unreachable server, rate limiting and a non-center answer', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(
      await enrollDevice({ db, fetch: offline, baseUrl: '', code: 'A', deviceName: 'T' }),
    ).toMatchObject({ code: 'offline' });
    const limited = () => Promise.resolve(json(429, {}));
    expect(
      await enrollDevice({ db, fetch: limited, baseUrl: '', code: 'A', deviceName: 'T' }),
    ).toMatchObject({ code: 'too-many-tries' });
    const portal = () => Promise.resolve(new Response('<html></html>', { status: 200 }));
    expect(
      await enrollDevice({ db, fetch: portal, baseUrl: '', code: 'A', deviceName: 'T' }),
    ).toMatchObject({ code: 'server-error' });
    expect(await loadDeviceAuth(db)).toBeNull();
  });
});

describe('normalizeServerAddress', () => {
  it('accepts same origin and http(s) addresses only', () => {
    expect(normalizeServerAddress('')).toBe('');
    expect(normalizeServerAddress('http://192.168.1.10:8787/')).toBe('http://192.168.1.10:8787');
    expect(normalizeServerAddress('https://center.example/kit')).toBe('https://center.example/kit');
    expect(normalizeServerAddress('center.example')).toBeNull();
    expect(normalizeServerAddress('javascript:alert(1)')).toBeNull();
    expect(normalizeServerAddress('https://user:pw@center.example')).toBeNull();
  });
});
