/**
 * A patient's records for a view of the whole course that shows one session in detail (the
 * patient history, issue 5: opening it within 100 ms). Vitals every 15 minutes and every
 * checklist tick are three quarters of a long course's records (a 90-session course: 2,900
 * of 3,800 records, 1.5 of 2.2 MB), and such a view shows them for one session only. Reading
 * them for every session was most of the time a history took to open.
 *
 * The rest (900 records on such a course) is still a thousand index entries, and IndexedDB in
 * Chromium reads those at about 60 us each. So a copy of them is kept in one row per patient,
 * the course bundle (`courseBundles`, database.ts), read as one value:
 * - every writer of records marks the bundle of the patients it wrote stale in the same
 *   transaction (markCourseBundlesStale via derived-rows.ts), unless it wrote only bulk kinds;
 * - a stale or missing bundle is read from the records instead, and the result says what to
 *   store (`refresh`); storeCourseBundle stores it only if the row is still the one read, so a
 *   bundle never misses a record written after its read;
 * - the background warm-up (src/app/registry-warm-up.ts) refreshes stale and missing bundles
 *   one patient at a time (staleCourseBundles, refreshCourseBundle), so the history of a
 *   patient just treated reads a fresh bundle too, a few minutes later.
 *
 * What the effective records of the result are the same as for all the patient's records
 * (domain/state/effective.ts), for every record it holds:
 * - every record of the other kinds (markers, and the corrections of those kinds, included);
 * - every record of the detailed session;
 * - every record that supersedes one of those, wherever it was filed (a correction of an
 *   observation made from another session), and so on up the chain.
 * Not the same: conflicts between corrections of other sessions' observations or checklist
 * ticks, and those sessions' pre-check step (it depends on the checklist). A view built on
 * this shows neither (course-records.test.ts compares the history's data to a full read).
 */
import type { ClinicalRecord, RecordKind } from '../domain/records.ts';
import { RECORD_KINDS } from '../domain/records.ts';
import type { CourseBundleRow, KitDatabase } from './database.ts';
import { readOrThrow } from './errors.ts';
import { fromStorage } from './from-storage.ts';
import { staleMarks } from './stale-marks.ts';

/** The kinds recorded many times in every session, read for the detailed session only. */
export const PER_SESSION_BULK_KINDS: ReadonlySet<RecordKind> = new Set([
  'observation',
  'checklist-item',
]);

const BUNDLED_KINDS = RECORD_KINDS.filter((kind) => !PER_SESSION_BULK_KINDS.has(kind));

/** A bundle read from the records because the stored one was stale or missing. */
export type CourseBundleRefresh = {
  readonly patientId: string;
  /** The row read (undefined: none); the refresh is stored only over this same row. */
  readonly replaces: CourseBundleRow | undefined;
  /** The stored rows, as stored (not upgraded). */
  readonly records: readonly ClinicalRecord[];
};

export type CourseRecords = {
  /** Every record read (see the file header), unordered. */
  readonly records: readonly ClinicalRecord[];
  /** The session whose bulk records were read, as `detailSession` chose it. */
  readonly detailSessionId: string | null;
  /** Store it (outside a live query) with storeCourseBundle; null when the bundle was used. */
  readonly refresh: CourseBundleRefresh | null;
};

/**
 * Marks the course bundles of the patients of `added` stale. Must run inside the write
 * transaction of the records (with `courseBundles` in its scope), after they were added.
 */
export async function markCourseBundlesStale(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
): Promise<void> {
  const marks = staleMarks(added, (r) => !PER_SESSION_BULK_KINDS.has(r.kind));
  if (marks.length > 0) await db.courseBundles.bulkPut(marks);
}

/** The patient's records of the bundled kinds: from the fresh bundle, else from the records. */
async function readBundle(
  db: KitDatabase,
  patientId: string,
): Promise<{ stored: readonly ClinicalRecord[]; refresh: CourseBundleRefresh | null }> {
  const row = await db.courseBundles.get(patientId);
  if (row?.state === 'fresh') return { stored: row.records, refresh: null };
  const parts = await Promise.all(
    BUNDLED_KINDS.map((kind) =>
      db.records.where('[kind+patientId]').equals([kind, patientId]).toArray(),
    ),
  );
  const stored = parts.flat();
  // No records: no patient (yet) on this tablet, nothing worth keeping.
  const refresh = stored.length === 0 ? null : { patientId, replaces: row, records: stored };
  return { stored, refresh };
}

