/**
 * A patient's records for a view of the whole course that shows one session in detail (the
 * patient history, issue 5: opening it within 100 ms). Vitals every 15 minutes and every
 * checklist tick are three quarters of a long course's records (a 90-session course: 2,900
 * of 3,800 records, 1.5 of 2.2 MB), and such a view shows them for one session only. Reading
 * them for every session was most of the time a history took to open.
 *
 * The rest (900 records on such a course) is read from the patient's course bundle, one stored
 * value kept up to date with every write (src/db/course-bundles.ts).
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
import type { ClinicalRecord } from '../domain/records.ts';
import {
  PER_SESSION_BULK_KINDS,
  readCourseBundle,
  type CourseBundleRefresh,
} from './course-bundles.ts';
import type { KitDatabase } from './database.ts';
import { readOrThrow } from './errors.ts';
import { fromStorage } from './from-storage.ts';

export type CourseRecords = {
  /** Every record read (see the file header), unordered. */
  readonly records: readonly ClinicalRecord[];
  /** The session whose bulk records were read, as `detailSession` chose it. */
  readonly detailSessionId: string | null;
  /** Store it (outside a live query) with storeCourseBundle; null when the bundle was used. */
  readonly refresh: CourseBundleRefresh | null;
};

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
    db.transaction('r', [db.records, db.courseHeads, db.courseBodies], async () => {
      const { stored, refresh } = await readCourseBundle(db, patientId);
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
