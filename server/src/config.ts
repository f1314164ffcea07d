/**
 * Server settings from the environment and command line (the only place that reads them).
 *
 * PORT (8787), HOST (127.0.0.1; `--lan` or HOST=0.0.0.0 to serve the clinic network),
 * DATA_DIR (./data, holds center.sqlite), DATABASE_URL (PostgreSQL instead of SQLite),
 * ADMIN_TOKEN, CORS_ORIGIN (comma-separated; unset = no CORS), DIST_DIR (built PWA; default
 * the repository's dist/), LOG_LEVEL (info), RATE_LIMIT_PER_MINUTE (1200 per client IP).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export type ServerConfig = {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly adminToken: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly distDir: string;
  readonly logLevel: string;
  readonly rateLimitPerMinute: number;
};

const REPO_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

function integerSetting(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const unknown = argv.filter((arg) => arg !== '--lan');
  if (unknown.length > 0)
    throw new Error(
      `unknown argument ${unknown[0]}: the only flag is --lan (settings come from the environment)`,
    );
  return {
    port: integerSetting('PORT', env.PORT, 8787, 0, 65535),
    host: argv.includes('--lan') ? '0.0.0.0' : env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.ADMIN_TOKEN || undefined,
    corsOrigins: (env.CORS_ORIGIN ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    distDir: resolve(env.DIST_DIR || REPO_DIST),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitPerMinute: integerSetting(
      'RATE_LIMIT_PER_MINUTE',
      env.RATE_LIMIT_PER_MINUTE,
      1200,
      1,
      1_000_000,
    ),
  };
}
