/** POST /api/sync/push and GET /api/sync/pull (device token required). */
import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_RECORDS, pullQuerySchema, pushRequestSchema } from '../../../src/sync/wire.ts';
import type { PushResponse } from '../../../src/sync/wire.ts';
import { deviceOf, requireDevice } from '../auth/request-auth.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, parseOr400 } from '../http/errors.ts';
import { logDetail } from '../http/logging.ts';
import { sendChunks } from '../http/send-chunks.ts';
import { pushRecords } from '../sync/push.ts';

/**
 * 100 records of a few kB each fit easily; anything bigger is refused by Fastify with 413
 * before it is parsed.
 */
export const PUSH_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

function batchSize(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || !('records' in body)) return null;
  return Array.isArray(body.records) ? body.records.length : null;
}

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const deviceAuth = requireDevice(ctx.deviceTokens);

  app.post(
    '/api/sync/push',
    { bodyLimit: PUSH_BODY_LIMIT_BYTES, preHandler: deviceAuth },
    async (request): Promise<PushResponse> => {
      const size = batchSize(request.body);
      if (size !== null && size > MAX_PUSH_RECORDS) {
        throw new ApiError(
          413,
          'batch-too-large',
          `a push carries at most ${MAX_PUSH_RECORDS} records, this one has ${size}: split it`,
          'records',
        );
      }
      const push = parseOr400(pushRequestSchema, request.body, 'push');
      const device = deviceOf(request);
      if (push.deviceId !== device.id) {
        throw new ApiError(
          403,
          'device-mismatch',
          `deviceId ${push.deviceId} is not the device this token belongs to`,
          'deviceId',
        );
      }
      const now = ctx.clock();
      const results = await pushRecords(
        {
          write: ctx.writeInGroup,
          now,
          afterInsert: ctx.afterInsert,
          committed: ctx.pullPages.committed,
        },
        device.id,
        push.records,
      );
      const counts = { accepted: 0, duplicate: 0, conflict: 0, invalid: 0 };
      for (const result of results) counts[result.status] += 1;
      // Counts and device only: never record contents.
      logDetail(request, { deviceId: device.id, ...counts });
      if (counts.conflict > 0) {
        request.log.warn(
          {
            deviceId: device.id,
            conflictIds: results.filter((r) => r.status === 'conflict').map((r) => r.id),
          },
          'push had conflicting records',
        );
      }
      return { protocolVersion: 1, serverTime: now.toISOString(), results };
    },
  );

  app.get('/api/sync/pull', { preHandler: deviceAuth }, async (request, reply) => {
    const query = parseOr400(pullQuerySchema, request.query, 'pull');
    const page = await ctx.pullPages.pull(query.cursor, query.limit, ctx.clock().toISOString());
    // Already JSON text (sync/pull.ts): sent as it is, in the PullResponse shape.
    sendChunks(reply, 'application/json; charset=utf-8', page.chunks, page.byteLength);
  });
}
