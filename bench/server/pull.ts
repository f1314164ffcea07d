/**
 * Benchmark (issue 4): a tablet pulls 100,000 records from the center server over HTTP on
 * loopback, page by page from cursor 0 as a newly enrolled tablet does (src/sync/pull.ts), with
 * the tablet's default page size (500) and with the largest one the server allows (1000).
 * The client parses every page (JSON) but stores nothing: this is the server and the wire.
 *
 *   npx tsx bench/server/pull.ts [--quick] [--db sqlite|postgres] [--out file.json]
 */
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../../src/sync/wire.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { summarize } from '../lib/stats.ts';
import { createBenchDb } from './database.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import { BENCH_STAFF } from './protocol.ts';
import { startServerProcess } from './server-process.ts';
import { seedCenter } from './seed.ts';

const cli = readCli();
const out = createOutput(`server-pull-${cli.db}`);
const total = cli.quick ? 20_000 : 100_000;
const tag = cli.db === 'sqlite' ? '' : ' [postgres]';
const idPrefix = `server.pull${cli.db === 'sqlite' ? '' : '.pg'}`;

type PullPage = { records: { serverSeq: number }[]; cursor: number; hasMore: boolean };

async function pullAll(http: HttpClient, token: string, limit: number) {
  const latencies: number[] = [];
  let cursor = 0;
  let received = 0;
  let bytes = 0;
  const ids = new Set<number>();
  const t0 = performance.now();
  for (;;) {
    const answer = await http.send('GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, {
      authorization: `Bearer ${token}`,
    });
    latencies.push(answer.ms);
    bytes += answer.bytes;
    if (answer.status !== 200)
      throw new Error(`pull answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    const page = JSON.parse(answer.body) as PullPage;
    received += page.records.length;
    for (const r of page.records) ids.add(r.serverSeq);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - t0, received, unique: ids.size, bytes, latencies };
}

const bench = await createBenchDb(cli.db);
try {
  const seeded = await seedCenter(bench, total);
  const server = await startServerProcess(bench.location, 1);
  try {
    const tablet = server.tablets[0];
    if (tablet === undefined) throw new Error('no tablet enrolled');
    const http = createHttpClient(server.port);
    await http.send('GET', '/api/health', {});
    for (const limit of [DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT]) {
      const run = await pullAll(http, tablet.token, limit);
      // The server also stores one staff-member record per staff member the bench creates.
      const stored = seeded + BENCH_STAFF.length;
      if (run.received !== stored || run.unique !== stored) {
        out.errors.push(
          `limit ${limit}: pulled ${run.received} (${run.unique} distinct) of ${stored} stored`,
        );
      }
      const lat = summarize(run.latencies);
      out.metrics.push({
        id: `${idPrefix}.limit-${limit}`,
        label: `Pull ${seeded.toLocaleString('en')} records, pages of ${limit}${limit === DEFAULT_PULL_LIMIT ? ' (tablet default)' : ' (server max)'}${tag}`,
        value: run.ms,
        unit: 'ms',
        detail: `${Math.round(run.received / (run.ms / 1000)).toLocaleString('en')} records/s, ${run.latencies.length} pages, page latency p50 ${lat.p50} ms / p99 ${lat.p99} ms, ${(run.bytes / 2 ** 20).toFixed(0)} MiB of JSON`,
      });
      out.metrics.push({
        id: `${idPrefix}.limit-${limit}.rate`,
        label: `  records/s at pages of ${limit}${tag}`,
        value: run.received / (run.ms / 1000),
        unit: 'rec/s',
      });
      out.extra[`pageLatencyMs_${limit}`] = lat;
    }
    http.close();
    const stats = await server.stats();
    out.metrics.push({
      id: `${idPrefix}.server-max-rss`,
      label: `Server peak RSS during the pulls${tag}`,
      value: stats.maxRssKb / 1024,
      unit: 'MiB',
      detail: `after start-up ${(server.startStats.rssBytes / 2 ** 20).toFixed(0)} MiB RSS`,
    });
  } finally {
    await server.close();
  }
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await bench.dispose();
}
finish(out, cli);
