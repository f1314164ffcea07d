/** What the bench server process (serve.ts) and the benchmarks that drive it share. */
import type { DbLocation } from './database.ts';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** The staff the record factory names (builders.ts): author, double-checker, anesthesiologist. */
export const BENCH_STAFF = [
  { staffId: 'nurse-1', displayName: 'Bench nurse 1', role: 'nurse' },
  { staffId: 'nurse-2', displayName: 'Bench nurse 2', role: 'nurse' },
  { staffId: 'dr-anesth', displayName: 'Bench anesthesiologist', role: 'anesthesiologist' },
] as const;

export type ServeConfig = { readonly location: DbLocation; readonly devices: number };
export type Tablet = { readonly deviceId: string; readonly token: string };
export type ServerStats = {
  /** process.resourceUsage().maxRSS: the RSS high-water mark, KiB. */
  readonly maxRssKb: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** CPU time the server process has used so far (user + system), ms: load-independent work. */
  readonly cpuMs: number;
  /** Of `cpuMs`, user time (JavaScript, SQLite's own work), ms. */
  readonly userMs: number;
  /** Time spent in garbage collection so far, ms. */
  readonly gcMs: number;
};
export type ToParent =
  | {
      readonly type: 'ready';
      readonly port: number;
      readonly tablets: Tablet[];
      readonly stats: ServerStats;
    }
  | ({ readonly type: 'stats' } & ServerStats);
export type ToChild = { readonly type: 'stats' } | { readonly type: 'close' };
