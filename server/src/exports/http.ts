/**
 * How an export leaves the server: as a download (Content-Disposition attachment with a dated
 * file name, like the tablet's), never cached (the files hold patient data), gzip-compressed
 * when the client accepts it (a center FHIR bundle is mostly repeated keys: 110 MB of JSON
 * for the 74-patient demo shrinks to a few MB; `curl --compressed`).
 */
import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DATA_CHOICES, type DataChoice } from './population.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const FHIR_TYPE = 'application/fhir+json; charset=utf-8';

const dataSchema = z.enum(DATA_CHOICES, {
  error: 'must be real or synthetic (demo patients); leave it out for real patients',
});

/** `?data=real|synthetic` (default real); unknown parameters are refused (typos show). */
export const exportQuerySchema = z.object({ data: dataSchema.default('real') }).strict();

/** The registry's query: `data` and an optional period (dates checked by the domain). */
export const registryQuerySchema = z
  .object({
    data: dataSchema.default('real'),
    from: z.string().max(40, 'must be a date YYYY-MM-DD').optional(),
    to: z.string().max(40, 'must be a date YYYY-MM-DD').optional(),
  })
  .strict();

/** '' for real patients, 'synthetic-' otherwise: a demo file never looks like a clinical one. */
export const populationTag = (data: DataChoice): string => (data === 'real' ? '' : `${data}-`);

/** Only characters that are safe in a header and in any file system. */
export const safeFileNamePart = (text: string): string =>
  text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64);

/** True when Accept-Encoding lists gzip (or *) without q=0. */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export type Download = {
  readonly type: string;
  readonly fileName: string;
  readonly body: string | Readable;
  /** Extra headers, e.g. row counts. */
  readonly headers?: Readonly<Record<string, string>>;
};

/** Sends `download` as an attachment, gzip when accepted. */
export function sendDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  download: Download,
): FastifyReply {
  reply
    .type(download.type)
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header('cache-control', 'no-store')
    .header('vary', 'accept-encoding')
    .headers(download.headers ?? {});
  if (!acceptsGzip(request)) return reply.send(download.body);
  const source = typeof download.body === 'string' ? Readable.from([download.body]) : download.body;
  reply.header('content-encoding', 'gzip');
  const gzip = pipeline(source, createGzip(), (error) => {
    // The status line is already sent: the client sees a cut-off download, the log says why.
    if (error) request.log.warn({ code: 'export-stream-failed' }, 'export stream failed');
  });
  return reply.send(gzip);
}
