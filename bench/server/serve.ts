/**
 * The center server under test, in its own process so its memory (RSS high-water mark) is its
 * own and not the load generator's. Started by server-process.ts with an IPC channel:
 *
 *   env BENCH_SERVER = { location, devices }   (database already migrated and seeded)
 *   -> { type: 'ready', port, tablets: [{ deviceId, token }], rss }
 *   <- { type: 'stats' }  -> { type: 'stats', maxRssKb, rssBytes, heapUsedBytes }
 *   <- { type: 'close' }  -> closes the server and the database, exits 0
 *
 * Built with `buildServer` exactly as main.ts does (security headers, rate limit plugin, pino at
 * info level writing to /dev/null as a real deployment writes to its log), except the rate limit
 * is raised: every simulated tablet comes from 127.0.0.1, real ones from their own address.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { createWriteStream } from 'node:fs';
import { buildServer } from '../../server/src/app.ts';
import { createEnrollmentCode, enrollDevice } from '../../server/src/auth/devices.ts';
import { sha256Hex } from '../../server/src/auth/tokens.ts';
import { openDb } from './database.ts';
import {
  BENCH_ADMIN_TOKEN,
  BENCH_STAFF,
  type ServeConfig,
  type ServerStats,
  type Tablet,
  type ToChild,
  type ToParent,
} from './protocol.ts';

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const stats = (): ServerStats => {
  const cpu = process.cpuUsage();
  return {
    maxRssKb: process.resourceUsage().maxRSS,
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
    cpuMs: (cpu.user + cpu.system) / 1000,
    userMs: cpu.user / 1000,
    gcMs,
  };
};

async function main(): Promise<void> {
  const send = (message: ToParent) => process.send?.(message);
  const config = JSON.parse(process.env.BENCH_SERVER ?? 'null') as ServeConfig | null;
  if (config === null || process.send === undefined)
    throw new Error('start me from server-process.ts');
  const db = openDb(config.location);
  const app = await buildServer({
    db,
    adminTokenHash: sha256Hex(BENCH_ADMIN_TOKEN),
    distDir: null,
    logger: { level: 'info', stream: createWriteStream(process.env.BENCH_LOG ?? '/dev/null') },
    rateLimit: { max: 10_000_000, timeWindowMs: 60_000 },
  });
  for (const staff of BENCH_STAFF) {
    const saved = await app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
      payload: staff,
    });
    if (saved.statusCode >= 300)
      throw new Error(`staff ${staff.staffId}: ${saved.statusCode} ${saved.body}`);
  }
  // The enrollment route allows 10 per minute per address; 50 tablets are enrolled through the
  // same functions the route calls.
  const tablets: Tablet[] = [];
  for (let i = 0; i < config.devices; i++) {
    const now = new Date();
    const { code } = await createEnrollmentCode(db.kysely, {
      now,
      ttlMinutes: 30,
      createdBy: 'bench',
    });
    const enrolled = await enrollDevice(db.kysely, {
      code,
      deviceName: `Bench tablet ${i + 1}`,
      now,
    });
    if (!enrolled.ok) throw new Error(`enroll: ${enrolled.reason}`);
    tablets.push({ deviceId: enrolled.deviceId, token: enrolled.token });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.on('message', (message: ToChild) => {
    if (message.type === 'stats') send({ type: 'stats', ...stats() });
    if (message.type === 'close') {
      void app
        .close()
        .then(() => db.close())
        .then(() => process.exit(0));
    }
  });
  send({ type: 'ready', port, tablets, stats: stats() });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
