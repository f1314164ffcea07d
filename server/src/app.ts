/**
 * buildServer: the whole center server as a Fastify instance, with every outside dependency
 * (database, clock, admin token, where the built app is) passed in, so tests run it exactly as
 * production does. `main.ts` is the only place that reads the environment.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createDeviceTokens } from './auth/device-tokens.ts';
import type { CenterDb } from './db/types.ts';
import { createGroupWriter } from './db/group-commit.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createWriteSerializer } from './db/write-lock.ts';
import type { ServerContext } from './context.ts';
import { createErrorHandler, errorBody } from './http/errors.ts';
import { OneLinePerRequest, generateRequestId, loggerOptions } from './http/logging.ts';
import type { LoggerSetting } from './http/logging.ts';
import { DEFAULT_RATE_LIMIT, registerSecurity } from './http/security.ts';
import type { RateLimitSetting } from './http/security.ts';
import { isSpaRoute, registerStaticApp, sendSpaIndex } from './http/static-app.ts';
import { adminRoutes } from './routes/admin.ts';
import { deviceRoutes } from './routes/devices.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { syncRoutes } from './routes/sync.ts';
import { backfillStaffRecords } from './staff-admin.ts';
import { createPullPages } from './sync/pull.ts';

/** Body limit for every route but push (which has its own, larger one). */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export type BuildServerOptions = {
  readonly db: CenterDb;
  /** SHA-256 hex of the admin token (auth/admin-token.ts). */
  readonly adminTokenHash: string;
  readonly clock?: () => Date;
  /** Folder of the built PWA; null or missing index.html: API only. */
  readonly distDir?: string | null;
  /** Allowed cross-origin callers; empty: no CORS headers at all. */
  readonly corsOrigins?: readonly string[];
  readonly logger?: LoggerSetting;
  readonly rateLimit?: RateLimitSetting;
  /** Tests only: see db/write-lock.ts. */
  readonly serializeWrites?: boolean;
  /** Tests only: runs inside the push transaction after each insert. */
  readonly afterInsert?: (recordId: string) => Promise<void>;
};

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  await migrateToLatest(options.db);
  const clock = options.clock ?? (() => new Date());
  const serializeWrite = createWriteSerializer({ serialize: options.serializeWrites ?? true });
  const ctx: ServerContext = {
    db: options.db,
    clock,
    serializeWrite,
    writeInGroup: createGroupWriter(options.db, serializeWrite),
    pullPages: createPullPages(options.db),
    deviceTokens: createDeviceTokens(options.db),
    adminTokenHash: options.adminTokenHash,
    afterInsert: options.afterInsert,
  };
  // Staff rows from before staff-member records existed get their record (usually none).
  await backfillStaffRecords(ctx.db, ctx.serializeWrite, clock());

  const app = Fastify({
    logger: loggerOptions(options.logger ?? false),
    genReqId: generateRequestId,
    requestIdHeader: false,
    logController: new OneLinePerRequest(),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  // JSON only: a text/plain body would otherwise reach handlers as a string.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Every JSON answer carries serverTime so the tablet can warn about clock skew (never reject).
  app.addHook('preSerialization', async (_request, _reply, payload: unknown) => {
    if (
      typeof payload !== 'object' ||
      payload === null ||
      Array.isArray(payload) ||
      'serverTime' in payload
    )
      return payload;
    return { serverTime: clock().toISOString(), ...payload };
  });
  app.setErrorHandler(createErrorHandler(clock));

  await registerSecurity(app, {
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
  });
  const servesApp = await registerStaticApp(app, options.distDir ?? null);

  app.setNotFoundHandler(
    options.rateLimit === false ? {} : { preHandler: app.rateLimit() },
    async (request, reply) => {
      if (servesApp && isSpaRoute(request)) return sendSpaIndex(reply);
      return reply.code(404).send(errorBody(clock(), request.id, 'not-found', 'no such route'));
    },
  );

  for (const routes of [healthRoutes, syncRoutes, deviceRoutes, adminRoutes, exportRoutes]) {
    await app.register((scope, _options, done) => {
      routes(scope, ctx);
      done();
    });
  }
  return app;
}
