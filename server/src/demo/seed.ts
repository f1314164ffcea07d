/**
 * Loads generated records (the synthetic demo center, src/domain/demo) into the center
 * database through the server's own store code, so tablets pull them like any other record:
 * the shared schema check (validation.ts), canonical JSON and content hash (sync/canonical.ts),
 * the shared INSERT (sync/store-record.ts) and the staff projection (staff-projection.ts), inside
 * the serialized write transaction (db/write-lock.ts) that makes server_seq commit order.
 *
 * Not through push on purpose: push stores a record only from the tablet that wrote it and by
 * staff already on the server (sync/record-context.ts); the demo was "written" by a fictional
 * device and brings its own fictional staff. This is the operator's own import, like the admin
 * API, run from the command line (scripts/seed-demo.ts) against the database, not over HTTP.
 *
 * Idempotent: an id already stored with the same content is skipped; with other content it is
 * a conflict and the stored record is kept, as in push.
 */
import { createWriteSerializer, type WriteSerializer } from '../db/write-lock.ts';
import type { CenterDb } from '../db/types.ts';
import { applyStaffRecord } from '../staff-projection.ts';
import { contentHash } from '../sync/canonical.ts';
import { createInsertQueue } from '../sync/store-record.ts';
import { validateIncomingRecord } from '../validation.ts';

export type SeedResult = {
  readonly inserted: number;
  readonly alreadyStored: number;
  /** Ids stored with other content: kept as they were. */
  readonly conflicts: readonly string[];
  readonly invalid: readonly { readonly index: number; readonly reason: string }[];
};

export type SeedOptions = {
  readonly now: Date;
  /** Actor written to the audit log for staff changes, e.g. `seed-demo`. */
  readonly actor: string;
  readonly serializeWrite?: WriteSerializer;
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
};

/** Stores `records` (any JSON; each one is checked), chunk by chunk, each chunk one transaction. */
export async function seedRecords(
  db: CenterDb,
  records: readonly unknown[],
  options: SeedOptions,
): Promise<SeedResult> {
  const serializeWrite = options.serializeWrite ?? createWriteSerializer();
  const chunkSize = options.chunkSize ?? 500;
  const receivedAt = options.now.toISOString();
  let inserted = 0;
  let alreadyStored = 0;
  const conflicts: string[] = [];
  const invalid: { index: number; reason: string }[] = [];
  for (let start = 0; start < records.length; start += chunkSize) {
    // As pushed: JSON text parsed back, so what is hashed is what a tablet would have sent.
    const chunk = records
      .slice(start, start + chunkSize)
      .map((r, i) => ({ index: start + i, json: JSON.parse(JSON.stringify(r)) as unknown }));
    const checked = chunk.flatMap(({ index, json }) => {
      const v = validateIncomingRecord(json);
      if (!v.ok) {
        invalid.push({ index, reason: v.reason });
        return [];
      }
      return [{ record: v.record, ...contentHash(json) }];
    });
    await serializeWrite(db, async (trx) => {
      const ids = checked.map((c) => c.record.id);
      const known = new Map<string, string>();
      if (ids.length > 0) {
        const rows = await trx
          .selectFrom('records')
          .select(['id', 'content_hash'])
          .where('id', 'in', ids)
          .execute();
        for (const row of rows) known.set(row.id, row.content_hash);
      }
      const queue = createInsertQueue(trx, receivedAt);
      const flush = async () => {
        for (const [{ record, hash }] of await queue.flush()) known.set(record.id, hash);
      };
      for (const item of checked) {
        const { record, hash } = item;
        if (queue.has(record.id)) await flush();
        const stored = known.get(record.id);
        if (stored !== undefined) {
          if (stored === hash) alreadyStored += 1;
          else conflicts.push(record.id);
          continue;
        }
        queue.add(item);
        inserted += 1;
        if (record.kind === 'staff-member') {
          await flush();
          await applyStaffRecord(trx, record, { now: options.now, actor: options.actor });
        }
      }
      await flush();
    });
    options.onProgress?.(Math.min(start + chunkSize, records.length), records.length);
  }
  return { inserted, alreadyStored, conflicts, invalid };
}

/**
 * Patients whose patient record is not marked synthetic: real patients. The demo is not
 * loaded beside them unless the operator insists (--force), so a production database never
 * gets invented patients by a slip of the keyboard.
 */
export async function realPatientCount(db: CenterDb): Promise<number> {
  const rows = await db.reader
    .selectFrom('records')
    .select(['patient_id', 'body'])
    .where('kind', '=', 'patient')
    .execute();
  const real = new Set<string>();
  for (const row of rows) {
    const body = JSON.parse(row.body) as { payload?: { isSynthetic?: unknown } };
    if (body.payload?.isSynthetic !== true && row.patient_id !== null) real.add(row.patient_id);
  }
  return real.size;
}
