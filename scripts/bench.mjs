// `npm run bench`: runs every benchmark in its own Node process (tsx, so the TypeScript sources
// run as they are), one after the other so they do not compete for the 2 cores, then prints one
// table and writes bench-results/latest.json (git-ignored).
//
//   node scripts/bench.mjs [--quick] [--only name[,name]] [--with-tablets] [--list]
//
// Each benchmark writes its metrics to a JSON file (bench/lib/metrics.ts) that this runner
// reads; a benchmark that crashes or reports errors is shown as FAILED and the exit code is 1.
// A target missed is shown as MISS but does not fail the run: on a shared machine the numbers
// are noisy, and a miss is information for a person, not a verdict.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const withTablets = argv.includes('--with-tablets');
const onlyAt = argv.indexOf('--only');
const only = onlyAt === -1 ? null : new Set((argv[onlyAt + 1] ?? '').split(','));
const postgres = Boolean(process.env.TEST_DATABASE_URL);

/** Debian's chromium for the browser benchmark, or null (never downloaded). */
const chromiumPath = (() => {
  try {
    return findChromium();
  } catch {
    return null;
  }
})();

/** name, file, extra arguments, node flags, when to run, why skipped, own timeout. */
const BENCHMARKS = [
  { name: 'server-push', file: 'bench/server/push.ts', args: ['--db', 'sqlite'] },
  // 20,000 records (the pull benchmark's --quick size): enough for a stable rate, ~20 s.
  { name: 'server-pull', file: 'bench/server/pull.ts', args: ['--db', 'sqlite', '--quick'] },
  {
    name: 'server-push-pg',
    file: 'bench/server/push.ts',
    args: ['--db', 'postgres'],
    when: postgres,
  },
  {
    name: 'server-pull-pg',
    file: 'bench/server/pull.ts',
    args: ['--db', 'postgres', '--quick'],
    when: postgres,
  },
  {
    name: 'server-tablets',
    file: 'bench/server/tablets.ts',
    args: ['--db', 'sqlite', '--quick'],
    when: withTablets,
  },
  { name: 'domain', file: 'bench/domain/domain.ts', args: [] },
  { name: 'tablet-storage', file: 'bench/tablet/storage.ts', args: [] },
  { name: 'memory', file: 'bench/memory/memory.ts', args: [], flags: ['--expose-gc'] },
  {
    // Builds the app, starts the real server, drives Chromium: a few minutes, hence its timeout.
    name: 'bedside-browser',
    file: 'bench/browser/bedside.ts',
    // --quick (50 saves, 100 patients); run the file without --quick for the full size.
    args: ['--quick'],
    when: chromiumPath !== null,
    skipped:
      'bedside-browser skipped: no Chromium found (apt-get install -y chromium, or set CHROME_PATH).',
    timeoutMs: 900_000,
  },
  {
    // Registry and patient histories in Chromium on a 100-patient center (--quick; the full
    // 500-patient center: npx tsx bench/browser/center.ts).
    name: 'center-browser',
    file: 'bench/browser/center.ts',
    args: ['--quick'],
    when: chromiumPath !== null,
    skipped:
      'center-browser skipped: no Chromium found (apt-get install -y chromium, or set CHROME_PATH).',
    timeoutMs: 900_000,
  },
  {
    // A new tablet enrolled into a center with 20,000 records (--quick; the file alone: 100,000)
    // pulls them all through its own sync client.
    name: 'first-sync-browser',
    file: 'bench/browser/first-sync.ts',
    args: ['--quick'],
    when: chromiumPath !== null,
    skipped:
      'first-sync-browser skipped: no Chromium found (apt-get install -y chromium, or set CHROME_PATH).',
    timeoutMs: 900_000,
  },
];

if (argv.includes('--list')) {
  for (const b of BENCHMARKS) console.log(`${b.name.padEnd(16)} ${b.file} ${b.args.join(' ')}`);
  process.exit(0);
}

const TIMEOUT_MS = 180_000;
const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const scratch = mkdtempSync(join(tmpdir(), 'kit-bench-results-'));