/**
 * The course of `patientId` with session `detailSession(overview)` in detail; `overview` is
 * every record except PER_SESSION_BULK_KINDS (the caller picks a default session from it). One
 * read transaction, so the two parts come from the same stored state.
 */
export function courseRecordsForPatient(
  db: KitDatabase,
  patientId: string,
  detailSession: (overview: readonly ClinicalRecord[]) => string | null,
): Promise<CourseRecords> {
  return readOrThrow(() =>
    db.transaction('r', [db.records, db.courseBundles], async () => {
      const { stored, refresh } = await readBundle(db, patientId);
      const overview = fromStorage(stored);
      const detailSessionId = detailSession(overview);
      if (detailSessionId === null) return { records: overview, detailSessionId, refresh };
      const ofSession = await db.records
        .where('[sessionId+clinicalTime]')
        .between([detailSessionId, ''], [detailSessionId, '\uffff'])
        .toArray();
      const detail = fromStorage(
        ofSession.filter((r) => r.patientId === patientId && PER_SESSION_BULK_KINDS.has(r.kind)),
      );
      const seen = new Set([...overview, ...detail].map((r) => r.id));
      // Corrections of the detailed bulk records filed elsewhere, then theirs, until none.
      for (let frontier = detail.map((r) => r.id); frontier.length > 0;) {
        const correctors = (await correctionsOf(db, frontier)).filter((r) => !seen.has(r.id));
        for (const r of correctors) seen.add(r.id);
        detail.push(...correctors);
        frontier = correctors.map((r) => r.id);
      }
      return { records: [...overview, ...detail], detailSessionId, refresh };
    }),
  );
}

/**
 * The records superseding any of `ids`. Corrections are rare, so the index is first read for
 * its keys between the lowest and highest id (UUIDv7: one session's records were created
 * within hours, and so were the few other corrected records in between); only the records
 * whose key is one of `ids` are then read. Dexie's anyOf walks the index one key at a time,
 * a round trip each, which showed in the history's opening time.
 */
async function correctionsOf(db: KitDatabase, ids: readonly string[]): Promise<ClinicalRecord[]> {
  const sorted = [...ids].sort();
  const [low, high] = [sorted[0], sorted.at(-1)];
  if (low === undefined || high === undefined) return [];
  const index = db.records.where('supersedes.recordId');
  const keys = (await index.between(low, high, true, true).keys()) as string[];
  const wanted = new Set(ids);
  const hits = [...new Set(keys.filter((key) => wanted.has(key)))];
  if (hits.length === 0) return [];
  return fromStorage(await index.anyOf(hits).toArray());
}

/**
 * Stores a bundle read from the records, unless a record written since changed its row (that
 * write marked it stale again; the next reader reads the records). Returns whether it stored.
 */
export function storeCourseBundle(db: KitDatabase, refresh: CourseBundleRefresh): Promise<boolean> {
  return db.transaction('rw', db.courseBundles, async () => {
    const now = await db.courseBundles.get(refresh.patientId);
    if (rowVersion(now) !== rowVersion(refresh.replaces)) return false;
    const row: CourseBundleRow = {
      patientId: refresh.patientId,
      state: 'fresh',
      records: refresh.records,
    };
    await db.courseBundles.put(row);
    return true;
  });
}

/** Fresh rows are never replaced by a refresh: a refresh is read only over a stale or no row. */
const rowVersion = (row: CourseBundleRow | undefined): string =>
  row === undefined ? 'none' : row.state === 'stale' ? `stale ${row.staleBy}` : 'fresh';

/**
 * Patients on this tablet (the patient list) without a fresh bundle: stale, or never made (a
 * patient stored before bundles existed). Reads keys only.
 */
export function staleCourseBundles(db: KitDatabase): Promise<string[]> {
  return db.transaction('r', [db.patientIndex, db.courseBundles], async () => {
    const [patients, fresh] = await Promise.all([
      db.patientIndex.toCollection().primaryKeys(),
      db.courseBundles.where('state').equals('fresh').primaryKeys(),
    ]);
    const isFresh = new Set<string>(fresh);
    return patients.filter((id) => !isFresh.has(id));
  });
}

/**
 * Reads one patient's bundle from the records (one read transaction) and stores it, unless it
 * is fresh already or a record was written meanwhile. Returns whether it stored.
 */
export async function refreshCourseBundle(db: KitDatabase, patientId: string): Promise<boolean> {
  const { refresh } = await readOrThrow(() =>
    db.transaction('r', [db.records, db.courseBundles], () => readBundle(db, patientId)),
  );
  return refresh === null ? false : storeCourseBundle(db, refresh);
}
