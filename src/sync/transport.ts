/**
 * HTTP to the center server, reduced to the few outcomes the sync logic acts on. Every answer
 * is checked against the wire schemas (wire.ts) before it is believed: a captive portal's
 * "200 OK" login page must never mark a record as synced.
 */
import type { z } from 'zod';
import {
  DEFAULT_PULL_LIMIT,
  SYNC_PROTOCOL_VERSION,
  errorResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushResponse,
} from './wire.ts';

export type Timers = {
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
};

export const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How long one request may take before it counts as lost (a half-open connection hangs forever). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export type Failure =
  | { readonly kind: 'too-large' }
  | { readonly kind: 'auth'; readonly status: number; readonly detail: string }
  | {
      readonly kind: 'retryable';
      readonly code: 'offline' | 'server-unavailable' | 'unreadable-answer' | 'server-refused';
      readonly detail: string;
    };

export type Outcome<T> = { readonly kind: 'ok'; readonly body: T } | Failure;

/** Observed server time of an answer, for the clock-skew warning. */
export type ServerTimeSample = {
  readonly serverTime: string;
  readonly sentAtMs: number;
  readonly receivedAtMs: number;
};

export type TransportOptions = {
  readonly fetch: typeof fetch;
  /** '' for the same origin, else e.g. `https://center.example` (no trailing slash needed). */
  readonly baseUrl: string;
  readonly deviceId: string;
  readonly token: string;
  readonly nowMs: () => number;
  readonly timers: Timers;
  readonly timeoutMs: number;
  readonly onServerTime: (sample: ServerTimeSample) => void;
};

export type Transport = {
  push(records: readonly unknown[]): Promise<Outcome<PushResponse>>;
  pull(cursor: number, limit?: number): Promise<Outcome<PullResponse>>;
};

export const joinUrl = (baseUrl: string, path: string): string =>
  `${baseUrl.trim().replace(/\/+$/, '')}${path}`;

function serverMessage(json: unknown): string | null {
  const parsed = errorResponseSchema.safeParse(json);
  return parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : null;
}

function serverTimeOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('serverTime' in json)) return null;
  return typeof json.serverTime === 'string' && !Number.isNaN(Date.parse(json.serverTime))
    ? json.serverTime
    : null;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function classify(status: number, json: unknown): Failure {
  const detail = serverMessage(json) ?? `HTTP ${status}`;
  if (status === 413) return { kind: 'too-large' };
  if (status === 401 || status === 403) return { kind: 'auth', status, detail };
  if (status >= 500 || status === 429 || status === 408)
    return { kind: 'retryable', code: 'server-unavailable', detail };
  return { kind: 'retryable', code: 'server-refused', detail };
}

export function createTransport(options: TransportOptions): Transport {
  async function send<T>(
    path: string,
    init: RequestInit,
    schema: z.ZodType<T>,
  ): Promise<Outcome<T>> {
    const controller = new AbortController();
    const timer = options.timers.setTimeout(() => controller.abort(), options.timeoutMs);
    const sentAtMs = options.nowMs();
    let response: Response;
    let json: unknown;
    try {
      response = await options.fetch(joinUrl(options.baseUrl, path), {
        ...init,
        signal: controller.signal,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          accept: 'application/json',
          // The token goes only into this header: never into a URL, a log or an error detail.
          authorization: `Bearer ${options.token}`,
        },
        cache: 'no-store',
      });
      json = await readJson(response);
    } catch (error) {
      const timedOut = controller.signal.aborted;
      return timedOut
        ? { kind: 'retryable', code: 'server-unavailable', detail: 'the request timed out' }
        : {
            kind: 'retryable',
            code: 'offline',
            detail: error instanceof Error ? error.message : 'network error',
          };
    } finally {
      options.timers.clearTimeout(timer);
    }
    const serverTime = serverTimeOf(json);
    if (serverTime !== null)
      options.onServerTime({ serverTime, sentAtMs, receivedAtMs: options.nowMs() });
    if (!response.ok) return classify(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        kind: 'retryable',
        code: 'unreadable-answer',
        detail: `HTTP ${response.status} from ${path} is not a sync answer`,
      };
    }
    return { kind: 'ok', body: parsed.data };
  }

  return {
    push: (records) =>
      send(
        '/api/sync/push',
        {
          method: 'POST',
          body: JSON.stringify({
            protocolVersion: SYNC_PROTOCOL_VERSION,
            deviceId: options.deviceId,
            records,
          }),
        },
        pushResponseSchema,
      ),
    pull: (cursor, limit = DEFAULT_PULL_LIMIT) =>
      send(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, { method: 'GET' }, pullResponseSchema),
  };
}
