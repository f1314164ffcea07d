/**
 * Loads the synthetic demo center (src/domain/demo, 74 study-shaped patients, every patient
 * isSynthetic) into this tablet's database through the tablet's own write path: appendRecords
 * validates every record with the shared schemas and updates the patient list in the same
 * transaction, chunk by chunk so the screen can show progress.
 *
 * Two deliberate differences from a bedside write:
 * - The demo records leave the outbox in the same transaction. They were "written" by the
 *   fictional device demo-tablet-1, and the center refuses a record pushed by another device
 *   than its own (server/src/sync/record-context.ts), so queued they would only turn into
 *   thousands of sync errors. A center seeded with `npm run seed-demo` (same seed, so the same
 *   record ids) hands the same records to its tablets; a pull then skips ids already here.
 * - The demo's settings version is left out when the tablet already has one, so the demo never
 *   touches the settings in force.
 * Resumable: ids already stored are skipped, so after an interruption it continues.
 */
import type { KitDatabase } from '../../db/database.ts';
import { derivedRowTables } from '../../db/derived-rows.ts';
import { appendRecords } from '../../db/records-repo.ts';
import { toStorageError, type RecordWriteError } from '../../db/errors.ts';
import type { ClinicalRecord } from '../../domain/records.ts';
import type { DomainError } from '../../domain/result.ts';
import type { ErrorTexts } from '../../ui/i18n.ts';
import { writeErrorTexts } from '../../ui/use-save.ts';

/** The seed `npm run seed-demo` uses too: the same seed gives the same records and ids. */
export const DEMO_SEED = 1;

export type DemoProgress =
  | { readonly phase: 'generating' }
  | { readonly phase: 'writing'; readonly done: number; readonly total: number };

export type DemoLoadOutcome =
  | {
      readonly ok: true;
      readonly written: number;
      readonly alreadyThere: number;
      readonly patients: number;
      readonly ms: number;
    }
  /** The error's texts (both languages when given): the screen shows its own language. */
  | { readonly ok: false; readonly error: ErrorTexts };

export type DemoLoadOptions = {
  readonly onProgress: (progress: DemoProgress) => void;
  /** Wall-clock reader for the duration shown (the app passes its clock). */
  readonly nowMs: () => number;
  readonly chunkSize?: number;
  readonly seed?: number;
};

const nextFrame = () => new Promise<void>((done) => setTimeout(done, 0));

/** Generates the study-shaped demo center (code loaded only when asked for). */
async function generate(seed: number): Promise<ClinicalRecord[] | DomainError> {
  const { generateStudyCenter } = await import('../../domain/demo/index.ts');
  const center = generateStudyCenter({ seed });
  return center.ok ? center.value.records : center.error;
}

/** Appends one chunk and takes it out of the outbox, atomically; the error's texts or null. */
async function writeChunk(
  db: KitDatabase,
  records: readonly ClinicalRecord[],
): Promise<ErrorTexts | null> {
  let refused: RecordWriteError | null = null;
  try {
    await db.transaction('rw', [db.records, db.outbox, ...derivedRowTables(db)], async () => {
      const stored = await appendRecords(db, records);
      if (!stored.ok) {
        refused = stored.error;
        throw new Error(stored.error.message);
      }
      await db.outbox.bulkDelete(records.map((r) => r.id));
    });
    return null;
  } catch (error) {
    const refusal = refused as RecordWriteError | null;
    return refusal ? writeErrorTexts(refusal) : toStorageError(error);
  }
}

export async function loadDemoCenter(
  db: KitDatabase,
  options: DemoLoadOptions,
): Promise<DemoLoadOutcome> {
  const started = options.nowMs();
  const chunkSize = options.chunkSize ?? 1000;
  options.onProgress({ phase: 'generating' });
  await nextFrame(); // let the screen show "generating" before the CPU-bound part
  const generated = await generate(options.seed ?? DEMO_SEED);
  if (!Array.isArray(generated)) return { ok: false, error: generated };
  const hasSettings = (await db.records.where('kind').equals('settings-version').count()) > 0;
  const records = hasSettings ? generated.filter((r) => r.kind !== 'settings-version') : generated;
  let written = 0;
  let alreadyThere = 0;
  for (let i = 0; i < records.length; i += chunkSize) {
    const chunk = records.slice(i, i + chunkSize);
    const existing = await db.records.bulkGet(chunk.map((r) => r.id));
    const fresh = chunk.filter((_, j) => existing[j] === undefined);
    alreadyThere += chunk.length - fresh.length;
    if (fresh.length > 0) {
      const failed = await writeChunk(db, fresh);
      if (failed !== null) return { ok: false, error: failed };
      written += fresh.length;
    }
    options.onProgress({ phase: 'writing', done: i + chunk.length, total: records.length });
    await nextFrame();
  }
  const patients = records.filter((r) => r.kind === 'patient').length;
  return { ok: true, written, alreadyThere, patients, ms: options.nowMs() - started };
}
