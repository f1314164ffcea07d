/**
 * The push path's stages timed one by one on the same records, outside the server (for the
 * analysis of the push/direct ratio): body parse, per-record validation, canonical JSON + hash,
 * and the insert the way store-record.ts does it (one INSERT ... RETURNING per record inside a
 * 100-record transaction) instead of one multi-row INSERT.
 */
import type { DialectName } from '../../server/src/db/types.ts';
import { contentHash } from '../../server/src/sync/canonical.ts';
import { validateIncomingRecord } from '../../server/src/validation.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { createBenchDb, toRow } from './database.ts';

export type StageTimes = {
  readonly parseBodies: number;
  readonly validate: number;
  readonly hash: number;
  readonly insertRowByRow: number;
};

export async function measureStages(
  dialect: DialectName,
  records: readonly ClinicalRecord[],
  bodies: readonly string[],
): Promise<StageTimes> {
  let t = performance.now();
  for (const b of bodies) JSON.parse(b);
  const parseBodies = performance.now() - t;
  t = performance.now();
  for (const r of records) validateIncomingRecord(r);
  const validate = performance.now() - t;
  t = performance.now();
  for (const r of records) contentHash(r);
  const hash = performance.now() - t;

  const receivedAt = new Date().toISOString();
  const rows = records.map((r) => toRow(r, receivedAt));
  const bench = await createBenchDb(dialect);
  const db = bench.open();
  t = performance.now();
  for (let i = 0; i < rows.length; i += 100) {
    await db.kysely.transaction().execute(async (trx) => {
      for (const row of rows.slice(i, i + 100)) {
        await trx
          .insertInto('records')
          .values(row)
          .returning('server_seq')
          .executeTakeFirstOrThrow();
      }
    });
  }
  const insertRowByRow = performance.now() - t;
  await db.close();
  await bench.dispose();
  return { parseBodies, validate, hash, insertRowByRow };
}
