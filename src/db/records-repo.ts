/**
 * Writing and reading clinical records on the tablet. Append-only (protocol.md section 6):
 * `add`, never `put`, so an existing id is refused and the stored record stays as it was.
 * Every record is validated by the same schema the server uses before anything is written,
 * and a record and its outbox row are written in one transaction: both or neither.
 */
import {
  parseClinicalRecord,
  type ClinicalRecord,
  type RecordKind,
  type RecordOfKind,
} from '../domain/records.ts';
import { fail, type Result } from '../domain/result.ts';
import type { KitDatabase, OutboxRow } from './database.ts';
import { invalidRecord, readOrThrow, toStorageError, type WriteResult } from './errors.ts';
import { fromStorage } from './from-storage.ts';
import { derivedRowTables, updateDerivedRows } from './derived-rows.ts';

const outboxRowFor = (r: ClinicalRecord): OutboxRow => ({
  recordId: r.id,
  queuedAt: r.deviceTime,
  attempts: 0,
  lastError: null,
});

/** Validates a batch; refuses the whole batch on the first invalid record or repeated id. */
export function validateBatch(input: readonly unknown[]): Result<ClinicalRecord[]> {
  const records: ClinicalRecord[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of input.entries()) {
    const parsed = parseClinicalRecord(raw);
    if (!parsed.ok)
      return fail(parsed.error.code, `records[${i}].${parsed.error.field}`, parsed.error.message);
    if (seen.has(parsed.value.id)) {
      return fail(
        'implausible',
        `records[${i}].id`,
        `Record ${parsed.value.id} appears twice in the same save.`,
      );
    }
    seen.add(parsed.value.id);
    records.push(parsed.value);
  }
  return { ok: true, value: records };
}

/**
 * Validates and appends records with their outbox rows and patient-list updates, all in one
 * transaction: if anything fails (invalid record, id already stored, storage full) nothing
 * at all is written. Returns the stored (validated) records.
 */
export async function appendRecords(
  db: KitDatabase,
  input: readonly unknown[],
): Promise<WriteResult<ClinicalRecord[]>> {
  const batch = validateBatch(input);
  if (!batch.ok) return invalidRecord(batch.error);
  const records = batch.value;
  if (records.length === 0) return { ok: true, value: [] };
  try {
    await db.transaction('rw', [db.records, db.outbox, ...derivedRowTables(db)], async () => {
      await db.records.bulkAdd(records);
      await db.outbox.bulkAdd(records.map(outboxRowFor));
      await updateDerivedRows(db, records);
    });
    return { ok: true, value: records };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}

/** Validates and appends one record with its outbox row (see appendRecords). */
export async function appendRecord(
  db: KitDatabase,
  input: unknown,
): Promise<WriteResult<ClinicalRecord>> {
  const result = await appendRecords(db, [input]);
  if (!result.ok) {
    // Name the field of the record itself, not of a one-element batch.
    if (result.error.type === 'invalid-record') {
      return invalidRecord({
        ...result.error.error,
        field: result.error.error.field.replace(/^records\[0\]\./, ''),
      });
    }
    return result;
  }
  return { ok: true, value: result.value[0] as ClinicalRecord };
}

/** One record by id, or undefined. */
export function getRecord(db: KitDatabase, id: string): Promise<ClinicalRecord | undefined> {
  return readOrThrow(async () => {
    const row = await db.records.get(id);
    return row === undefined ? undefined : fromStorage([row])[0];
  });
}

/** Every record of a session (all versions, corrections and markers), by clinical time. */
export function recordsForSession(db: KitDatabase, sessionId: string): Promise<ClinicalRecord[]> {
  return readOrThrow(async () =>
    fromStorage(
      await db.records
        .where('[sessionId+clinicalTime]')
        .between([sessionId, ''], [sessionId, '\uffff'])
        .toArray(),
    ),
  );
}

/** Every record of a patient, sessions included, by clinical time. */
export function recordsForPatient(db: KitDatabase, patientId: string): Promise<ClinicalRecord[]> {
  return readOrThrow(async () =>
    fromStorage(
      await db.records
        .where('[patientId+clinicalTime]')
        .between([patientId, ''], [patientId, '\uffff'])
        .toArray(),
    ),
  );
}

/** Every record of one kind (e.g. 'settings-version', 'staff-member'), by clinical time. */
export function recordsOfKind<K extends RecordKind>(
  db: KitDatabase,
  kind: K,
): Promise<RecordOfKind<K>[]> {
  return readOrThrow(async () => {
    const rows = fromStorage(await db.records.where('kind').equals(kind).toArray());
    return (rows as RecordOfKind<K>[]).sort((a, b) =>
      a.clinicalTime < b.clinicalTime
        ? -1
        : a.clinicalTime > b.clinicalTime
          ? 1
          : a.id < b.id
            ? -1
            : 1,
    );
  });
}
