/**
 * What the browser benchmarks share: building the app, the real center server serving it,
 * tablets in Debian's Chromium (playwright-core), and filling a tablet's IndexedDB with a
 * generated center the way a sync pull would leave it.
 *
 * Tablets are persistent browser profiles in a temp folder, so IndexedDB lives on disk as on a
 * real tablet. An incognito context keeps IndexedDB in memory, and Chromium's in-memory
 * backend slows down as it grows (20,000 puts: 7.9 s, then 15 s, then 22 s here, against a
 * steady 3.8 s on disk), which is neither a tablet nor a fair measurement.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import type { PatientIndexRow } from '../../src/db/database.ts';
import { patientIndexRowFrom } from '../../src/db/patient-index.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { isLocked, unlockAs } from '../../tests/e2e/support/unlock.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const vite = join(root, 'node_modules', '.bin', 'vite');

/** Runs a command to completion, rejecting with its output on a non-zero exit. */
function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? done() : reject(new Error(`${cmd} exited ${code}: ${log.slice(-2000)}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

/** The real center server (as scripts/serve-e2e.mjs starts it), serving `distDir`. */
async function startServer(distDir: string, dataDir: string) {
  const port = await freePort();
  const child = spawn(tsx, ['server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    const up = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    if (Date.now() > deadline) throw new Error('server not up within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM'); // by its own id only
  });
}

export type BenchApp = {
  readonly url: string;
  /** A new tablet: its own on-disk browser profile, 1024x768. */
  newTablet(): Promise<Page>;
  close(): Promise<void>;
};

/** The value after `--name` on the command line (e.g. `--dist dir`), or null. */
export function cliValue(name: string): string | null {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(name);
  return at < 0 ? null : (argv[at + 1] ?? null);
}

/**
 * Builds the app into a temp folder (or uses `distDir`), starts the center server on it and
 * returns tablets to open. close() ends the browsers and the server and removes the folders.
 */
export async function startBenchApp(
  distDir: string | null,
  /** Fills the server's data folder before it starts (bench/browser/first-sync.ts). */
  seed?: (dataDir: string) => Promise<void>,
): Promise<BenchApp> {
  const scratch = mkdtempSync(join(tmpdir(), 'kit-bench-browser-'));
  const contexts: BrowserContext[] = [];
  let server: ChildProcess | null = null;
  const close = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    if (server) await stopServer(server);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const dist = distDir ? resolve(distDir) : join(scratch, 'dist');
    if (!distDir)
      await run(vite, ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn']);
    mkdirSync(join(scratch, 'data'));
    if (seed) await seed(join(scratch, 'data'));
    const started = await startServer(dist, join(scratch, 'data'));
    server = started.child;
    return {
      url: started.url,
      async newTablet() {
        const context = await chromium.launchPersistentContext(
          mkdtempSync(join(scratch, 'tablet-')),
          {
            executablePath: findChromium(),
            args: CHROMIUM_ARGS,
            baseURL: started.url,
            viewport: { width: 1024, height: 768 },
          },
        );
        contexts.push(context);
        // tsx (esbuild keepNames) wraps named functions in `__name(...)`, also inside page.evaluate.
        await context.addInitScript('globalThis.__name = (f) => f;');
        return context.pages()[0] ?? context.newPage();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The records filed under each patient (center-level records left out), in their order. */
export function recordsByPatient(
  records: readonly ClinicalRecord[],
): Map<string, ClinicalRecord[]> {
  const byPatient = new Map<string, ClinicalRecord[]>();
  for (const r of records) {
    if (r.patientId === null) continue;
    const list = byPatient.get(r.patientId) ?? [];
    list.push(r);
    byPatient.set(r.patientId, list);
  }
  return byPatient;
}

/** One patientIndex row per patient, computed by the app's own patientIndexRowFrom. */
function indexRows(records: readonly ClinicalRecord[]): PatientIndexRow[] {
  return [...recordsByPatient(records)].map(([patientId, list]) =>
    patientIndexRowFrom(patientId, list),
  );
}

/** Puts rows into one object store of the tablet's database 'kit-bedside', in one transaction. */
export function putRows(
  page: Page,
  store: 'records' | 'patientIndex' | 'registryRows' | 'courseHeads' | 'courseBodies',
  rows: readonly unknown[],
) {
  return page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((done, reject) => {
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction([store], 'readwrite');
          for (const r of rows) tx.objectStore(store).put(r);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { store, rows },
  );
}

/** Rows in one object store of the tablet's database 'kit-bedside', counted without the app. */
export function countRows(page: Page, store: 'records' | 'patientIndex' | 'registryRows') {
  return page.evaluate(
    (store) =>
      new Promise<number>((done, reject) => {
        const open = indexedDB.open('kit-bedside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const count = open.result.transaction([store]).objectStore(store).count();
          count.onsuccess = () => {
            open.result.close();
            done(count.result);
          };
          count.onerror = () => reject(new Error(String(count.error)));
        };
      }),
    store,
  );
}

/**
 * Stores a generated center in the page's IndexedDB as a sync pull leaves it (records, and the
 * patient list rows the app computes in the same transaction). Returns the time it took, ms.
 */
export async function storeCenter(page: Page, records: readonly ClinicalRecord[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += 5_000) {
    await putRows(page, 'records', records.slice(i, i + 5_000));
    if ((i / 5_000) % 10 === 9)
      process.stderr.write(
        `  ${i + 5_000}/${records.length} records stored (${Math.round(performance.now() - t0)} ms)\n`,
      );
  }
  await putRows(page, 'patientIndex', indexRows(records));
  const ms = performance.now() - t0;
  process.stderr.write(`  ${records.length} records stored in ${Math.round(ms)} ms\n`);
  return ms;
}

/** Reloads after a bulk load and waits for the app, unlocking as `staffName` when locked. */
export async function reloadApp(page: Page, staffName: string): Promise<void> {
  await page.reload();
  // Right after a bulk load, Chromium's IndexedDB is slow to answer for a while.
  await expect(
    page
      .getByRole('dialog', { name: 'Tablet locked' })
      .or(page.getByRole('button', { name: 'Switch user / Lock' })),
  ).toBeVisible({ timeout: 300_000 });
  if (await isLocked(page)) await unlockAs(page, staffName);
}

/** Leaves the current screen for a light one (the staff list), unlocking as `staffName`. */
export async function leaveForStaffList(page: Page, staffName: string): Promise<void> {
  if (await isLocked(page)) await unlockAs(page, staffName);
  await page.evaluate(() => (window.location.hash = '#/staff'));
  // Generous: right after a bulk load, Chromium's IndexedDB compacts its files for a while.
  await expect(page.getByRole('heading', { name: 'Staff on this tablet' })).toBeVisible({
    timeout: 120_000,
  });
}

/** Ready when at least `count` elements match `selector` (and, with `text`, one contains it). */
export type ReadyWhen = {
  readonly selector: string;
  /** At least this many match (ignored with `none`). */
  readonly count: number;
  readonly text?: string;
  /** Ready when nothing matches `selector` (e.g. an element not yet in its final state). */
  readonly none?: boolean;
};

/**
 * Times, in the page, from setting `hash` until every `ready` condition holds (checked on every
 * DOM change and animation frame). Rejects after 60 s.
 */
export function timeNavigation(
  page: Page,
  hash: string,
  ...ready: readonly ReadyWhen[]
): Promise<number> {
  return page.evaluate(
    ({ hash, ready }) =>
      new Promise<number>((done, reject) => {
        const isReady = () =>
          ready.every(({ selector, count, text, none }) => {
            const found = [...document.querySelectorAll(selector)];
            if (none === true) return found.length === 0;
            if (found.length < count) return false;
            return text === undefined || found.some((e) => e.textContent?.includes(text));
          });
        let settled = false;
        const t0 = performance.now();
        const timer = setTimeout(() => {
          settled = true;
          observer.disconnect();
          reject(new Error(`${hash} not ready in 60 s`));
        }, 60_000);
        const finish = () => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          clearTimeout(timer);
          done(performance.now() - t0);
        };
        const poll = () => {
          if (settled) return;
          if (isReady()) finish();
          else requestAnimationFrame(poll);
        };
        const observer = new MutationObserver(() => {
          if (!settled && isReady()) finish();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        window.location.hash = hash;
        requestAnimationFrame(poll);
      }),
    { hash, ready },
  );
}
