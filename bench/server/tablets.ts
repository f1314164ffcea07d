/**
 * Benchmark (issue 4): 50 simulated tablets syncing at once with the center server on loopback.
 * Every tablet is enrolled and already up to date (cursor at the head of a seeded center); all
 * start in the same tick and each does, ROUNDS times: push one batch of its own new records,
 * then pull from its cursor until `hasMore` is false (which brings it the other tablets'
 * records). Latency of every request, p50/p99, and every error (HTTP status other than 200, a
 * network error, a record not `accepted`). Afterwards a check that the server holds every
 * pushed record exactly once.
 *
 * The client keeps only the last bytes of each pull answer and reads `cursor`/`hasMore` there
 * (http-client.ts `keep: 'tail'`): a real tablet parses on its own CPU, not on the 2 cores this
 * load generator shares with the server. Decoding every page into a string cost the load
 * generator more CPU than the server used (2.2 s against 1.9 s per run), and the latencies it
 * reported were mostly its own event loop's. Its CPU time is reported next to the server's.
 *
 * The tablets have synced before: each has its connection open and has pushed and pulled one
 * untimed round (WARM_UP), so the timed rounds measure a running server, not V8 compiling the
 * validation code on the first 50 pushes of a fresh process (--no-warm-up to see that: about
 * 60 ms more on the first round's pushes). With --cold all 50 connections are opened in the
 * same instant as the first pushes, and the server accepts and reads them while it is already
 * busy, so the first pushes wait longer.
 *
 *   npx tsx bench/server/tablets.ts [--quick] [--cold] [--no-warm-up] [--db sqlite|postgres]
 *     [--out file.json]
 */
import { withSortedKeys } from '../../src/sync/canonical-json.ts';
import { DEFAULT_PULL_LIMIT, MAX_PUSH_RECORDS } from '../../src/sync/wire.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { summarize } from '../lib/stats.ts';
import { createBenchDb } from './database.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import type { Tablet } from './protocol.ts';
import { tabletRecords } from './records.ts';
import { seedCenter } from './seed.ts';
import { startServerProcess } from './server-process.ts';

const cli = readCli();
const out = createOutput(`server-tablets-${cli.db}`);
const TABLETS = 50;
const ROUNDS = cli.quick ? 1 : 3;
const PER_BATCH = 50;
const SEEDED = cli.quick ? 10_000 : 50_000;
const COLD = process.argv.includes('--cold');
// --cold: no warm-up round either (it would open the connections).
const WARM_UP = COLD || process.argv.includes('--no-warm-up') ? 0 : 1;
const tag = cli.db === 'sqlite' ? '' : ' [postgres]';
const idPrefix = `server.tablets${cli.db === 'sqlite' ? '' : '.pg'}`;

type Sample = { readonly kind: 'push' | 'pull'; readonly ms: number };

/** `cursor` and `hasMore` are the last two keys of a pull answer (routes/sync.ts). */
function pullTail(body: string): { cursor: number; hasMore: boolean } | null {
  const m = /"cursor":(\d+),"hasMore":(true|false)\}\s*$/.exec(body.slice(-80));
  return m ? { cursor: Number(m[1]), hasMore: m[2] === 'true' } : null;
}

