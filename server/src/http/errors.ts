/**
 * Error answers: always JSON `{ serverTime, error: { code, message, field?, requestId } }`,
 * never a stack trace. 4xx messages say what to fix; 5xx say only "internal error" plus the
 * request id to find the full error in the server log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorResponse } from '../../../src/sync/wire.ts';
import { logDetail } from './logging.ts';

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(statusCode: number, code: string, message: string, field?: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.field = field;
  }
}

export function errorBody(
  now: Date,
  requestId: string,
  code: string,
  message: string,
  field?: string,
): ErrorResponse {
  return {
    serverTime: now.toISOString(),
    error: { code, message, ...(field === undefined ? {} : { field }), requestId },
  };
}

/** Parses with a zod schema or throws a 400 naming the first offending field. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  let field = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') field = [field, issue.keys[0]].filter(Boolean).join('.');
  const message =
    issue?.code === 'unrecognized_keys'
      ? 'is not a known field'
      : (issue?.message ?? 'is not valid');
  throw new ApiError(
    400,
    'invalid-request',
    `${what}: ${field === '' ? '(body)' : field} ${message}`,
    field === '' ? '(body)' : field,
  );
}

const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-content-length',
};

const MESSAGES: Readonly<Record<string, string>> = {
  'payload-too-large': 'the request body is too large; send fewer records per push',
  'unsupported-media-type': 'send the body as application/json',
  'invalid-json': 'the request body is not valid JSON',
  'rate-limited': 'too many requests; wait a minute and retry',
};

export function createErrorHandler(clock: () => Date) {
  return function handleError(
    error: FastifyError | ApiError,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const now = clock();
    if (error instanceof ApiError) {
      logDetail(request, { refused: error.code, field: error.field });
      return reply
        .code(error.statusCode)
        .send(errorBody(now, request.id, error.code, error.message, error.field));
    }
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) {
      // Full error in the log (stack included) for the operator; nothing of it to the client.
      request.log.error({ err: error }, 'internal error');
      return reply
        .code(500)
        .send(
          errorBody(
            now,
            request.id,
            'internal-error',
            'internal server error; quote the request id',
          ),
        );
    }
    const code =
      status === 429
        ? 'rate-limited'
        : (FASTIFY_CODES[error.code] ?? (status === 413 ? 'payload-too-large' : 'bad-request'));
    logDetail(request, { refused: code, fastifyCode: error.code });
    // Fastify's own 4xx messages describe the request, not the server; ours are friendlier still.
    return reply
      .code(status)
      .send(errorBody(now, request.id, code, MESSAGES[code] ?? error.message));
  };
}
