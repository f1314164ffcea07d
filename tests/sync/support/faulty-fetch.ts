/**
 * A fetch that misbehaves on purpose, between the sync client and the real server:
 * - `drop-request`: the request never reaches the server (network error).
 * - `drop-response`: the server handles (and commits) it, the answer is lost (network error).
 * - `duplicate`: the request is delivered twice at the same time; one answer comes back.
 * - `restart-before`: the server is down when the request arrives (real connection refused),
 *    then comes back; `restart-after`: it restarts after answering, before the next request.
 * Every fault is counted, so a test can check that the faults it asked for really happened.
 */
import { requestUrl } from '../../support/request-url.ts';
export type Fault =
  'pass' | 'drop-request' | 'drop-response' | 'duplicate' | 'restart-before' | 'restart-after';

export type Call = { readonly n: number; readonly method: string; readonly path: string };

export type FaultyFetch = {
  readonly fetch: typeof fetch;
  readonly counts: Record<Fault, number>;
  /** Everything passes through / nothing does (a tablet without network). */
  offline: boolean;
};

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const networkError = () => new TypeError('fetch failed (injected)');

export function faultyFetch(
  decide: (call: Call) => Fault,
  hooks: {
    readonly restart?: () => Promise<void>;
    readonly stop?: () => Promise<void>;
    readonly start?: () => Promise<void>;
    readonly random?: () => number;
  } = {},
  inner: typeof fetch = globalThis.fetch,
): FaultyFetch {
  let n = 0;
  const counts: Record<Fault, number> = {
    pass: 0,
    'drop-request': 0,
    'drop-response': 0,
    duplicate: 0,
    'restart-before': 0,
    'restart-after': 0,
  };
  const wrapper: FaultyFetch = {
    counts,
    offline: false,
    fetch: async (input, init) => {
      if (wrapper.offline) throw networkError();
      n += 1;
      const url = new URL(requestUrl(input));
      const fault = decide({ n, method: init?.method ?? 'GET', path: url.pathname });
      counts[fault] += 1;
      switch (fault) {
        case 'pass':
          return inner(input, init);
        case 'drop-request':
          throw networkError();
        case 'drop-response': {
          const response = await inner(input, init);
          await response.arrayBuffer(); // the server finished: it committed
          throw networkError();
        }
        case 'duplicate': {
          const both = await Promise.all([inner(input, init), inner(input, init)]);
          const chosen = (hooks.random?.() ?? 0.5) < 0.5 ? 0 : 1;
          await both[1 - chosen]?.arrayBuffer();
          return both[chosen];
        }
        case 'restart-before': {
          await hooks.stop?.();
          try {
            return await inner(input, init); // connection refused: a real network error
          } finally {
            await hooks.start?.();
          }
        }
        case 'restart-after': {
          const response = await inner(input, init);
          const body = await response.arrayBuffer();
          await hooks.restart?.();
          return new Response(body, { status: response.status, headers: response.headers });
        }
      }
    },
  };
  return wrapper;
}
