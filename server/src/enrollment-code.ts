/**
 * `npx tsx server/src/enrollment-code.ts [--minutes=30]`: prints a new one-time enrollment code
 * for one more tablet, straight from the center's database (same DATA_DIR / DATABASE_URL as
 * the server, which may keep running). Whoever can open the database is the center's admin, so
 * this needs no admin token. The code is stored only as its SHA-256, like the admin API's.
 */
import {
  DEFAULT_ENROLLMENT_CODE_TTL_MINUTES,
  MAX_ENROLLMENT_CODE_TTL_MINUTES,
  createEnrollmentCode,
} from './auth/devices.ts';
import { readConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';

function minutesFrom(argv: readonly string[]): number {
  const arg = argv.find((a) => a.startsWith('--minutes='));
  if (arg === undefined) return DEFAULT_ENROLLMENT_CODE_TTL_MINUTES;
  const raw = arg.slice('--minutes='.length);
  const minutes = Number(raw);
  if (!/^\d+$/.test(raw) || minutes < 1 || minutes > MAX_ENROLLMENT_CODE_TTL_MINUTES)
    throw new Error(
      `--minutes must be a whole number from 1 to ${MAX_ENROLLMENT_CODE_TTL_MINUTES}`,
    );
  return minutes;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const ttlMinutes = minutesFrom(argv);
  const config = readConfig(process.env, argv.includes('--lan') ? ['--lan'] : []);
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(db);
    const { code, expiresAt } = await createEnrollmentCode(db.kysely, {
      now: new Date(),
      ttlMinutes,
      createdBy: 'console',
    });
    process.stdout.write(
      `One-time enrollment code: ${code}\nValid until ${expiresAt}, for one tablet. ` +
        'Enter it on the tablet under Sync → Enroll this tablet.\n',
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `no enrollment code created: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