async function syncTablet(
  http: HttpClient,
  tablet: Tablet,
  bodies: readonly string[],
  startCursor: number,
  samples: Sample[],
  errors: string[],
): Promise<void> {
  const auth = { authorization: `Bearer ${tablet.token}` };
  let cursor = startCursor;
  for (const body of bodies) {
    try {
      const pushed = await http.send('POST', '/api/sync/push', auth, body);
      samples.push({ kind: 'push', ms: pushed.ms });
      if (pushed.status !== 200) errors.push(`push ${pushed.status}: ${pushed.body.slice(0, 160)}`);
      else {
        const refused = (pushed.body.match(/"status":"(?:duplicate|conflict|invalid)"/g) ?? [])
          .length;
        if (refused > 0)
          errors.push(`push: ${refused} records not accepted: ${pushed.body.slice(0, 300)}`);
      }
      for (;;) {
        const pulled = await http.send(
          'GET',
          `/api/sync/pull?cursor=${cursor}&limit=${DEFAULT_PULL_LIMIT}`,
          auth,
          undefined,
          'tail',
        );
        samples.push({ kind: 'pull', ms: pulled.ms });
        const tail = pulled.status === 200 ? pullTail(pulled.body) : null;
        if (tail === null) {
          errors.push(`pull ${pulled.status}: ${pulled.body.slice(0, 160)}`);
          break;
        }
        cursor = tail.cursor;
        if (!tail.hasMore) break;
      }
    } catch (error) {
      errors.push(`network: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function headCursor(bench: Awaited<ReturnType<typeof createBenchDb>>): Promise<number> {
  const db = bench.open();
  try {
    const row = await db.reader
      .selectFrom('records')
      .select((eb) => eb.fn.max('server_seq').as('head'))
      .executeTakeFirst();
    return Number(row?.head ?? 0);
  } finally {
    await db.close();
  }
}

const bench = await createBenchDb(cli.db);
try {
  await seedCenter(bench, SEEDED);
  const server = await startServerProcess(bench.location, TABLETS);
  try {
    const bodies = server.tablets.map((tablet, i) => {
      const records = tabletRecords(tablet.deviceId, (WARM_UP + ROUNDS) * PER_BATCH, 1000 + i);
      return Array.from({ length: WARM_UP + ROUNDS }, (_, r) =>
        JSON.stringify({
          protocolVersion: 1,
          deviceId: tablet.deviceId,
          // As the tablet's sync sends them (src/sync/push.ts): keys sorted.
          records: records.slice(r * PER_BATCH, (r + 1) * PER_BATCH).map(withSortedKeys),
        }),
      );
    });
    if (PER_BATCH > MAX_PUSH_RECORDS) throw new Error('batch too large');
    const http = createHttpClient(server.port);
    // One open connection per tablet before the clock starts, as tablets that have synced before
    // have. --cold: all 50 connections are opened in the same instant as the first pushes.
    if (COLD) await http.send('GET', '/api/health', {});
    else await Promise.all(server.tablets.map(() => http.send('GET', '/api/health', {})));
    const errors: string[] = [];
    // The tablets have synced before (a center server runs for months): one untimed round, so
    // the timed rounds do not measure V8 compiling the validation code in a fresh process.
    if (WARM_UP > 0) {
      const warmHead = await headCursor(bench);
      await Promise.all(
        server.tablets.map((tablet, i) =>
          syncTablet(http, tablet, bodies[i]?.slice(0, WARM_UP) ?? [], warmHead, [], errors),
        ),
      );
    }
    const head = await headCursor(bench);
    const samples: Sample[] = [];
    const before = await server.stats();
    const clientCpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      server.tablets.map((tablet, i) =>
        syncTablet(http, tablet, bodies[i]?.slice(WARM_UP) ?? [], head, samples, errors),
      ),
    );
    const wallMs = performance.now() - t0;
    const clientCpu = process.cpuUsage(clientCpu0);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
    const stats = await server.stats();

    // Exactly once: every pushed record is stored, none twice.
    const check = server.tablets[0];
    let stored = 0;
    const ids = new Set<string>();
    if (check !== undefined) {
      let cursor = head;
      for (;;) {
        const page = await http.send('GET', `/api/sync/pull?cursor=${cursor}&limit=1000`, {
          authorization: `Bearer ${check.token}`,
        });
        const parsed = JSON.parse(page.body) as {
          records: { record: { id: string } }[];
          cursor: number;
          hasMore: boolean;
        };
        for (const r of parsed.records) ids.add(r.record.id);
        stored += parsed.records.length;
        cursor = parsed.cursor;
        if (!parsed.hasMore) break;
      }
    }
    http.close();
    const expected = TABLETS * ROUNDS * PER_BATCH;
    if (stored !== expected || ids.size !== expected)
      errors.push(
        `server holds ${stored} new records (${ids.size} distinct), expected ${expected}`,
      );

    const all = summarize(samples.map((s) => s.ms));
    const push = summarize(samples.filter((s) => s.kind === 'push').map((s) => s.ms));
    const pull = summarize(samples.filter((s) => s.kind === 'pull').map((s) => s.ms));
    const scenario = `${TABLETS} tablets at once${COLD ? ' (connections opened at the start)' : ''}, each ${ROUNDS} x (push ${PER_BATCH} records, pull until up to date, pages of ${DEFAULT_PULL_LIMIT}); center of ${SEEDED.toLocaleString('en')} records`;
    out.metrics.push(
      {
        id: `${idPrefix}.p50`,
        label: `${TABLETS} tablets syncing at once: request latency p50${tag}`,
        value: all.p50,
        unit: 'ms',
        detail: scenario,
      },
      {
        id: `${idPrefix}.p99`,
        label: `${TABLETS} tablets syncing at once: request latency p99${tag}`,
        value: all.p99,
        unit: 'ms',
        target: { op: '<', value: 200 },
        detail: `${all.n} requests in ${(wallMs / 1000).toFixed(1)} s, max ${all.max} ms`,
      },
      {
        id: `${idPrefix}.push-p99`,
        label: `  push p50 / p99${tag}`,
        value: push.p99,
        unit: 'ms',
        detail: `push p50 ${push.p50} ms, p99 ${push.p99} ms over ${push.n} pushes`,
      },
      {
        id: `${idPrefix}.pull-p99`,
        label: `  pull p50 / p99${tag}`,
        value: pull.p99,
        unit: 'ms',
        detail: `pull p50 ${pull.p50} ms, p99 ${pull.p99} ms over ${pull.n} pulls`,
      },
      {
        id: `${idPrefix}.server-cpu`,
        label: `  server CPU time for the run (user + system)${tag}`,
        value: stats.cpuMs - before.cpuMs,
        unit: 'ms',
        detail: `per request ${((stats.cpuMs - before.cpuMs) / all.n).toFixed(2)} ms; garbage collection ${(stats.gcMs - before.gcMs).toFixed(0)} ms; less disturbed by other load than latency`,
      },
      {
        id: `${idPrefix}.client-cpu`,
        label: `  load generator CPU time for the run (50 tablets in one process)${tag}`,
        value: clientCpuMs,
        unit: 'ms',
        detail: `wall time ${wallMs.toFixed(0)} ms; the load generator shares the machine's cores with the server`,
      },
      {
        id: `${idPrefix}.errors`,
        label: `${TABLETS} tablets syncing at once: errors${tag}`,
        value: errors.length,
        unit: 'errors',
        target: { op: '<=', value: 0 },
      },
      {
        id: `${idPrefix}.server-max-rss`,
        label: `Server peak RSS with ${TABLETS} tablets${tag}`,
        value: stats.maxRssKb / 1024,
        unit: 'MiB',
        detail: `after start-up ${(server.startStats.rssBytes / 2 ** 20).toFixed(0)} MiB RSS`,
      },
    );
    out.extra.latencyMs = { all, push, pull };
    out.extra.wallMs = wallMs;
    out.errors.push(...errors.slice(0, 20));
  } finally {
    await server.close();
  }
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await bench.dispose();
}
finish(out, cli);
