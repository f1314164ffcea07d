/**
 * Benchmark (issue 4): push 10,000 valid records to the center server over HTTP on loopback in
 * batches of 100, one batch after the other as a tablet's sync does, compared in the same run
 * with inserting the same rows straight into the same kind of database from one process
 * (Kysely, one transaction per 100 rows, the server's own pragmas: WAL, synchronous = FULL).
 *
 * Both sides are measured warm and on the same table size: first 2,000 other records are pushed
 * to the server (not timed; a center server runs for months, and the first pushes of a fresh
 * process mostly measure V8 compiling the validation code), and the same 2,000 rows are
 * inserted into each direct-insert database before its timed run.
 *
 *   npx tsx bench/server/push.ts [--quick] [--db sqlite|postgres] [--out file.json]
 */
import { parseClinicalRecord, type ClinicalRecord } from '../../src/domain/records.ts';
import { withSortedKeys } from '../../src/sync/canonical-json.ts';
import { MAX_PUSH_RECORDS } from '../../src/sync/wire.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { median, summarize } from '../lib/stats.ts';
import { createBenchDb, insertRows, toRow } from './database.ts';
import { measureStages } from './push-stages.ts';
import { createHttpClient } from './http-client.ts';
import { tabletRecords } from './records.ts';
import { startServerProcess } from './server-process.ts';

const cli = readCli();
const out = createOutput(`server-push-${cli.db}`);
const total = cli.quick ? 2_000 : 10_000;
const warmUpCount = 2_000;
const tag = cli.db === 'sqlite' ? '' : ' [postgres]';
const idPrefix = `server.push${cli.db === 'sqlite' ? '' : '.pg'}`;

const rounds = cli.quick ? 1 : 5;

/** Push bodies of 100 records each, as the tablet's sync sends them (src/sync/push.ts: keys sorted). */
function pushBodies(deviceId: string, batch: readonly ClinicalRecord[]): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < batch.length; i += MAX_PUSH_RECORDS) {
    bodies.push(
      JSON.stringify({
        protocolVersion: 1,
        deviceId,
        records: batch.slice(i, i + MAX_PUSH_RECORDS).map(withSortedKeys),
      }),
    );
  }
  return bodies;
}

type HttpRound = {
  readonly ms: number;
  readonly latencies: number[];
  readonly maxRssKb: number;
  /** Server CPU time (user + system) and GC time during the timed push, ms. */
  readonly cpuMs: number;
  readonly gcMs: number;
  readonly userMs: number;
  readonly records: ClinicalRecord[];
  readonly warmUp: ClinicalRecord[];
  readonly bodies: string[];
};

/**
 * Through HTTP: the whole server path (auth, envelope, per-record validation, duplicate
 * check, staff/role checks, serialized write transaction, answer), on a fresh server process.
 */
