/**
 * Benchmark (issue 4): push 10,000 valid records to the center server over HTTP on loopback in
 * batches of 100, one batch after the other as a tablet's sync does, compared in the same run
 * with inserting the same rows straight into the same kind of database from one process
 * (Kysely, one transaction per 100 rows, the server's own pragmas: WAL, synchronous = FULL).
 *
 *   npx tsx bench/server/push.ts [--quick] [--db sqlite|postgres] [--out file.json]
 */
import { parseClinicalRecord } from '../../src/domain/records.ts';
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
const tag = cli.db === 'sqlite' ? '' : ' [postgres]';
const idPrefix = `server.push${cli.db === 'sqlite' ? '' : '.pg'}`;

const bench = await createBenchDb(cli.db);
const server = await startServerProcess(bench.location, 1);
try {
  const tablet = server.tablets[0];
  if (tablet === undefined) throw new Error('no tablet enrolled');
  const records = tabletRecords(tablet.deviceId, total, 11);
  // The factory skipped validation for speed: check a sample here so a generator bug shows as
  // an error of the benchmark, not as "invalid" answers counted against the server.
  for (const r of records.filter((_, i) => i % 97 === 0)) {
    const parsed = parseClinicalRecord(r);
    if (!parsed.ok)
      out.errors.push(`generated record invalid: ${parsed.error.field} ${parsed.error.message}`);
  }
  const bodies: string[] = [];
  for (let i = 0; i < records.length; i += MAX_PUSH_RECORDS) {
    bodies.push(
      JSON.stringify({
        protocolVersion: 1,
        deviceId: tablet.deviceId,
        records: records.slice(i, i + MAX_PUSH_RECORDS),
      }),
    );
  }

  // --- through HTTP: the whole server path (auth, envelope, per-record validation, duplicate
  // check, staff/role checks, serialized write transaction, answer).
  const http = createHttpClient(server.port);
  const headers = { authorization: `Bearer ${tablet.token}` };
  // One small warm-up push of records that are not part of the measured set would change the
  // row count; instead warm the connection and JIT with a health call.
  await http.send('GET', '/api/health', {});
  const latencies: number[] = [];
  let accepted = 0;
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
  const httpMs = performance.now() - t0;
  http.close();
  if (accepted !== records.length)
    out.errors.push(`${accepted} of ${records.length} records accepted`);
  const serverStats = await server.stats();

  // --- straight into the database: the same rows (canonical body and hash computed beforehand,
  // as rows), same batch size, same durability. Median of 3 runs, each into a fresh database.
  const receivedAt = new Date().toISOString();
  const rows = records.map((r) => toRow(r, receivedAt));
  const directRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const direct = await createBenchDb(cli.db);
    const db = direct.open();
    const d0 = performance.now();
    await insertRows(db, rows, MAX_PUSH_RECORDS);
    directRuns.push(performance.now() - d0);
    await db.close();
    await direct.dispose();
  }
  const directMs = median(directRuns);

  out.metrics.push(
    {
      id: `${idPrefix}.http`,
      label: `Push ${total.toLocaleString('en')} records over HTTP, batches of 100${tag}`,
      value: httpMs,
      unit: 'ms',
      detail: `${Math.round(records.length / (httpMs / 1000))} records/s; one batch after the other; per-batch latency p50 ${summarize(latencies).p50} ms, p99 ${summarize(latencies).p99} ms`,
    },
    {
      id: `${idPrefix}.direct`,
      label: `Same rows inserted straight with Kysely, 100 per transaction${tag}`,
      value: directMs,
      unit: 'ms',
      detail: `median of 3 runs (${directRuns.map((x) => x.toFixed(0)).join(', ')} ms), fresh database each`,
    },
    {
      id: `${idPrefix}.ratio`,
      label: `Push over HTTP / direct insert${tag}`,
      value: httpMs / directMs,
      unit: 'x',
      target: { op: '<=', value: 3 },
    },
    {
      id: `${idPrefix}.server-max-rss`,
      label: `Server peak RSS during the push${tag}`,
      value: serverStats.maxRssKb / 1024,
      unit: 'MiB',
      detail: `after start-up ${(server.startStats.rssBytes / 2 ** 20).toFixed(0)} MiB RSS`,
    },
  );
  // Where the server's time goes: the push stages run alone in this process on the same records.
  const stages = await measureStages(cli.db, records, bodies);
  out.extra.stagesMs = stages;
  out.metrics.push({
    id: `${idPrefix}.stages`,
    label: `  of which: validation / canonical+hash / row-by-row insert${tag}`,
    value: stages.validate + stages.hash + stages.insertRowByRow,
    unit: 'ms',
    detail: `validateIncomingRecord ${stages.validate.toFixed(0)} ms, contentHash ${stages.hash.toFixed(0)} ms, JSON.parse of bodies ${stages.parseBodies.toFixed(0)} ms, INSERT ... RETURNING one row at a time in 100-row transactions ${stages.insertRowByRow.toFixed(0)} ms (each stage alone, in the bench process)`,
  });
  out.extra.pushLatencyMs = summarize(latencies);
  out.extra.recordsPushed = records.length;
  out.extra.bytesPushed = bodies.reduce((s, b) => s + b.length, 0);
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await server.close();
  await bench.dispose();
}
finish(out, cli);
