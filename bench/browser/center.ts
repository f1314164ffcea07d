/**
 * Benchmark (issue 5): the center's views in real Chromium (Debian's, via playwright-core), on a
 * tablet whose IndexedDB (on disk) holds a 10-year center (generateCenter, 500 patients), served
 * by the real center server from a fresh production build, at 1024x768.
 *
 * 1. Registry: from the hash change to '#/center/registry' until Table I is rendered. That is
 *    the whole path a person waits for: the registry cache and whatever it lacks read from
 *    IndexedDB (src/db/registry-rows.ts), the report computed and rendered. Reported:
 *    - the first opening on an empty cache (a new tablet or a new app build: every patient's
 *      entry computed from the records and stored);
 *    - reopening while the app runs, median of 5, each with the screen left in between;
 *    - the first opening after the app starts again (target <= 1 s);
 *    - the same after 10 patients got a new record (written as a sync pull leaves them:
 *      records plus their stale registry rows), so 10 entries are recomputed.
 *    Broken down: the raw IndexedDB read of every record in the page, and computeRegistry on the
 *    same records in Node.
 * 2. Patient history: from the hash change to '#/patients/<id>/history' until the sessions
 *    table shows its rows (every session; of a long course, the latest ones: long-course.ts)
 *    and each of the four charts (pain, the latest session's three vitals) is drawn or, when
 *    below the first screen, waits until it scrolls near (uplot-chart.tsx). Reported beside
 *    it: how many charts the opening drew, "Show all N sessions" until every row is shown,
 *    and scrolling to the last chart until it is drawn. Six typical patients (around the
 *    median record count) and the six with the most records, the first of each six as
 *    warm-up; median of 5. Each is opened three times (src/db/course-bundles.ts): without a
 *    usable course bundle (read from the records, and the bundle stored when left), from that
 *    bundle (the usual case), and right after a new session (its records in the bundle's
 *    tail). Measured after the background warm-up has made the bundles the bulk load left
 *    stale. Target <= 100 ms.
 * 3. Exports: from the hash change to '#/center/exports' until the CSV files are listed with
 *    their row counts; the longest main-thread task meanwhile and the JS heap after. No target.
 *
 *   npx tsx bench/browser/center.ts [--quick] [--dist <built app dir>] [--out file.json]
 *
 * --quick: a 100-patient center. BENCH_PATIENTS=n: another size. BENCH_PARTS=history (or
 * registry, exports, or a comma-separated list): only those parts. BENCH_CPU_PROFILE=dir or
 * BENCH_TRACE=dir: CPU profiles or
 * performance traces of the history openings (the second ones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PER_SESSION_BULK_KINDS } from '../../src/db/course-bundles.ts';
import { generateCenter } from '../../src/domain/demo/index.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { computeRegistry } from '../../src/domain/registry/index.ts';
import {
  LONG_COURSE,
  RECENT_SESSIONS,
  rowsShownAtFirst,
} from '../../src/features/patient-history/long-course.ts';
import { firstRunSetup } from '../../tests/e2e/support/unlock.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { median } from '../lib/stats.ts';
import {
  cliValue,
  leaveForStaffList,
  putRows,
  recordsByPatient,
  reloadApp,
  startBenchApp,
  storeCenter,
  timeNavigation,
  type BenchApp,
} from './support.ts';

const cli = readCli();
const out = createOutput('center-browser');
const distArg = cliValue('--dist');
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? (cli.quick ? 100 : 500));
const RUNS = 5;
const DOCTOR = { name: 'Dr. Bench Maes', id: 'bench.maes', role: 'Anesthesiologist' } as const;

/** Leaves the current screen, so the next opening starts from nothing. */
const leave = (page: Page) => leaveForStaffList(page, DOCTOR.name);

