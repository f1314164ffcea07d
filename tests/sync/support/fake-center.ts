/**
 * An in-memory stand-in for the center server, for fast unit tests of the sync client: the
 * same push answers (accepted / duplicate / conflict by canonical content) and cursor pages as
 * the real one, plus a hook to answer a request differently. The fault tests in tests/sync run
 * the real server instead.
 */
import { canonicalJson } from '../../../src/sync/canonical-json.ts';
import { requestUrl } from '../../support/request-url.ts';

export type FakeRequest = {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | null;
};

export type FakeCenter = {
  readonly fetch: typeof fetch;
  readonly requests: FakeRequest[];
  /** Stored records in server order. */
  readonly stored: { serverSeq: number; record: Record<string, unknown> }[];
  /** Answer a request yourself: return a Response, or undefined for the normal answer. */
  override: ((request: FakeRequest) => Response | undefined | Promise<Response | undefined>) | null;
  serverTime: string;
  /** Records in a push above this count get 413 (default 100). */
  maxBatch: number;
  /** Refuse records whose authorStaffId is in this set, as `invalid`. */
  readonly unknownStaff: Set<string>;
  token: string;
};

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createFakeCenter(options: { token?: string } = {}): FakeCenter {
  const center: FakeCenter = {
    requests: [],
    stored: [],
    override: null,
    serverTime: '2026-03-02T08:00:00.000Z',
    maxBatch: 100,
    unknownStaff: new Set(),
    token: options.token ?? 'token-0123456789abcdef0123456789abcdef',
    fetch: async (input, init) => {
      const url = new URL(requestUrl(input), 'http://center.test');
      const headers = new Headers(init?.headers);
      const request: FakeRequest = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
        authorization: headers.get('authorization'),
      };
      center.requests.push(request);
      const custom = center.override === null ? undefined : await center.override(request);
      if (custom !== undefined) return custom;
      const error = (status: number, code: string) =>
        json(status, { serverTime: center.serverTime, error: { code, message: code } });
      if (request.authorization !== `Bearer ${center.token}`) return error(401, 'unauthorized');
      if (request.path === '/api/sync/push') return push(request.body);
      if (request.path === '/api/sync/pull') return pull(request.query);
      return error(404, 'not-found');
    },
  };

  function push(body: unknown): Response {
    const records = (body as { records: Record<string, unknown>[] }).records;
    if (records.length > center.maxBatch)
      return json(413, {
        serverTime: center.serverTime,
        error: { code: 'batch-too-large', message: 'split it' },
      });
    const results = records.map((record, index) => {
      const id = String(record.id);
      const known = center.stored.find((s) => s.record.id === id);
      if (known !== undefined) {
        return canonicalJson(known.record) === canonicalJson(record)
          ? { status: 'duplicate', index, id, serverSeq: known.serverSeq }
          : {
              status: 'conflict',
              index,
              id,
              serverSeq: known.serverSeq,
              reason: `record ${id} differs`,
            };
      }
      if (center.unknownStaff.has(String(record.authorStaffId))) {
        return {
          status: 'invalid',
          index,
          id,
          field: 'authorStaffId',
          reason: `record ${id}: authorStaffId is not a staff member of this center.`,
        };
      }
      const serverSeq = center.stored.length + 1;
      center.stored.push({
        serverSeq,
        record: JSON.parse(canonicalJson(record)) as Record<string, unknown>,
      });
      return { status: 'accepted', index, id, serverSeq };
    });
    return json(200, { protocolVersion: 1, serverTime: center.serverTime, results });
  }

  function pull(query: URLSearchParams): Response {
    const cursor = Number(query.get('cursor') ?? '0');
    const limit = Number(query.get('limit') ?? '500');
    const after = center.stored.filter((s) => s.serverSeq > cursor);
    const page = after.slice(0, limit);
    return json(200, {
      protocolVersion: 1,
      serverTime: center.serverTime,
      records: page.map((s) => ({
        serverSeq: s.serverSeq,
        receivedAt: center.serverTime,
        record: s.record,
      })),
      cursor: page.at(-1)?.serverSeq ?? cursor,
      hasMore: after.length > limit,
    });
  }

  return center;
}
