/**
 * Entry point: `npx tsx server/src/main.ts [--lan]`. Opens (creating on first start) the
 * database, applies migrations, resolves the admin token, serves the API and the built PWA, and
 * prints what a person must act on (first-run.ts: a new admin token, a first enrollment code).
 */
import { resolveAdminToken } from './auth/admin-token.ts';
import { buildServer } from './app.ts';
import { readConfig } from './config.ts';
import { appAddress, firstRunEnrollmentCode, startupNotice } from './first-run.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateToLatest(db);
  const admin = await resolveAdminToken(db.kysely, {
    envToken: config.adminToken,
    now: new Date(),
  });
  // Printed to the console, on purpose not through the logger (logs may be shipped).
  const notice = startupNotice({
    appUrl: appAddress(config.host, config.port),
    adminToken: admin.source === 'generated' ? admin.token : null,
    enrollment: await firstRunEnrollmentCode(db.kysely, new Date()),
  });
  const app = await buildServer({
    db,
    adminTokenHash: admin.hash,
    distDir: config.distDir,
    corsOrigins: config.corsOrigins,
    logger: { level: config.logLevel },
    rateLimit: { max: config.rateLimitPerMinute, timeWindowMs: 60_000 },
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { address, database: db.dialect, location: db.location, admin: admin.source },
    config.host === '127.0.0.1'
      ? 'center server listening on this computer only (use --lan for the clinic network)'
      : 'center server listening',
  );
  if (notice !== '') process.stdout.write(notice);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `center server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) process.stderr.write(`  cause: ${cause.message}\n`);
  process.exit(1);
});