/** Reads every record of the tablet's database in the page, as one getAll; ms. */
function rawReadMs(page: Page): Promise<{ ms: number; count: number }> {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; count: number }>((done, reject) => {
        const t0 = performance.now();
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result.transaction(['records']).objectStore('records').getAll();
          all.onsuccess = () => {
            open.result.close();
            done({ ms: performance.now() - t0, count: all.result.length });
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
  );
}

/**
 * Restarts the app on a light screen: reloaded on the registry, the app would compute the
 * registry during the reload, before the timed opening.
 */
async function restartApp(page: Page): Promise<void> {
  await leave(page);
  await reloadApp(page, DOCTOR.name);
}

/** Opens the registry from a light screen; ms until Table I is rendered. */
async function openRegistry(page: Page): Promise<number> {
  await leave(page);
  return timeNavigation(page, '#/center/registry', {
    selector: 'table.registry-table-one tbody tr',
    count: 2,
  });
}

/**
 * A new outcome answer for each of `count` patients, stored as a sync pull leaves it: the
 * record and its patient's registry row marked stale (src/db/registry-rows.ts).
 */
async function answerForPatients(page: Page, records: readonly ClinicalRecord[], count: number) {
  const answers = new Map<string, ClinicalRecord>();
  for (const r of records)
    if (r.kind === 'outcome-answer' && r.patientId !== null) answers.set(r.patientId, r);
  const added = [...answers.values()].slice(0, count).map((r, i) => ({
    ...r,
    id: `019f0000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
  }));
  await putRows(page, 'records', added);
  await putRows(
    page,
    'registryRows',
    added.map((r) => ({ patientId: r.patientId, state: 'stale', staleBy: r.id })),
  );
}

/**
 * Gives every fresh registry row another build id, as the rows of the previous app version look
 * to a new one. Returns how many rows were changed.
 */
function markRowsFromPreviousBuild(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, reject) => {
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['registryRows'], 'readwrite');
          const store = tx.objectStore('registryRows');
          const all = store.getAll();
          let changed = 0;
          all.onsuccess = () => {
            for (const row of all.result as { state: string }[]) {
              if (row.state !== 'fresh') continue;
              store.put({ ...row, buildId: 'previous-build' });
              changed += 1;
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            done(changed);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

/** Rows in the registry cache now: fresh, and other (stale, or of another build). */
function rowStates(page: Page): Promise<{ fresh: number; other: number }> {
  return page.evaluate(
    () =>
      new Promise<{ fresh: number; other: number }>((done, reject) => {
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result
            .transaction(['registryRows'])
            .objectStore('registryRows')
            .getAll();
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as { state: string }[];
            const fresh = rows.filter((r) => r.state === 'fresh').length;
            done({ fresh, other: rows.length - fresh });
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
  );
}

type TimedRead = { readonly ms: number; readonly count: number };

/**
 * What a registry opening reads besides the records of stale patients, each read alone in the
 * page right after a restart (src/db/registry-rows.ts readCache): the cached rows, every
 * correction (the supersedes index) and every entered-in-error marker.
 */
function cacheReads(
  page: Page,
): Promise<{ rows: TimedRead; corrections: TimedRead; markers: TimedRead }> {
  return page.evaluate(
    () =>
      new Promise<{ rows: TimedRead; corrections: TimedRead; markers: TimedRead }>(
        (done, reject) => {
          const open = indexedDB.open('kit-bedside');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const db = open.result;
            const timed = (request: () => IDBRequest<unknown[]>) =>
              new Promise<TimedRead>((ok, fail) => {
                const t0 = performance.now();
                const r = request();
                r.onsuccess = () => ok({ ms: performance.now() - t0, count: r.result.length });
                r.onerror = () => fail(new Error(String(r.error)));
              });
            const store = (name: string) => db.transaction([name]).objectStore(name);
            void (async () => {
              const rows = await timed(() => store('registryRows').getAll());
              const corrections = await timed(() =>
                store('records').index('supersedes.recordId').getAll(),
              );
              const markers = await timed(() =>
                store('records').index('kind').getAll('entered-in-error'),
              );
              db.close();
              done({ rows, corrections, markers });
            })().catch(reject);
          };
        },
      ),
  );
}

type WarmUp = { readonly passMs: number; readonly pending: number; readonly stepsMs: number[] };

/**
 * Waits for the app's background registry warm-up (src/app/registry-warm-up.ts) to finish a
 * pass that had work, and returns its User Timing measures.
 */
async function waitForWarmUp(page: Page): Promise<WarmUp> {
  await page.waitForFunction(
    () =>
      performance
        .getEntriesByName('kit.registry-warm-up.pass')
        .some((e) => ((e as PerformanceMeasure).detail as { pending: number }).pending > 0),
    null,
    { timeout: 300_000, polling: 250 },
  );
  return page.evaluate(() => {
    const pass = performance
      .getEntriesByName('kit.registry-warm-up.pass')
      .find((e) => ((e as PerformanceMeasure).detail as { pending: number }).pending > 0);
    return {
      passMs: pass?.duration ?? 0,
      pending: ((pass as PerformanceMeasure | undefined)?.detail as { pending: number }).pending,
      stepsMs: performance.getEntriesByName('kit.registry-warm-up.step').map((e) => e.duration),
    };
  });
}

async function benchRegistry(page: Page, records: readonly ClinicalRecord[], label: string) {
  // Right after the app started on a new tablet: the warm-up may have begun (3 s after start).
  const beforeCold = await rowStates(page);
  const cold = await openRegistry(page);
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) again.push(await openRegistry(page));
  await restartApp(page);
  const firstReads = await cacheReads(page);
  await restartApp(page);
  const first = await openRegistry(page);
  await answerForPatients(page, records, 10);
  await restartApp(page);
  const beforeChanged = await rowStates(page);
  const changed = await openRegistry(page);
  // An app update: every entry was computed by the previous build. The app warms the cache in
  // the background after it starts; the registry is opened once that is done.
  const previous = await markRowsFromPreviousBuild(page);
  await restartApp(page);
  const warmUp = await waitForWarmUp(page);
  const afterUpdate = await openRegistry(page);
  const reads: number[] = [];
  for (let run = 0; run < 3; run++) reads.push((await rawReadMs(page)).ms);
  const computes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const report = computeRegistry(records, {
      asOf: '2026-12-01T00:00:00.000Z',
      population: 'synthetic',
    });
    computes.push(performance.now() - t0);
    if (!report.ok) out.errors.push(`computeRegistry: ${report.error.message}`);
  }
  out.metrics.push(
    {
      id: 'center.registry.open-first',
      label: `Open the registry, first time after the app starts (${label})`,
      value: first,
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail:
        'hash change to Table I rendered: every patient entry from the registry cache in IndexedDB on disk, the report computed and shown',
    },
    {
      id: 'center.registry.open-first-reads',
      label:
        '  of which reading the cache rows / every correction / every marker (after a restart)',
      value: firstReads.rows.ms + firstReads.corrections.ms + firstReads.markers.ms,
      unit: 'ms',
      detail: `each read alone right after a restart: ${firstReads.rows.count} rows ${firstReads.rows.ms.toFixed(0)} ms, ${firstReads.corrections.count} corrections ${firstReads.corrections.ms.toFixed(0)} ms, ${firstReads.markers.count} markers ${firstReads.markers.ms.toFixed(0)} ms`,
    },
    {
      id: 'center.registry.open-first-changed',
      label: '  the same after 10 patients got a new record',
      value: changed,
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail: `their entries computed from their records, the others from the cache; at the opening ${beforeChanged.other} were still to compute (the background warm-up starts 3 s after the app)`,
    },
    {
      id: 'center.registry.open-after-update',
      label: 'Open the registry after an app update, once the background warm-up has run',
      value: afterUpdate,
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail: `all ${previous} entries were computed by the previous build; the app recomputed them in the background after it started`,
    },
    {
      id: 'center.registry.warm-up',
      label: '  the background warm-up after the update: whole pass',
      value: warmUp.passMs,
      unit: 'ms',
      detail: `${warmUp.pending} entries in ${warmUp.stepsMs.length} steps of one patient, a pause between steps; a step took median ${median(warmUp.stepsMs).toFixed(0)} ms`,
    },
    {
      id: 'center.registry.warm-up-step-max',
      label: '  its longest step (the longest a bedside save waits behind it)',
      value: Math.max(...warmUp.stepsMs),
      unit: 'ms',
      detail: "one read transaction of a patient's registry records and one write of the entry",
    },
    {
      id: 'center.registry.open',
      label: 'Open the registry again while the app runs',
      value: median(again),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail: `median of ${again.length} (${again.map((x) => x.toFixed(0)).join(', ')} ms)`,
    },
    {
      id: 'center.registry.open-cold',
      label: 'Open the registry on an empty cache (new tablet or new app build, once)',
      value: cold,
      unit: 'ms',
      detail: `every registry record read from IndexedDB, every patient entry computed and stored; opened right after the app started (${beforeCold.fresh} entries were already warmed in the background)`,
    },
    {
      id: 'center.registry.read',
      label: '  of which reading every record from IndexedDB (one getAll)',
      value: median(reads),
      unit: 'ms',
      detail: `median of 3 in the page (${reads.map((x) => x.toFixed(0)).join(', ')} ms)`,
    },
    {
      id: 'center.registry.compute',
      label: '  and computeRegistry on the same records (Node)',
      value: median(computes),
      unit: 'ms',
      detail: `median of 3 (${computes.map((x) => x.toFixed(0)).join(', ')} ms)`,
    },
  );
  out.extra.registry = {
    cold,
    again,
    first,
    firstReads,
    changed,
    afterUpdate,
    warmUp,
    reads,
    computes,
  };
}

type PatientSize = {
  readonly patientId: string;
  readonly records: number;
  readonly sessions: number;
};

/** Every patient with their record and session counts, most records first. */
function patientSizes(records: readonly ClinicalRecord[]): PatientSize[] {
  const count = new Map<string, number>();
  const sessions = new Map<string, number>();
  for (const r of records) {
    if (r.patientId === null) continue;
    count.set(r.patientId, (count.get(r.patientId) ?? 0) + 1);
    if (r.kind === 'session') sessions.set(r.patientId, (sessions.get(r.patientId) ?? 0) + 1);
  }
  return [...count]
    .sort((a, b) => b[1] - a[1])
    .map(([patientId, n]) => ({ patientId, records: n, sessions: sessions.get(patientId) ?? 0 }));
}

/**
 * BENCH_CPU_PROFILE=dir: the renderer's CPU profile (sampled every 100 us) of what runs
 * between start and stop, written to dir/<name>.cpuprofile (open it in Chrome's DevTools).
 */
async function startCpuProfile(page: Page, dir: string | undefined, name: string) {
  if (dir === undefined) return { stop: () => Promise.resolve() };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

/**
 * BENCH_TRACE=dir: a Chromium performance trace (what the DevTools Performance panel records:
 * scripts, style, layout, paint, IndexedDB) of what runs between start and stop, written to
 * dir/<name>.json (load it in the Performance panel).
 */
async function startTrace(page: Page, dir: string | undefined, name: string) {
  if (dir === undefined) return { stop: () => Promise.resolve() };
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
      await cdp.detach();
    },
  };
}

/**
 * The state a history finds the patient's course bundle in (src/db/course-bundles.ts):
 * - 'fresh': as the opening before stored it, or the warm-up merged it;
 * - 'changed': the latest session recorded since the bundle was last merged (its records in
 *   the bundle's tail), as for the patient just treated, until the next warm-up pass;
 * - 'unbundled': stale (a new tablet's first sync, or one that brought many sessions): read
 *   from the records, and stored when the history is left.
 */
type BundleState = 'fresh' | 'changed' | 'unbundled';

/** Puts the patient's bundle into `state` (for 'fresh', the one an opening stored stays). */
async function prepareBundle(
  page: Page,
  byPatient: ReadonlyMap<string, readonly ClinicalRecord[]>,
  patientId: string,
  state: BundleState,
) {
  if (state === 'fresh') return;
  if (state === 'unbundled') {
    await putRows(page, 'courseHeads', [{ patientId, state: 'stale', staleBy: 'bench' }]);
    return;
  }
  const bundled = (byPatient.get(patientId) ?? []).filter(
    (r) => !PER_SESSION_BULK_KINDS.has(r.kind),
  );
  const latest = bundled
    .filter((r) => r.kind === 'session')
    .reduce<ClinicalRecord | null>((a, r) => (a && a.clinicalTime > r.clinicalTime ? a : r), null);
  const isTail = (r: ClinicalRecord) => latest !== null && r.sessionId === latest.id;
  await putRows(page, 'courseBodies', [
    { patientId, records: bundled.filter((r) => !isTail(r) && r.id !== latest?.id) },
  ]);
  const tail = bundled.filter((r) => isTail(r) || r.id === latest?.id).map((r) => r.id);
  await putRows(page, 'courseHeads', [{ patientId, state: 'tailed', tail }]);
}

type Openings = {
  /** Per measured patient: hash change to the first screen complete, ms. */
  readonly ms: number[];
  /** Per measured patient: how many of the four charts that opening drew. */
  readonly chartsDrawn: number[];
  /** Per measured patient: scrolling to the last chart until it is drawn, ms. */
  readonly scrollDrawMs: number[];
  /** Per measured long course: "Show all N sessions" until every row is shown, ms. */
  readonly showAllMs: number[];
};

/** Clicks "Show all N sessions"; ms until the table has `rows` rows. */
function showAllSessions(page: Page, rows: number): Promise<number> {
  return page.evaluate(
    (rows) =>
      new Promise<number>((done, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) =>
          /^Show all \d+ sessions$/.test(b.textContent ?? ''),
        );
        if (button === undefined) return reject(new Error('no "Show all" button'));
        const selector = 'section[aria-labelledby="history-sessions"] tbody tr';
        const t0 = performance.now();
        button.click();
        const poll = () => {
          if (document.querySelectorAll(selector).length >= rows) done(performance.now() - t0);
          else if (performance.now() - t0 > 10_000) reject(new Error('rows not shown in 10 s'));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    rows,
  );
}

/** Scrolls the history's last chart into view; ms until it is drawn. */
function scrollToLastChart(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, reject) => {
        const last = [...document.querySelectorAll<HTMLElement>('.history-chart')].at(-1);
        if (last === undefined) return reject(new Error('no chart on the history'));
        const t0 = performance.now();
        last.scrollIntoView({ block: 'center' });
        const poll = () => {
          if (last.dataset.chart === 'drawn') done(performance.now() - t0);
          else if (performance.now() - t0 > 10_000) reject(new Error('chart not drawn in 10 s'));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
  );
}

/**
 * Opens each patient's history once (the first as warm-up). Opened = the session rows shown
 * at first (a long course's latest ones, long-course.ts) and each of the four charts (pain, and the latest session's three vitals) either drawn or,
 * below the first screen, known to wait until it scrolls near (uplot-chart.tsx).
 */
async function openHistories(
  page: Page,
  byPatient: ReadonlyMap<string, readonly ClinicalRecord[]>,
  patients: readonly PatientSize[],
  state: BundleState,
): Promise<Openings> {
  const openings: Openings = { ms: [], chartsDrawn: [], scrollDrawMs: [], showAllMs: [] };
  for (const [i, p] of patients.entries()) {
    await leave(page);
    await prepareBundle(page, byPatient, p.patientId, state);
    const ms = await timeNavigation(
      page,
      `#/patients/${p.patientId}/history`,
      {
        selector: 'section[aria-labelledby="history-sessions"] tbody tr',
        count: rowsShownAtFirst(p.sessions),
      },
      { selector: '.history-chart', count: 4 },
      { selector: '.history-chart:not([data-chart])', count: 0, none: true },
    );
    if (i === 0) continue; // the first also loads the chart code
    openings.ms.push(ms);
    openings.chartsDrawn.push(
      await page.evaluate(() => document.querySelectorAll('[data-chart="drawn"]').length),
    );
    if (rowsShownAtFirst(p.sessions) < p.sessions)
      openings.showAllMs.push(await showAllSessions(page, p.sessions));
    openings.scrollDrawMs.push(await scrollToLastChart(page));
  }
  return openings;
}

/**
 * Waits until a background warm-up pass has refreshed the course bundles it found stale;
 * that pass's duration and its steps' (each one patient's bundle read from the records and
 * stored: the longest a bedside save waits behind it), ms.
 */
async function waitForBundleWarmUp(page: Page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('kit.course-bundle-warm-up.pass').length > 0,
    null,
    { timeout: 300_000, polling: 250 },
  );
  return page.evaluate(() => {
    const [pass] = performance.getEntriesByName('kit.course-bundle-warm-up.pass');
    return {
      passMs: pass?.duration ?? 0,
      detail: (pass as PerformanceMeasure | undefined)?.detail as { pending: number },
      stepsMs: performance
        .getEntriesByName('kit.course-bundle-warm-up.step')
        .map((e) => e.duration),
    };
  });
}

async function benchHistory(page: Page, records: readonly ClinicalRecord[]) {
  // After the bulk load every bundle is stale: the openings are measured once the background
  // warm-up has refreshed them, as on a tablet that has run a few minutes (the first openings
  // below mark their own patient's bundle stale again).
  const warmUp = await waitForBundleWarmUp(page);
  const steps = [...warmUp.stepsMs].sort((a, b) => a - b);
  const at = (q: number) => steps[Math.min(steps.length - 1, Math.floor(q * steps.length))] ?? 0;
  out.metrics.push({
    id: 'center.history.bundle-warm-up-step-p99',
    label: `  the background warm-up of the course bundles the bulk load left stale: its steps, p99`,
    value: at(0.99),
    unit: 'ms',
    // The pass overlaps the registry part's own reads in the same tab (every record, once):
    // a step's wall time then includes waiting for the page's main thread.
    detail: `pass of ${warmUp.detail.pending} patients in ${Math.round(warmUp.passMs)} ms (20 ms pauses included); steps median ${at(0.5).toFixed(1)}, p95 ${at(0.95).toFixed(1)}, longest ${(steps.at(-1) ?? 0).toFixed(1)} ms (may overlap the registry part's read of every record)`,
  });
  const sizes = patientSizes(records).filter((p) => p.sessions > 0);
  const byPatient = recordsByPatient(records);
  const middle = Math.floor(sizes.length / 2);
  const groups = [
    {
      id: 'center.history.open',
      label: 'typical courses',
      patients: sizes.slice(middle - 3, middle + 3),
    },
    {
      id: 'center.history.open-heaviest',
      label: 'the heaviest courses',
      patients: sizes.slice(0, RUNS + 1),
    },
  ];
  const extra: Record<string, unknown> = {};
  for (const group of groups) {
    const measured = group.patients.slice(1);
    const span = `${Math.min(...measured.map((p) => p.sessions))}-${Math.max(...measured.map((p) => p.sessions))} sessions, ${Math.min(...measured.map((p) => p.records))}-${Math.max(...measured.map((p) => p.records))} records`;
    // First openings read each course from the records (no usable bundle); the bundle is
    // stored when the history is left, and the second openings read it. Then the latest
    // session is put in the bundle's tail, as it is right after the session.
    const unbundled = await openHistories(page, byPatient, group.patients, 'unbundled');
    const profile = await startCpuProfile(page, process.env.BENCH_CPU_PROFILE, group.id);
    const trace = await startTrace(page, process.env.BENCH_TRACE, group.id);
    const again = await openHistories(page, byPatient, group.patients, 'fresh');
    await trace.stop();
    await profile.stop();
    const changed = await openHistories(page, byPatient, group.patients, 'changed');
    const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    const opened = (o: Openings) =>
      `${o.ms.length} patients each opened after one warm-up patient: ${list(o.ms)} ms; charts drawn at opening ${o.chartsDrawn.join(', ')} of 4;${o.showAllMs.length > 0 ? ` "Show all N sessions" until every row is shown ${list(o.showAllMs)} ms;` : ''} then the last chart drawn ${list(o.scrollDrawMs)} ms after scrolling to it`;
    out.metrics.push(
      {
        id: group.id,
        label: `Open a patient history (${group.label}: ${span})`,
        value: median(again.ms),
        unit: 'ms',
        target: { op: '<=', value: 100 },
        detail: `hash change to the session rows shown (a course of ${LONG_COURSE} or more: its latest ${RECENT_SESSIONS}) and the charts on the first screen drawn (the others wait until they scroll near), the course read from its bundle; ${opened(again)}`,
      },
      {
        id: `${group.id}-changed`,
        label: `The same, right after a new session (its records in the bundle's tail)`,
        value: median(changed.ms),
        unit: 'ms',
        target: { op: '<=', value: 100 },
        detail: opened(changed),
      },
      {
        id: `${group.id}-unbundled`,
        label: `The same without a usable bundle (a new tablet's first sync): read from the records`,
        value: median(unbundled.ms),
        unit: 'ms',
        detail: opened(unbundled),
      },
    );
    extra[group.id] = { unbundled, again, changed, patients: group.patients };
  }
  out.extra.history = extra;
}

/**
 * Exports: from the hash change until the three CSV files are listed with their row counts
 * (every record of the tablet read once and the CSV files made, exports-screen.tsx); the
 * longest main-thread task meanwhile (the screen cannot answer a touch during it) and the
 * page's JS heap afterwards. Median of 3, each after leaving the screen.
 */
async function benchExports(page: Page) {
  const runs: { ms: number; longestTaskMs: number; heapMiB: number }[] = [];
  for (let run = 0; run < 3; run++) {
    await leave(page);
    await page.evaluate(() => {
      const w = window as unknown as { benchLongTasks: number[] };
      w.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.benchLongTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const ms = await timeNavigation(page, '#/center/exports', {
      selector: '.exports-file',
      count: 3,
    });
    const after = await page.evaluate(() => ({
      longestTaskMs: Math.max(
        0,
        ...(window as unknown as { benchLongTasks: number[] }).benchLongTasks,
      ),
      heapMiB:
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0) /
        2 ** 20,
    }));
    runs.push({ ms, ...after });
  }
  const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  out.metrics.push(
    {
      id: 'center.exports.open',
      label: 'Open Exports (every record read, the CSV files made)',
      value: median(runs.map((r) => r.ms)),
      unit: 'ms',
      detail: `median of 3 (${list(runs.map((r) => r.ms))} ms); hash change to the three CSV files listed with their row counts`,
    },
    {
      id: 'center.exports.longest-task',
      label: '  the longest main-thread task meanwhile (no touch answered)',
      value: median(runs.map((r) => r.longestTaskMs)),
      unit: 'ms',
      detail: `per run ${list(runs.map((r) => r.longestTaskMs))} ms; JS heap afterwards ${list(runs.map((r) => r.heapMiB))} MiB`,
    },
  );
}

let app: BenchApp | null = null;
try {
  const generated = generateCenter({ patients: PATIENTS, years: 10, seed: 1 });
  if (!generated.ok) throw new Error(generated.error.message);
  const { records, counts } = generated.value;
  const label = `${counts.patients} patients, ${counts.sessions.toLocaleString('en')} sessions, ${counts.records.toLocaleString('en')} records, 10 years`;
  app = await startBenchApp(distArg);
  const page = await app.newTablet();
  await page.goto(`${app.url}/`);
  await firstRunSetup(page, [DOCTOR]);
  const seedMs = await storeCenter(page, records);
  await page.goto(`${app.url}/#/staff`);
  await reloadApp(page, DOCTOR.name);
  const only = process.env.BENCH_PARTS?.split(',');
  const parts = {
    registry: () => benchRegistry(page, records, label),
    history: () => benchHistory(page, records),
    exports: () => benchExports(page),
  };
  for (const [name, part] of Object.entries(parts)) {
    if (only !== undefined && !only.includes(name)) continue;
    try {
      await part();
    } catch (error) {
      out.errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  out.extra.center = { ...counts, seedMs: Math.round(seedMs) };
} catch (error) {
  out.errors.push(error instanceof Error ? error.message : String(error));
} finally {
  await app?.close();
}
finish(out, cli);
