// @vitest-environment node
/**
 * HTTP hardening: JSON 404s and the SPA fallback, security headers, CORS only when configured,
 * rate limits, no stack traces, serverTime everywhere, logs without patient data, a real socket.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { sha256Hex } from '../auth/tokens.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { ADMIN_TOKEN, startTestServer, withStaff } from '../test-support/harness.ts';
import type { TestServer } from '../test-support/harness.ts';
import { PATIENT_ID, completedSessionRecords, makeRecord } from '../test-support/records.ts';

let distDir = '';
beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'kit-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><title>KIT</title><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(distDir, 'assets', 'app-1a2b.js'), 'console.log("kit")');
  writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(join(distDir, '.env'), 'SECRET=1');
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe.each(TEST_DIALECTS)('HTTP hardening ($name)', (dialect) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers unknown API routes with a JSON 404 and serves the PWA with an SPA fallback', async () => {
    server = await startTestServer(dialect, { distDir });
    const get = (url: string) => server!.app.inject({ method: 'GET', url });

    for (const url of [
      '/api/nope',
      '/api',
      '/api/sync/pull/extra',
      '/assets/missing-9z9z.js',
      '/robots.txt',
      '/.env',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/application\/json/);
      expect(response.json(), url).toMatchObject({
        error: { code: 'not-found', requestId: response.headers['x-request-id'] },
      });
    }
    const postUnknown = await server.app.inject({
      method: 'POST',
      url: '/sessions/42',
      payload: {},
    });
    expect(postUnknown.statusCode).toBe(404);

    for (const url of ['/', '/sessions/42', '/patients/019a/sessions?tab=vitals']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.body).toContain('<title>KIT</title>');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await get('/assets/app-1a2b.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/sw.js')).headers['cache-control']).toBe('no-cache');
  });

  it('without a built app, every unknown path is a JSON 404', async () => {
    server = await startTestServer(dialect, { distDir: null });
    const response = await server.app.inject({ method: 'GET', url: '/sessions/42' });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('not-found');
  });

  it('sends a strict CSP and the other security headers, without HSTS or upgrade-insecure-requests', async () => {
    server = await startTestServer(dialect, { distDir });
    for (const url of ['/', '/api/health', '/api/no-such-route']) {
      const response = await server.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      const directives: Record<string, string> = Object.fromEntries(
        csp.split(';').map((d): [string, string] => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'worker-src': "'self'",
        'style-src': "'self'",
        'connect-src': "'self'",
        'img-src': "'self' data:",
        'manifest-src': "'self'",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(csp).not.toContain('unsafe');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends CORS headers only when origins are configured, and only for those origins', async () => {
    server = await startTestServer(dialect);
    const preflight = (origin: string) =>
      server!.app.inject({
        method: 'OPTIONS',
        url: '/api/sync/pull',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    expect(
      (await preflight('https://evil.example')).headers['access-control-allow-origin'],
    ).toBeUndefined();
    await server.close();

    server = await startTestServer(dialect, { corsOrigins: ['https://kit.clinic.example'] });
    expect(
      (await preflight('https://kit.clinic.example')).headers['access-control-allow-origin'],
    ).toBe('https://kit.clinic.example');
    expect(
      (await preflight('https://evil.example')).headers['access-control-allow-origin'],
    ).toBeUndefined();
  });

  it('rate-limits per client with a JSON 429, enrollment more strictly', async () => {
    server = await startTestServer(dialect, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1)
      codes.push((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(limited.json()).toMatchObject({ error: { code: 'rate-limited' } });
    expect(limited.headers['retry-after']).toBeDefined();
    await server.close();

    server = await startTestServer(dialect, { rateLimit: { max: 1000, timeWindowMs: 60_000 } });
    const enrollCodes: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/devices/enroll',
        payload: { code: `GUESS-${i}`, deviceName: 'x' },
      });
      enrollCodes.push(response.statusCode);
    }
    expect(enrollCodes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(enrollCodes[10]).toBe(429);
  });

  it('answers an internal failure with 500 and a request id, never a stack trace', async () => {
    const opened = await dialect.open();
    const app = await buildServer({
      db: opened.db,
      adminTokenHash: sha256Hex(ADMIN_TOKEN),
      rateLimit: false,
    });
    try {
      await app.inject({ method: 'GET', url: '/api/health' });
      await opened.db.close(); // the database goes away under the running server
      const pulled = await app.inject({
        method: 'GET',
        url: '/api/sync/pull',
        headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaa' },
      });
      expect(pulled.statusCode).toBe(500);
      expect(pulled.json()).toMatchObject({
        error: { code: 'internal-error', requestId: pulled.headers['x-request-id'] },
      });
      expect(pulled.body).not.toMatch(/\bat \w|\.ts:|node_modules|stack|destroyed/i);
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
    } finally {
      await app.close();
      await opened.dispose().catch(() => undefined);
    }
  });

  it('puts serverTime on every JSON answer, errors included', async () => {
    server = await startTestServer(dialect);
    await withStaff(server);
    const tablet = await server.enroll();
    const responses = [
      await server.app.inject({ method: 'GET', url: '/api/health' }),
      await server.app.inject({ method: 'GET', url: '/api/nope' }),
      await server.app.inject({ method: 'GET', url: '/api/staff', headers: tablet.auth }),
      await server.app.inject({ method: 'GET', url: '/api/staff' }),
      await server.push(tablet, [makeRecord(tablet.deviceId)]),
      await server.pull(tablet, 0),
      await server.app.inject({ method: 'GET', url: '/api/admin/devices', headers: server.admin }),
      await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: tablet.auth,
        payload: { nonsense: true },
      }),
    ];
    for (const response of responses)
      expect(response.json<{ serverTime: string }>().serverTime, response.body).toBe(
        server.clock.now.toISOString(),
      );
  });

  it('logs request ids and outcomes, never patient ids, record contents or tokens', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) =>
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
    );
    server = await startTestServer(dialect, { logger: { level: 'debug', stream } });
    await withStaff(server);
    const tablet = await server.enroll();
    const session = completedSessionRecords(tablet.deviceId, 'KIT-ZQ4711');
    const patientId = session[0]!.id;
    const observation = makeRecord(tablet.deviceId);
    await server.push(tablet, [...session, observation]);
    const tampered = { ...observation, payload: { note: 'Mevr. Janssens, dossier ZQ-4711-XJ' } };
    await server.push(tablet, [
      tampered,
      makeRecord(tablet.deviceId, { clinicalTime: 'yesterday' }),
    ]);
    const changed = {
      ...observation,
      payload: { ...(observation.payload as object), spo2Percent: 91 },
    };
    await server.push(tablet, [changed]);
    await server.pull(tablet, 0);
    await server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?cursor=${PATIENT_ID}`,
      headers: tablet.auth,
    });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if ('req' in entry || 'res' in entry) expect(entry.reqId, line).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(log).toContain('"accepted":');
    expect(log).toContain('push had conflicting records');
    expect(log).not.toContain(PATIENT_ID);
    expect(log).not.toContain(patientId);
    expect(log).not.toContain('Janssens');
    expect(log).not.toContain('ZQ4711');
    expect(log).not.toContain('ZQ-4711');
    expect(log).not.toContain(tablet.token);
    expect(log).not.toContain(ADMIN_TOKEN);
  });

  it('writes one log line per request: id, method, route, status, time, and what the route added', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) =>
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      ),
    );
    server = await startTestServer(dialect, { logger: { level: 'info', stream } });
    const start = await withStaff(server);
    const tablet = await server.enroll();
    lines.length = 0;
    const pushed = await server.push(tablet, [makeRecord(tablet.deviceId)]);
    const pulled = await server.pull(tablet, start);
    const refused = await server.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=x' });

    expect(lines).toHaveLength(3);
    const [pushLine, pullLine, refusedLine] = lines;
    for (const [line, response] of [
      [pushLine, pushed],
      [pullLine, pulled],
      [refusedLine, refused],
    ] as const) {
      expect(line).toMatchObject({
        level: 30,
        msg: 'request completed',
        reqId: response.headers['x-request-id'],
        res: { statusCode: response.statusCode },
      });
      expect(line?.responseTime).toEqual(expect.any(Number));
    }
    expect(pushLine).toMatchObject({
      req: { method: 'POST', url: '/api/sync/push' },
      deviceId: tablet.deviceId,
      accepted: 1,
      duplicate: 0,
      conflict: 0,
      invalid: 0,
    });
    expect(pullLine).toMatchObject({ req: { method: 'GET', url: '/api/sync/pull' } });
    expect(refusedLine).toMatchObject({ res: { statusCode: 401 }, refused: 'unauthorized' });
  });

  it('serves real HTTP on 127.0.0.1 (a listening socket, not inject)', async () => {
    server = await startTestServer(dialect, { rateLimit: { max: 1000, timeWindowMs: 60_000 } });
    const start = await withStaff(server);
    const tablet = await server.enroll();
    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const health = await fetch(`${address}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const record = makeRecord(tablet.deviceId);
    const push = await fetch(`${address}/api/sync/push`, {
      method: 'POST',
      headers: { ...tablet.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: 1, deviceId: tablet.deviceId, records: [record] }),
    });
    expect(push.status).toBe(200);
    expect(((await push.json()) as { results: { status: string }[] }).results[0]!.status).toBe(
      'accepted',
    );
    const pull = await fetch(`${address}/api/sync/pull?cursor=${start}`, { headers: tablet.auth });
    // Sent in pieces (http/send-chunks.ts), with every header a Fastify answer has.
    expect(pull.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(pull.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(pull.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(pull.headers.get('x-ratelimit-limit')).toBe('1000');
    const pullBytes = Buffer.from(await pull.clone().arrayBuffer());
    expect(Number(pull.headers.get('content-length'))).toBe(pullBytes.length);
    expect(
      ((await pull.json()) as { records: { record: unknown }[] }).records.map((r) => r.record),
    ).toEqual([record]);
  });
});

noticePostgresSkipped('HTTP hardening');
