/**
 * Starts bench/server/serve.ts in its own Node process (with tsx's loader and an IPC channel)
 * and talks to it: ready, memory stats, close. The process is ended by its own id only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DbLocation } from './database.ts';
import type { ServerStats, Tablet, ToChild, ToParent } from './protocol.ts';

export type ServerProcess = {
  readonly port: number;
  readonly tablets: readonly Tablet[];
  /** RSS etc. right after start-up (before any load). */
  readonly startStats: ServerStats;
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
};

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

function nextMessage(
  child: ChildProcess,
  type: ToParent['type'],
  timeoutMs: number,
): Promise<ToParent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`bench server: no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: ToParent) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bench server exited (${code}) before '${type}'`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export async function startServerProcess(
  location: DbLocation,
  devices: number,
): Promise<ServerProcess> {
  const child = fork(SERVE, [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_SERVER_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_CPU_PROF}`]
        : []),
    ],
    env: { ...process.env, BENCH_SERVER: JSON.stringify({ location, devices }) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await nextMessage(child, 'ready', 120_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  if (ready.type !== 'ready') throw new Error('unreachable');
  const send = (m: ToChild) => child.send(m);
  return {
    port: ready.port,
    tablets: ready.tablets,
    startStats: ready.stats,
    async stats() {
      const reply = nextMessage(child, 'stats', 10_000);
      send({ type: 'stats' });
      const m = await reply;
      if (m.type !== 'stats') throw new Error('unreachable');
      const { type: _type, ...stats } = m;
      return stats;
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
