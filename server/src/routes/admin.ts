/**
 * /api/admin/*: enrollment codes, device revocation, staff. Protected by the admin token
 * (ADMIN_TOKEN, or the one printed at first start; see server/README.md).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { staffIdSchema } from '../../../src/domain/records/base.ts';
import { staffMemberSchema } from '../../../src/sync/wire.ts';
import { requireAdmin } from '../auth/request-auth.ts';
import {
  DEFAULT_ENROLLMENT_CODE_TTL_MINUTES,
  MAX_ENROLLMENT_CODE_TTL_MINUTES,
  createEnrollmentCode,
  listDevices,
} from '../auth/devices.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, parseOr400 } from '../http/errors.ts';
import { ADMIN_RATE_LIMIT } from '../http/security.ts';
import { listStaff, toStaffMember } from '../staff.ts';
import { saveStaffAsRecord } from '../staff-admin.ts';

const enrollmentCodeRequestSchema = z
  .object({
    ttlMinutes: z.number().int().min(1).max(MAX_ENROLLMENT_CODE_TTL_MINUTES).optional(),
    createdBy: staffIdSchema.optional(),
  })
  .strict();

const saveStaffSchema = staffMemberSchema
  .extend({ active: z.boolean().optional().default(true) })
  .strict();

export function adminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const routeOptions = {
    preHandler: requireAdmin(ctx.adminTokenHash),
    config: { rateLimit: ADMIN_RATE_LIMIT },
  };

  app.post('/api/admin/enrollment-codes', routeOptions, async (request, reply) => {
    const body = parseOr400(enrollmentCodeRequestSchema, request.body ?? {}, 'enrollment code');
    const now = ctx.clock();
    const created = await createEnrollmentCode(ctx.db.kysely, {
      now,
      ttlMinutes: body.ttlMinutes ?? DEFAULT_ENROLLMENT_CODE_TTL_MINUTES,
      createdBy: body.createdBy ?? 'admin',
    });
    reply.code(201);
    return { serverTime: now.toISOString(), ...created };
  });

  app.get('/api/admin/devices', routeOptions, async () => ({
    serverTime: ctx.clock().toISOString(),
    devices: await listDevices(ctx.db.kysely),
  }));

  app.post('/api/admin/devices/:id/revoke', routeOptions, async (request) => {
    const { id } = parseOr400(
      z.object({ id: z.string().min(1).max(64) }),
      request.params,
      'revoke',
    );
    const now = ctx.clock();
    const revoked = await ctx.deviceTokens.revoke(id, now);
    if (revoked === null)
      throw new ApiError(404, 'device-unknown', `no enrolled device ${id}`, 'id');
    request.log.info({ deviceId: id }, 'device revoked');
    return { serverTime: now.toISOString(), deviceId: id, revokedAt: revoked.revokedAt };
  });

  app.get('/api/admin/staff', routeOptions, async () => ({
    serverTime: ctx.clock().toISOString(),
    staff: (await listStaff(ctx.db.kysely)).map((row) => ({
      ...toStaffMember(row),
      deactivatedAt: row.deactivatedAt,
    })),
  }));

  app.post('/api/admin/staff', routeOptions, async (request, reply) => {
    const member = parseOr400(saveStaffSchema, request.body, 'staff');
    const now = ctx.clock();
    // Stored as a staff-member record (tablets get it by pull) and projected into `staff`.
    const saved = await saveStaffAsRecord(ctx.db, ctx.serializeWrite, member, now);
    request.log.info({ staffId: member.staffId, recordId: saved.recordId }, 'staff saved');
    reply.code(saved.created ? 201 : 200);
    return {
      serverTime: now.toISOString(),
      staff: { ...toStaffMember(saved.staff), deactivatedAt: saved.staff.deactivatedAt },
      recordId: saved.recordId,
      serverSeq: saved.serverSeq,
    };
  });
}
