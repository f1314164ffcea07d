/**
 * A lean HTTP/1.1 client for the load generator (node:http with keep-alive), so the client
 * spends as little of the 2 cores as possible and the numbers are mostly the server's.
 * Latency = request written to last byte of the answer read.
 *
 * `keep: 'tail'` keeps only the answer's last bytes (a pull's cursor and hasMore): decoding and
 * copying every 350 kB pull page into a string cost the load generator more CPU than the server
 * spent answering (bench/server/tablets.ts, 2.2 s against 1.9 s), on the same 2 cores. A real
 * tablet parses on its own CPU.
 */
import { Agent, request } from 'node:http';

export type HttpAnswer = {
  readonly status: number;
  /** The whole answer, or with `keep: 'tail'` its last TAIL_BYTES bytes only. */
  readonly body: string;
  readonly bytes: number;
  readonly ms: number;
};

const TAIL_BYTES = 160;

export type HttpClient = {
  send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: string,
    keep?: 'all' | 'tail',
  ): Promise<HttpAnswer>;
  close(): void;
};

export function createHttpClient(port: number): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  return {
    send(method, path, headers, body, keep = 'all') {
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: {
              ...headers,
              ...(body === undefined
                ? {}
                : {
                    'content-type': 'application/json',
                    'content-length': Buffer.byteLength(body),
                  }),
            },
          },
          (res) => {
            let chunks: Buffer[] = [];
            let bytes = 0;
            let kept = 0;
            res.on('data', (c: Buffer) => {
              bytes += c.length;
              kept += c.length;
              chunks.push(c);
              // Drop whole chunks that the tail no longer needs.
              while (keep === 'tail' && chunks.length > 1 && kept - chunks[0]!.length >= TAIL_BYTES)
                kept -= chunks.shift()!.length;
            });
            res.on('end', () => {
              const all = Buffer.concat(chunks);
              chunks = [];
              resolve({
                status: res.statusCode ?? 0,
                body: (keep === 'tail' ? all.subarray(-TAIL_BYTES) : all).toString('utf8'),
                bytes,
                ms: performance.now() - t0,
              });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
