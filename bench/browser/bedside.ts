/**
 * Benchmark (issue 3): the bedside app in real Chromium (Debian's, via playwright-core), served
 * by the real center server from a fresh production build, at tablet size 1024x768.
 *
 * 1. Save a vital: a nurse reaches a running infusion through the UI (the e2e journey helpers),
 *    then saves 200 observations. Each is timed in the page, from the click on "Save vitals"
 *    (a capture-phase listener, so before React sees it) to the moment the new observation's
 *    row is in the observation list, which is rendered from IndexedDB (useLiveQuery): a
 *    MutationObserver plus a requestAnimationFrame poll. Target p95 <= 50 ms.
 * 2. Open the patient list with a 10-year center (generateCenter 500 patients, ~6,000 sessions)
 *    stored in the tablet's IndexedDB as a sync pull would (records + patientIndex rows, the
 *    rows computed with the app's own effectiveRecords). Timed in the page from the hash change
 *    to '#/' to the first page of patient rows rendered; median of 5. Target <= 150 ms.
 *
 *   npx tsx bench/browser/bedside.ts [--quick] [--dist <built app dir>] [--out file.json]
 *
 * --quick: 50 saves and a 100-patient center. Without --dist the app is built into a temp dir.
 */
import type { Page } from 'playwright-core';
import { expect } from '@playwright/test';
import { generateCenter } from '../../src/domain/demo/index.ts';
import {
  choosePlanProducts,
  doubleCheck,
  enterBaseline,
  enterWeight,
  NURSE,
  registerPatient,
  setUpStaff,
  signOff,
  tickPreChecks,
  typeObservation,
  vitalsForm,
} from '../../tests/e2e/support/journey.ts';
import { firstRunSetup, isLocked, unlockAs } from '../../tests/e2e/support/unlock.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { median, summarize } from '../lib/stats.ts';
import {
  cliValue,
  leaveForStaffList,
  reloadApp,
  startBenchApp,
  storeCenter,
  timeNavigation,
  type BenchApp,
} from './support.ts';

const cli = readCli();
const out = createOutput('bedside-browser');
const argv = process.argv.slice(2);
const distArg = cliValue('--dist');
const SAVES = Number(process.env.BENCH_SAVES ?? (cli.quick ? 50 : 200));
/** --profile: a CPU profile of the page over the last 30 saves, top functions by self time. */
const PROFILE = argv.includes('--profile');
/** --only saves|list: run one part. */
const ONLY = cliValue('--only');
const PATIENTS = cli.quick ? 100 : 500;
const LIST_RUNS = 5;

const PROPOLIPID_1 = 'Propolipid 1 % (10 mg/mL)';

/** Fresh tablet to a running infusion, through the UI as a nurse does it (journey helpers). */
async function reachRunningInfusion(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await setUpStaff(page);
  await registerPatient(page, 'BENCH-0001');
  await page
    .getByRole('region', { name: 'Next session' })
    .getByRole('button', { name: 'Start session 1' })
    .click();
  await tickPreChecks(page);
  await enterWeight(page, '70');
  await enterBaseline(page, { sbp: '130', dbp: '80', hr: '72', spo2: '98', rr: '14' });
  await page
    .getByRole('region', { name: 'All pre-checks are done.' })
    .getByRole('button', { name: 'Continue to dose plan' })
    .click();
  await choosePlanProducts(page, PROPOLIPID_1);
  await page.getByRole('button', { name: 'Save dose plan' }).click();
  await expect(page.getByRole('heading', { name: /^Dose plan made at / })).toBeVisible();
  const check = await doubleCheck(page, {
    ketamine: '12,5',
    propofol: '7',
    propofolProduct: PROPOLIPID_1,
  });
  await check.getByRole('button', { name: 'Compare with the plan' }).click();
  await signOff(page);
  await page.getByRole('button', { name: 'Ready to start the infusion' }).click();
  await page
    .getByRole('region', { name: 'Pump events' })
    .getByRole('button', { name: 'Start infusion' })
    .click();
  await expect(page.getByRole('region', { name: 'Infusion clock' })).toContainText('Running');
}

type BenchWindow = { __kitSave?: Promise<number> };

/**
 * Arms the in-page clock for one save: starts at the capture-phase click on "Save vitals",
 * ends when a row with this blood pressure and heart rate is in the observation list.
 */
function armSaveTimer(page: Page, bp: string, hr: string): Promise<void> {
  return page.evaluate(
    ({ bp, hr }) => {
      const w = window as unknown as BenchWindow;
      w.__kitSave = new Promise<number>((done, reject) => {
        let t0 = -1;
        const shown = () =>
          [...document.querySelectorAll('table[aria-labelledby="obs-list-title"] tbody tr')].some(
            (tr) => tr.children[1]?.textContent === bp && tr.children[2]?.textContent === hr,
          );
        const end = () => {
          if (t0 < 0 || !shown()) return false;
          const ms = performance.now() - t0;
          observer.disconnect();
          clearTimeout(timer);
          done(ms);
          return true;
        };
        const observer = new MutationObserver(() => void end());
        const poll = () => {
          if (!end()) requestAnimationFrame(poll);
        };
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`observation ${bp} HR ${hr} not shown within 10 s`));
        }, 10_000);
        document.addEventListener(
          'click',
          (e) => {
            const button = (e.target as Element | null)?.closest('button');
            if (button?.textContent?.trim() !== 'Save vitals') return;
            t0 = performance.now();
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true,
            });
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      });
    },
    { bp, hr },
  );
}

