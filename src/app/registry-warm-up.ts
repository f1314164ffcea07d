/**
 * Fills the registry cache in the background (src/db/registry-rows.ts planRegistryWarmUp), so
 * the registry opens from stored entries even right after an app update (every entry was
 * computed by the previous build) or after a sync brought many patients' records. Without it
 * the first opening computed every entry while the person waited: 4.4 s on a 10-year center
 * (bench/browser/center.ts).
 *
 * Bedside work comes first: one patient per step, each step one short read transaction and one
 * small write, with a pause between steps, so a save waits at most one step (4 patients per
 * step made the longest step 184 ms on the 100-patient bench center, longer than a vital sign's
 * save is allowed to take). One tab warms
 * at a time (Web Locks), and nothing is warmed while a registry report is on screen (it
 * computes what it lacks itself). A failed pass is simply tried again later: the cache only
 * saves work, a report never depends on it.
 *
 * After the registry entries, the same pass brings the patients' course bundles up to date
 * (src/db/course-bundles.ts: a new record's tail merged into the body, a stale bundle read from
 * the records), one patient per step. A registry report opened during these steps does
 * not stop them (they write no registry entry); one open before them ends the pass earlier.
 *
 * Each step and pass is a User Timing measure ('kit.registry-warm-up.step' / '.pass', and
 * 'kit.course-bundle-warm-up.step' / '.pass'), which the benchmark reads.
 */
import { BUILD_ID } from '../db/build-id.ts';
import { courseBundlesToRefresh, refreshCourseBundle } from '../db/course-bundles.ts';
import type { KitDatabase } from '../db/database.ts';
import { isRegistryWarmUpHeld, planRegistryWarmUp } from '../db/registry-rows.ts';
import { defaultLockManager, withSyncLock, type LockManagerLike } from '../sync/sync-lock.ts';
import { defaultTimers, type Timers } from '../sync/transport.ts';

export type RegistryWarmUpOptions = {
  readonly db: KitDatabase;
  /** The report time of a pass (the registry's own clock), ISO instant. */
  readonly nowIso: () => string;
  readonly buildId?: string;
  readonly timers?: Timers;
  /** Web Locks manager; default navigator.locks, null = in-process lock. */
  readonly locks?: LockManagerLike | null;
  /** First pass after start: the app's own start-up reads go first. */
  readonly startDelayMs?: number;
  /** Later passes (each finds what writes and syncs have made stale since). */
  readonly everyMs?: number;
  readonly patientsPerStep?: number;
  /** Between steps, so bedside saves and rendering get the database and the CPU. */
  readonly pauseMs?: number;
};

export type WarmUpPass =
  | {
      readonly kind: 'done';
      readonly pending: number;
      readonly stored: number;
      /** Course bundles refreshed. */
      readonly bundles: number;
    }
  | { readonly kind: 'interrupted'; readonly pending: number; readonly stored: number }
  | { readonly kind: 'held' | 'busy' | 'stopped' };

export type RegistryWarmUp = {
  /** One pass now (tests; the schedule runs them by itself). */
  runPass(): Promise<WarmUpPass>;
  stop(): void;
};

const DEFAULTS = { startDelayMs: 3_000, everyMs: 120_000, patientsPerStep: 1, pauseMs: 20 };

/** `performance.measure` where User Timing exists; never fails the warm-up. */
function measure(name: string, start: number, detail?: unknown): void {
  try {
    globalThis.performance?.measure(name, { start, detail });
  } catch {
    // Timing is for the benchmark only.
  }
}

export function startRegistryWarmUp(options: RegistryWarmUpOptions): RegistryWarmUp {
  const { db, nowIso } = options;
  const buildId = options.buildId ?? BUILD_ID;
  const timers = options.timers ?? defaultTimers;
  const locks = options.locks === undefined ? defaultLockManager() : options.locks;
  const { startDelayMs, everyMs, patientsPerStep, pauseMs } = { ...DEFAULTS, ...options };
  let stopped = false;
  let timer: unknown = null;
  // A pause that stop() ends at once, so a stopped pass never keeps the lock.
  let endPause: (() => void) | null = null;
  const pause = () =>
    new Promise<void>((resolve) => {
      const handle = timers.setTimeout(() => {
        endPause = null;
        resolve();
      }, pauseMs);
      endPause = () => {
        timers.clearTimeout(handle);
        endPause = null;
        resolve();
      };
    });

  async function warm(): Promise<WarmUpPass> {
    const started = performance.now();
    const plan = await planRegistryWarmUp(db, nowIso(), buildId);
    let stored = 0;
    for (let i = 0; i < plan.pending.length; i += patientsPerStep) {
      if (stopped || isRegistryWarmUpHeld(db))
        return { kind: 'interrupted', pending: plan.pending.length, stored };
      const t0 = performance.now();
      stored += await plan.step(plan.pending.slice(i, i + patientsPerStep));
      measure('kit.registry-warm-up.step', t0);
      await pause();
    }
    measure('kit.registry-warm-up.pass', started, { pending: plan.pending.length, stored });
    let bundles = 0;
    const bundlesStarted = performance.now();
    const stale = await courseBundlesToRefresh(db);
    for (const patientId of stale) {
      if (stopped) return { kind: 'interrupted', pending: plan.pending.length, stored };
      const t0 = performance.now();
      if (await refreshCourseBundle(db, patientId)) bundles += 1;
      measure('kit.course-bundle-warm-up.step', t0);
      await pause();
    }
    measure('kit.course-bundle-warm-up.pass', bundlesStarted, { pending: stale.length, bundles });
    return { kind: 'done', pending: plan.pending.length, stored, bundles };
  }

  async function runPass(): Promise<WarmUpPass> {
    if (stopped) return { kind: 'stopped' };
    if (isRegistryWarmUpHeld(db)) return { kind: 'held' };
    const outcome = await withSyncLock(locks, 'kit.registry-warm-up', warm);
    return outcome.acquired ? outcome.value : { kind: 'busy' };
  }

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = timers.setTimeout(() => {
      runPass().then(
        () => schedule(everyMs),
        // Storage closed or full: the registry computes what it needs; try again later.
        () => schedule(everyMs),
      );
    }, ms);
  };
  schedule(startDelayMs);

  return {
    runPass,
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      endPause?.();
    },
  };
}
