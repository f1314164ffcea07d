/**
 * Security headers, CORS and rate limits.
 *
 * CSP: everything from this origin only. A Vite build emits external module scripts and CSS
 * files (no inline script), vite-plugin-pwa registers its service worker from a file, React
 * sets styles through the CSSOM (not blocked by style-src), so no 'unsafe-inline' is needed.
 * img-src allows data: for small inlined icons. No upgrade-insecure-requests and no HSTS: on a
 * clinic LAN the server may be reached over plain http (put TLS in front of it for tablets; a
 * service worker needs a secure context anywhere but localhost).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  workerSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  manifestSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export type RateLimitSetting = false | { readonly max: number; readonly timeWindowMs: number };

/** Per client IP. 50 tablets syncing every few seconds stay far below it; a script loop does not. */
export const DEFAULT_RATE_LIMIT: RateLimitSetting = { max: 1200, timeWindowMs: 60_000 };
/** Enrollment codes are guessable only by brute force; this makes brute force pointless. */
export const ENROLL_RATE_LIMIT = { max: 10, timeWindow: 60_000 };
export const ADMIN_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * The headers helmet sets, computed once at start. helmet itself, not @fastify/helmet: that
 * plugin (13.2) builds a new helmet middleware on every request, parsing the CSP each time
 * (about 40 µs per request, a tenth of a tablet's small sync request, bench/server/tablets.ts).
 * Our headers do not depend on the request (no nonces), so one run on a stand-in response
 * collects them all.
 */
export function securityHeaders(): ReadonlyMap<string, string> {
  const headers = new Map<string, string>();
  const collector = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  const applyHelmet = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
  });
  applyHelmet({} as IncomingMessage, collector as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined && error !== null)
      throw new Error('helmet refused its options', { cause: error });
  });
  if (!headers.has('content-security-policy')) throw new Error('helmet set no CSP');
  return headers;
}

export async function registerSecurity(
  app: FastifyInstance,
  options: { readonly corsOrigins: readonly string[]; readonly rateLimit: RateLimitSetting },
): Promise<void> {
  const headers = [...securityHeaders()];
  // On the raw response, as @fastify/helmet did: kept on every answer, errors and 404s included.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  if (options.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    });
  }
  if (options.rateLimit !== false) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: options.rateLimit.max,
      timeWindow: options.rateLimit.timeWindowMs,
    });
  }
}
