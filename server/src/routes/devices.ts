/** POST /api/devices/enroll (one-time code -> device token) and GET /api/staff (device token). */
import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema } from '../../../src/sync/wire.ts';
import type { EnrollResponse, StaffListResponse } from '../../../src/sync/wire.ts';
import { enrollDevice } from '../auth/devices.ts';
import type { EnrollFailure } from '../auth/devices.ts';
import { requireDevice } from '../auth/request-auth.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, parseOr400 } from '../http/errors.ts';
import { ENROLL_RATE_LIMIT } from '../http/security.ts';
import { listStaff, toStaffMember } from '../staff.ts';

const ENROLL_MESSAGES: Readonly<Record<EnrollFailure, string>> = {
  'enrollment-code-unknown':
    'this enrollment code is not known: check it, or ask an admin for a new one',
  'enrollment-code-expired': 'this enrollment code has expired: ask an admin for a new one',
  'enrollment-code-used':
    'this enrollment code was already used: each code enrolls one tablet; ask for a new one',
};

export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/devices/enroll',
    { config: { rateLimit: ENROLL_RATE_LIMIT } },
    async (request, reply): Promise<EnrollResponse> => {
      const body = parseOr400(enrollRequestSchema, request.body, 'enroll');
      const now = ctx.clock();
      const outcome = await enrollDevice(ctx.db.kysely, {
        code: body.code,
        deviceName: body.deviceName,
        now,
        proposedDeviceId: body.deviceId,
      });
      if (!outcome.ok)
        throw new ApiError(400, outcome.reason, ENROLL_MESSAGES[outcome.reason], 'code');
      request.log.info({ deviceId: outcome.deviceId }, 'device enrolled');
      reply.code(201);
      return { serverTime: now.toISOString(), deviceId: outcome.deviceId, token: outcome.token };
    },
  );

  app.get(
    '/api/staff',
    { preHandler: requireDevice(ctx.deviceTokens) },
    async (): Promise<StaffListResponse> => {
      const staff = await listStaff(ctx.db.reader);
      return { serverTime: ctx.clock().toISOString(), staff: staff.map(toStaffMember) };
    },
  );
}
