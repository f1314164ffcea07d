/**
 * The push path's stages timed one by one on the same records, outside the server (for the
 * analysis of the push/direct ratio): body parse, per-record validation, canonical JSON + hash,
 * and the insert the way the server does it (store-record.ts: one multi-row INSERT ... RETURNING
 * per 100-record transaction).
 */
import type { DialectName } from '../../server/src/db/types.ts';
import { contentHash } from '../../server/src/sync/canonical.ts';
import { insertRecords } from '../../server/src/sync/store-record.ts';
import { validateIncomingRecord } from '../../server/src/validation.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { createBenchDb } from './database.ts';

export type StageTimes = {
  readonly parseBodies: number;
  readonly validate: number;
  readonly hash: number;
  readonly insert: number;
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
  const storable = records.map((record) => ({ record, ...contentHash(record) }));
  const bench = await createBenchDb(dialect);
  const db = bench.open();
  t = performance.now();
  for (let i = 0; i < storable.length; i += 100) {
    await db.kysely
      .transaction()
      .execute((trx) => insertRecords(trx, storable.slice(i, i + 100), receivedAt));
  }
  const insert = performance.now() - t;
  await db.close();
  await bench.dispose();
  return { parseBodies, validate, hash, insert };
}
