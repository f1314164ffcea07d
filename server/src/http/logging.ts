/**
 * Logger settings. Logs carry request ids and routes, never bodies, query strings, headers or
 * anything a patient could be identified by: records are never logged, only counts and record
 * ids (random UUIDs). Redaction below is a second line of defence for a careless log call.
 */
import { randomUUID } from 'node:crypto';
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
