/**
 * Serves the built PWA (`dist/`) on the API's port, with the SPA fallback: a GET for a path
 * outside /api that is not a file (no extension, e.g. /sessions/123) gets index.html so the
 * client router can handle it. A missing file with an extension (/assets/old-hash.js) stays a
 * 404, so a stale cache notices instead of executing HTML as JavaScript.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Vite puts content-hashed files under /assets: cache them for good; everything else revalidates. */
function cacheHeader(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function registerStaticApp(
  app: FastifyInstance,
  distDir: string | null,
): Promise<boolean> {
  if (distDir === null || !existsSync(join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheHeader(path));
    },
  });
  return true;
}

export function isSpaRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

export function sendSpaIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
