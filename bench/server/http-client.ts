/**
 * A lean HTTP/1.1 client for the load generator (node:http with keep-alive), so the client
 * spends as little of the 2 cores as possible and the numbers are mostly the server's.
 * Latency = request written to last byte of the answer read.
 */
import { Agent, request } from 'node:http';

export type HttpAnswer = { readonly status: number; readonly body: string; readonly ms: number };

export type HttpClient = {
  send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpAnswer>;
  close(): void;
};

export function createHttpClient(port: number): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  return {
    send(method, path, headers, body) {
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
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                ms: performance.now() - t0,
              }),
            );
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