async function benchSaves(app: BenchApp): Promise<void> {
  const { url } = app;
  const page = await app.newTablet();
  const t0 = performance.now();
  await reachRunningInfusion(page, url);
  const setupMs = performance.now() - t0;
  process.stderr.write(`  running infusion reached through the UI in ${Math.round(setupMs)} ms\n`);
  const samples: number[] = [];
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  for (let i = 0; i < SAVES; i++) {
    if (cdp && i === SAVES - 30) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (await isLocked(page)) await unlockAs(page, NURSE.name);
    // A distinct (BP, HR) pair per save, all in the normal range, so each row is recognisable.
    const v = { sbp: String(110 + (i % 30)), dbp: '70', hr: String(60 + Math.floor(i / 30)) };
    await typeObservation(page, { ...v, spo2: '97', rr: '14' }, '0 Alert and calm');
    await armSaveTimer(page, `${v.sbp}/${v.dbp}`, v.hr);
    await vitalsForm(page).getByRole('button', { name: 'Save vitals' }).click();
    samples.push(await page.evaluate(() => (window as unknown as BenchWindow).__kitSave ?? -1));
    if ((i + 1) % 50 === 0) process.stderr.write(`  ${i + 1}/${SAVES} vitals saved\n`);
  }
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
  await page.context().close();
  const s = summarize(samples);
  const detail =
    `${SAVES} observations saved in Chromium (1024x768) on a running infusion reached through the UI; ` +
    'from the capture-phase click on "Save vitals" to the row shown in the list read from IndexedDB';
  out.metrics.push(
    {
      id: 'bedside.save-vital.p50',
      label: 'Save a vital to shown, p50',
      value: s.p50,
      unit: 'ms',
      detail,
    },
    {
      id: 'bedside.save-vital.p95',
      label: 'Save a vital to shown, p95',
      value: s.p95,
      unit: 'ms',
      target: { op: '<=', value: 50 },
      detail,
    },
    { id: 'bedside.save-vital.max', label: 'Save a vital to shown, max', value: s.max, unit: 'ms' },
  );
  out.extra.saveVital = { ...s, setupThroughUiMs: Math.round(setupMs), samples };
}

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

/** Prints the 25 functions with the most self time in a CDP CPU profile. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
      : String(id);
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  process.stderr.write(`  CPU profile over the last 30 saves: ${Math.round(total)} ms sampled\n`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    process.stderr.write(`    ${ms.toFixed(1).padStart(8)} ms  ${key}\n`);
}

async function benchPatientList(app: BenchApp): Promise<void> {
  const generated = generateCenter({ patients: PATIENTS, years: 10, seed: 1 });
  if (!generated.ok) throw new Error(generated.error.message);
  const { records, counts } = generated.value;
  const page = await app.newTablet();
  await page.goto(`${app.url}/`);
  await firstRunSetup(page, [NURSE]);
  const seedMs = await storeCenter(page, records);
  await page.goto(`${app.url}/#/staff`);
  await reloadApp(page, NURSE.name);
  const firstPage = Math.min(50, counts.patients); // PAGE_SIZE of patient-list-screen.tsx
  const samples: number[] = [];
  for (let run = 0; run < LIST_RUNS + 1; run++) {
    await leaveForStaffList(page, NURSE.name);
    // Every row complete: number, facts and its course status badge.
    const ms = await timeNavigation(page, '#/', {
      selector: 'ul.patient-list > li .badge',
      count: firstPage,
    });
    if (run > 0) samples.push(ms); // the first opening warms the code up
  }
  const detail =
    `${counts.patients} patients, ${counts.sessions} sessions, ${counts.records} records in Chromium's IndexedDB (on disk); ` +
    `hash change to '#/' until ${firstPage} patient rows are rendered with their status badges; median of ${LIST_RUNS} after one warm-up`;
  out.metrics.push({
    id: 'bedside.patient-list.open',
    label: `Open the patient list (${counts.patients} patients, ${counts.sessions} sessions)`,
    value: median(samples),
    unit: 'ms',
    target: { op: '<=', value: 150 },
    detail,
  });
  out.extra.patientList = { samples, counts, seedMs: Math.round(seedMs) };
}

let app: BenchApp | null = null;
try {
  app = await startBenchApp(distArg);
  const parts = [benchSaves, benchPatientList].filter(
    (part) => ONLY === null || part.name === (ONLY === 'saves' ? 'benchSaves' : 'benchPatientList'),
  );
  for (const part of parts) {
    try {
      await part(app);
    } catch (error) {
      out.errors.push(`${part.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} catch (error) {
  out.errors.push(error instanceof Error ? error.message : String(error));
} finally {
  await app?.close();
}
finish(out, cli);