async function pushOverHttp(round: number): Promise<HttpRound> {
  const bench = await createBenchDb(cli.db);
  const server = await startServerProcess(bench.location, 1);
  try {
    const tablet = server.tablets[0];
    if (tablet === undefined) throw new Error('no tablet enrolled');
    const records = tabletRecords(tablet.deviceId, total, 11);
    const warmUp = tabletRecords(tablet.deviceId, warmUpCount, 12);
    if (round === 0) {
      // The factory skipped validation for speed: check a sample here so a generator bug shows
      // as an error of the benchmark, not as "invalid" answers counted against the server.
      for (const r of records.filter((_, i) => i % 97 === 0)) {
        const parsed = parseClinicalRecord(r);
        if (!parsed.ok)
          out.errors.push(
            `generated record invalid: ${parsed.error.field} ${parsed.error.message}`,
          );
      }
    }
    const bodies = pushBodies(tablet.deviceId, records);
    const http = createHttpClient(server.port);
    const headers = { authorization: `Bearer ${tablet.token}` };
    for (const body of pushBodies(tablet.deviceId, warmUp)) {
      const answer = await http.send('POST', '/api/sync/push', headers, body);
      if (answer.status !== 200) out.errors.push(`warm-up push answered ${answer.status}`);
    }
    const latencies: number[] = [];
    let accepted = 0;
    const before = await server.stats();
    const t0 = performance.now();
    for (const body of bodies) {
      const answer = await http.send('POST', '/api/sync/push', headers, body);
      latencies.push(answer.ms);
      if (answer.status !== 200) {
        out.errors.push(`push answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        continue;
      }
      const { results } = JSON.parse(answer.body) as {
        results: { status: string; reason?: string }[];
      };
      for (const r of results) {
        if (r.status === 'accepted') accepted += 1;
        else if (out.errors.length < 20) out.errors.push(`record ${r.status}: ${r.reason ?? ''}`);
      }
    }
    const ms = performance.now() - t0;
    http.close();
    if (accepted !== records.length)
      out.errors.push(`${accepted} of ${records.length} records accepted`);
    const after = await server.stats();
    return {
      ms,
      latencies,
      maxRssKb: after.maxRssKb,
      cpuMs: after.cpuMs - before.cpuMs,
      gcMs: after.gcMs - before.gcMs,
      userMs: after.userMs - before.userMs,
      records,
      warmUp,
      bodies,
    };
  } finally {
    await server.close();
    await bench.dispose();
  }
}

/**
 * Straight into the database: the same rows (canonical body and hash computed beforehand), same
 * batch size, same durability, into a fresh database holding the same warm-up rows.
 */
async function insertDirectly(http: HttpRound): Promise<number> {
  const receivedAt = new Date().toISOString();
  const rows = http.records.map((r) => toRow(r, receivedAt));
  const direct = await createBenchDb(cli.db);
  const db = direct.open();
  try {
    await insertRows(
      db,
      http.warmUp.map((r) => toRow(r, receivedAt)),
      MAX_PUSH_RECORDS,
    );
    const t0 = performance.now();
    await insertRows(db, rows, MAX_PUSH_RECORDS);
    return performance.now() - t0;
  } finally {
    await db.close();
    await direct.dispose();
  }
}

try {
  // Rounds alternate HTTP and direct, so both see the same disk: fsync time on a shared
  // virtual disk drifts by tens of percent within a minute, and it is most of the direct time.
  const httpRounds: HttpRound[] = [];
  const directRuns: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const http = await pushOverHttp(round);
    httpRounds.push(http);
    directRuns.push(await insertDirectly(http));
  }
  const httpRuns = httpRounds.map((r) => r.ms);
  const httpMs = median(httpRuns);
  const directMs = median(directRuns);
  const latencies = httpRounds.flatMap((r) => r.latencies);
  const maxRssKb = Math.max(...httpRounds.map((r) => r.maxRssKb));
  const first = httpRounds[0];
  if (first === undefined) throw new Error('no round ran');
  const { records, bodies } = first;
  const roundRatios = httpRuns.map((ms, i) => (ms / (directRuns[i] ?? Number.NaN)).toFixed(2));

  out.metrics.push(
    {
      id: `${idPrefix}.http`,
      label: `Push ${total.toLocaleString('en')} records over HTTP, batches of 100${tag}`,
      value: httpMs,
      unit: 'ms',
      detail: `median of ${rounds} rounds (${httpRuns.map((x) => x.toFixed(0)).join(', ')} ms), each a fresh server after ${warmUpCount.toLocaleString('en')} warm-up records; ${Math.round(records.length / (httpMs / 1000))} records/s; one batch after the other; per-batch latency p50 ${summarize(latencies).p50} ms, p99 ${summarize(latencies).p99} ms`,
    },
    {
      id: `${idPrefix}.direct`,
      label: `Same rows inserted straight with Kysely, 100 per transaction${tag}`,
      value: directMs,
      unit: 'ms',
      detail: `median of ${rounds} runs (${directRuns.map((x) => x.toFixed(0)).join(', ')} ms), each a fresh database after the same ${warmUpCount.toLocaleString('en')} warm-up rows, run right after its HTTP round`,
    },
    {
      id: `${idPrefix}.ratio`,
      label: `Push over HTTP / direct insert${tag}`,
      value: httpMs / directMs,
      unit: 'x',
      target: { op: '<=', value: 3 },
      detail: `ratio of the medians; per round ${roundRatios.join(', ')}`,
    },
    {
      id: `${idPrefix}.server-cpu`,
      label: `Server CPU time for the push (user + system)${tag}`,
      value: median(httpRounds.map((r) => r.cpuMs)),
      unit: 'ms',
      detail: `median of ${rounds} rounds (${httpRounds.map((r) => r.cpuMs.toFixed(0)).join(', ')} ms); of which user ${httpRounds.map((r) => r.userMs.toFixed(0)).join(', ')} ms, garbage collection ${httpRounds.map((r) => r.gcMs.toFixed(0)).join(', ')} ms; less disturbed by other load than wall time`,
    },
    {
      id: `${idPrefix}.server-max-rss`,
      label: `Server peak RSS during the push${tag}`,
      value: maxRssKb / 1024,
      unit: 'MiB',
      detail: 'largest of the rounds',
    },
  );
  // Where the server's time goes: the push stages run alone in this process on the same records.
  const stages = await measureStages(cli.db, records, bodies);
  out.extra.stagesMs = stages;
  out.metrics.push({
    id: `${idPrefix}.stages`,
    label: `  of which: validation / canonical+hash / insert+commit${tag}`,
    value: stages.validate + stages.hash + stages.insert,
    unit: 'ms',
    detail: `validateIncomingRecord ${stages.validate.toFixed(0)} ms, contentHash ${stages.hash.toFixed(0)} ms, JSON.parse of bodies ${stages.parseBodies.toFixed(0)} ms, the server's multi-row INSERT ... RETURNING (store-record.ts), one 100-record transaction each, ${stages.insert.toFixed(0)} ms (each stage alone, in the bench process)`,
  });
  out.extra.pushLatencyMs = summarize(latencies);
  out.extra.recordsPushed = records.length;
  out.extra.bytesPushed = bodies.reduce((s, b) => s + b.length, 0);
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
finish(out, cli);
