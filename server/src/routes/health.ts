import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';

/** GET /api/health: no auth; 200 when the database answers, 503 otherwise. Reveals no versions or paths. */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async () => {
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      await sql`select 1`.execute(ctx.db.reader);
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      throw new ApiError(503, 'database-unavailable', 'the database is not answering');
    }
    return {
      status: 'ok' as const,
      protocolVersion: 1 as const,
      serverTime: ctx.clock().toISOString(),
    };
  });
}