/** Runs one benchmark; resolves to its output (or a failure output). Never rejects. */
function runOne(bench) {
  const outFile = join(scratch, `${bench.name}.json`);
  const args = [...(bench.flags ?? []), bench.file, ...bench.args, '--out', outFile];
  if (quick && !args.includes('--quick')) args.push('--quick');
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(tsx, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    // Ends only the process this runner started, by its id.
    const timeoutMs = bench.timeoutMs ?? TIMEOUT_MS;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let output;
      try {
        output = JSON.parse(readFileSync(outFile, 'utf8'));
      } catch {
        output = null;
      }
      const errors = [...(output?.errors ?? [])];
      if (code !== 0) errors.push(`exited with ${signal ?? `code ${code}`}`);
      if (signal === 'SIGKILL') errors.push(`killed after ${timeoutMs / 1000} s`);
      if (output === null) errors.push('wrote no results');
      done({
        name: bench.name,
        file: bench.file,
        args: bench.args,
        wallMs,
        metrics: output?.metrics ?? [],
        extra: output?.extra ?? {},
        errors,
      });
    });
  });
}

function formatValue(value) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 0.1) return value.toFixed(2);
  return value.toFixed(3);
}

function verdict(metric) {
  if (!metric.target) return '';
  const { op, value } = metric.target;
  return (op === '<' ? metric.value < value : metric.value <= value) ? 'PASS' : 'MISS';
}

function printTable(results) {
  const rows = [];
  for (const r of results) {
    rows.push({ section: `${r.name} (${(r.wallMs / 1000).toFixed(0)} s)` });
    for (const m of r.metrics) {
      rows.push({
        label: m.label,
        value: `${formatValue(m.value)} ${m.unit}`,
        target: m.target ? `${m.target.op} ${m.target.value} ${m.unit}` : '',
        status: verdict(m),
      });
    }
    for (const e of r.errors)
      rows.push({ label: `ERROR ${e.split('\n')[0]}`, value: '', target: '', status: 'FAIL' });
  }
  const width = (key) => Math.max(...rows.map((row) => (row[key] ?? '').length), key.length);
  const w = { label: Math.min(width('label'), 84), value: width('value'), target: width('target') };
  const line = (l, v, t, s) =>
    `  ${l.slice(0, w.label).padEnd(w.label)}  ${v.padStart(w.value)}  ${t.padEnd(w.target)}  ${s}`;
  console.log(`\n${line('metric', 'value', 'target', 'status')}`);
  console.log(`  ${'-'.repeat(w.label + w.value + w.target + 12)}`);
  for (const row of rows) {
    if (row.section) console.log(`${row.section}`);
    else console.log(line(row.label, row.value, row.target, row.status));
  }
  console.log('\nHow each number was measured:');
  for (const r of results)
    for (const m of r.metrics) if (m.detail) console.log(`  ${m.id}: ${m.detail}`);
}

const startedAt = new Date().toISOString();
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};
const wanted = BENCHMARKS.filter((b) => only === null || only.has(b.name));
const selected = wanted.filter((b) => b.when ?? true);
for (const b of wanted) if (!(b.when ?? true) && b.skipped) console.log(b.skipped);
console.log(
  `KIT benchmarks${quick ? ' (quick)' : ''}: ${selected.map((b) => b.name).join(', ')}\n` +
    `Node ${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(' / ')}` +
    (postgres ? '' : '\nPostgreSQL skipped: set TEST_DATABASE_URL to include it.'),
);
const results = [];
try {
  for (const bench of selected) {
    console.log(`\n▶ ${bench.name}: ${bench.file} ${bench.args.join(' ')}`);
    results.push(await runOne(bench));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
printTable(results);

const failed = results.filter((r) => r.errors.length > 0);
const report = {
  startedAt,
  finishedAt: new Date().toISOString(),
  quick,
  machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
  note: 'Wall-clock timings on a shared machine: compare runs on the same machine and load only.',
  benchmarks: results,
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `\nWritten bench-results/latest.json (${((Date.parse(report.finishedAt) - Date.parse(startedAt)) / 1000).toFixed(0)} s in all).` +
    (failed.length > 0 ? `\nFAILED: ${failed.map((r) => r.name).join(', ')}` : ''),
);
process.exit(failed.length > 0 ? 1 : 0);
