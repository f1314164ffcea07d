/**
 * Authentication pre-handlers: device bearer tokens for /api/sync and /api/staff, the admin
 * token for /api/admin. The authenticated device is kept in a WeakMap keyed by request rather
 * than a request decorator, so no global Fastify type augmentation is needed.
 */
import type { DoneFuncWithErrOrRes, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import type { DeviceTokens } from './device-tokens.ts';
import type { AuthenticatedDevice } from './devices.ts';
import { hexDigestsEqual, sha256Hex } from './tokens.ts';

const devices = new WeakMap<FastifyRequest, AuthenticatedDevice>();

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/i.exec(header.trim());
  return match?.[1] ?? null;
}

function unauthorized(reply: FastifyReply, code: string, message: string): never {
  reply.header('www-authenticate', 'Bearer');
  throw new ApiError(401, code, message);
}

export function requireDevice(deviceTokens: DeviceTokens) {
  return async function deviceAuth(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = bearerToken(request);
    if (token === null)
      unauthorized(
        reply,
        'unauthorized',
        'this tablet is not enrolled: send Authorization: Bearer <device token>',
      );
    const checked = await deviceTokens.check(token);
    if (!checked.ok && checked.reason === 'unknown')
      unauthorized(
        reply,
        'unauthorized',
        'unknown device token: enroll this tablet with a code from the center',
      );
    if (!checked.ok) {
      unauthorized(
        reply,
        'device-revoked',
        'this tablet was revoked by the center: ask an admin for a new enrollment code',
      );
    }
    devices.set(request, checked.device);
  };
}

/** The device a `requireDevice` pre-handler authenticated. Throws if the route forgot it. */
export function deviceOf(request: FastifyRequest): AuthenticatedDevice {
  const device = devices.get(request);
  if (device === undefined) throw new Error('route is missing the requireDevice pre-handler');
  return device;
}

export function requireAdmin(adminTokenHash: string) {
  return function adminAuth(
    request: FastifyRequest,
    reply: FastifyReply,
    done: DoneFuncWithErrOrRes,
  ): void {
    const token = bearerToken(request);
    if (token === null || !hexDigestsEqual(sha256Hex(token), adminTokenHash)) {
      reply.header('www-authenticate', 'Bearer');
      done(
        new ApiError(401, 'unauthorized', 'admin routes need Authorization: Bearer <admin token>'),
      );
      return;
    }
    done();
  };
}
