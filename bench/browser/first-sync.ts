/**
 * Benchmark (issue 4): a new tablet joins a center that has run for years. It is enrolled on
 * the sync screen of the real app in Chromium (Debian's, via playwright-core) against the real
 * center server, whose database already holds the center's records (generateCenter, seeded
 * straight through SQL before the server starts). Timed: from the "Enroll this tablet" click
 * until every record is in the tablet's IndexedDB (the app's own sync client: pages of the
 * server's cursor, each validated and stored with its cursor in one transaction). Reported
 * beside it: records/s, and the longest main-thread task while it ran (does the screen still
 * answer a touch?).
 *
 *   npx tsx bench/browser/first-sync.ts [--quick] [--dist <built app dir>] [--out file.json]
 *
 * --quick: 20,000 records; without: 100,000 (about a third of the 10-year demo center).
 */
import { join } from 'node:path';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { openSqlite } from '../../server/src/db/open.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { insertRows, toRow } from '../server/database.ts';
import { centerRecords } from '../server/records.ts';
import { cliValue, countRows, startBenchApp, type BenchApp } from './support.ts';

const cli = readCli();
const out = createOutput('first-sync-browser');
const RECORDS = Number(process.env.BENCH_RECORDS ?? (cli.quick ? 20_000 : 100_000));
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** The center's records in the server's database, as years of pushes would have left them. */
async function seedServer(dataDir: string): Promise<void> {
  const db = openSqlite(join(dataDir, 'center.sqlite'));
  try {
    await migrateToLatest(db);
    const receivedAt = new Date().toISOString();
    await insertRows(
      db,
      centerRecords(RECORDS, 7).map((r) => toRow(r, receivedAt)),
      10_000,
    );
  } finally {
    await db.close();
  }
}

async function enrollmentCode(url: string): Promise<string> {
  const answer = await fetch(`${url}/api/admin/enrollment-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (answer.status !== 201) throw new Error(`enrollment code: ${answer.status}`);
  return ((await answer.json()) as { code: string }).code;
}

async function benchFirstSync(app: BenchApp): Promise<void> {
  const page = await app.newTablet();
  // Long tasks of the page's main thread, kept by the page from the start.
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (globalThis as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    // And the largest delay of a 20 ms timer: the wait a touch would have had at worst.
    const probe = { worstLagMs: 0 };
    (globalThis as unknown as { lagProbe: typeof probe }).lagProbe = probe;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      probe.worstLagMs = Math.max(probe.worstLagMs, now - last - 20);
      last = now;
    }, 20);
  });
  await page.goto(`${app.url}/#/sync`);
  await page.getByLabel('One-time code').fill(await enrollmentCode(app.url));
  await page.getByLabel('Tablet name').fill('New tablet');
  await page.evaluate(
    () => ((globalThis as unknown as { longTasks: number[] }).longTasks.length = 0),
  );
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Enroll this tablet', exact: true }).click();

  // A sync that stops (a refused page, a server error) shows as no progress for a minute.
  let stored = 0;
  let progressAt = performance.now();
  while (stored < RECORDS) {
    await page.waitForTimeout(250);
    const now = await countRows(page, 'records');
    if (now > stored) progressAt = performance.now();
    stored = now;
    if (performance.now() - progressAt > 60_000)
      throw new Error(`the pull stopped at ${stored} of ${RECORDS} records`);
  }
  const ms = performance.now() - t0;
  const longTasks = await page.evaluate(
    () => (globalThis as unknown as { longTasks: number[] }).longTasks,
  );
  const longest = Math.max(0, ...longTasks);
  const worstLag = await page.evaluate(
    () => (globalThis as unknown as { lagProbe: { worstLagMs: number } }).lagProbe.worstLagMs,
  );
  const blocked = longTasks.reduce((sum, d) => sum + d, 0);
  out.metrics.push(
    {
      id: 'tablet.first-sync.ms',
      label: `A new tablet pulls a center of ${RECORDS.toLocaleString('en')} records`,
      value: ms,
      unit: 'ms',
      detail: `from the "Enroll this tablet" click until all ${RECORDS.toLocaleString('en')} records are in IndexedDB (on disk); ${Math.round(RECORDS / (ms / 1000))} records/s; the app's own sync client, pages of its default size`,
    },
    {
      id: 'tablet.first-sync.longest-task',
      label: 'Longest main-thread task during that pull',
      value: longest,
      unit: 'ms',
      detail: `${longTasks.length} tasks over 50 ms, ${Math.round(blocked)} ms in all (${Math.round((blocked / ms) * 100)} % of the pull); a 20 ms timer was late by ${Math.round(worstLag)} ms at worst`,
    },
  );
}

let app: BenchApp | null = null;
try {
  app = await startBenchApp(cliValue('--dist'), seedServer);
  await benchFirstSync(app);
} catch (error) {
  out.errors.push(error instanceof Error ? error.message : String(error));
} finally {
  await app?.close();
}
finish(out, cli);
