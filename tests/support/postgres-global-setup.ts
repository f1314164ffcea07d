/**
 * Vitest global setup for the server's PostgreSQL tests (only when TEST_DATABASE_URL is set).
 *
 * Why: each test works in its own schema. Dropping a schema while another worker's Kysely
 * migrator introspects the catalogue fails that migrator with 'schema ... does not exist'
 * (seen with many workers). So tests never drop schemas; this setup checks the database once,
 * with a clear message when it cannot be reached, hands the workers a per-run schema prefix, and
 * drops the run's schemas after all tests (and leftovers of crashed runs older than a day).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const STALE_AFTER_SECONDS = 24 * 60 * 60;

declare module 'vitest' {
  // Module augmentation needs an interface: vitest declares ProvidedContext as one.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    postgresSchemaPrefix: string;
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropSchemas(client: pg.Client, predicate: (name: string) => boolean) {
  const { rows } = await client.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kit\\_test\\_%'",
  );
  for (const { nspname } of rows) {
    if (predicate(nspname)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  }
}

/** kit_test_<unix seconds>_<run>_<suite>: the start time says when a leftover is stale. */
function startedAtSeconds(schema: string): number | undefined {
  const match = /^kit_test_(\d{10})_/.exec(schema);
  return match === null ? undefined : Number(match[1]);
}

export async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const prefix = `kit_test_${nowSeconds}_${Math.random().toString(16).slice(2, 8)}_`;
  project.provide('postgresSchemaPrefix', prefix);
  if (!url) return;

  try {
    await withClient(url, (client) =>
      dropSchemas(client, (name) => {
        const started = startedAtSeconds(name);
        return started === undefined || nowSeconds - started > STALE_AFTER_SECONDS;
      }),
    );
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL cannot be used (${(error as Error).message}). ` +
        'Start it with server/scripts/start-test-postgres.sh, or unset TEST_DATABASE_URL to run SQLite only.',
      { cause: error },
    );
  }

  return async () => {
    await withClient(url, (client) => dropSchemas(client, (name) => name.startsWith(prefix)));
  };
}
