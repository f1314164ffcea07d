/**
 * Logger settings. Logs carry request ids and routes, never bodies, query strings, headers or
 * anything a patient could be identified by: records are never logged, only counts and record
 * ids (random UUIDs). Redaction below is a second line of defence for a careless log call.
 */
import { randomUUID } from 'node:crypto';
import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type LoggerSetting =
  false | { readonly level?: string; readonly stream?: NodeJS.WritableStream };

export const REDACTED_PATHS = [
  'req.headers',
  'req.body',
  'body',
  'records',
  'record',
  'payload',
  'token',
  '*.token',
  '*.patientId',
  '*.patient_id',
  '*.authorization',
];

function pathOnly(url: string): string {
  const question = url.indexOf('?');
  return question === -1 ? url : url.slice(0, question);
}

export function loggerOptions(setting: LoggerSetting) {
  if (setting === false) return false;
  return {
    level: setting.level ?? 'info',
    ...(setting.stream === undefined ? {} : { stream: setting.stream }),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: Pick<FastifyRequest, 'method' | 'url' | 'ip'>) => ({
        method: request.method,
        url: pathOnly(request.url),
        remoteAddress: request.ip,
      }),
      res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
    },
  };
}

/** Random request ids; an incoming X-Request-Id is not trusted (it would let clients forge log lines). */
export const generateRequestId = (): string => randomUUID();

/**
 * One log line per request, written when the answer is sent: method, route without the query
 * string, status, response time, request id, and what the route added with `logDetail` (a
 * push's counts, why a request was refused). Fastify's default wrote two lines per request
 * ("incoming request", then "request completed"), and formatting and writing log lines was
 * about a tenth of the server's CPU when 50 tablets synced at once (bench/server/tablets.ts).
 * Fastify's other log lines (a response stream that failed, and so on) are unchanged.
 */
const details = new WeakMap<FastifyRequest, Record<string, unknown>>();

/** Adds fields (counts, codes, ids; never record contents) to this request's log line. */
export function logDetail(request: FastifyRequest, fields: Record<string, unknown>): void {
  details.set(request, { ...details.get(request), ...fields });
}

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
      ...details.get(request),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
