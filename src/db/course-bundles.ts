/**
 * Course bundles: per patient, a copy in one row of every stored record except the per-session
 * bulk kinds (observations, checklist ticks), so the patient history reads one value instead
 * of a thousand index entries (IndexedDB in Chromium reads those at about 13-60 us each; a
 * 90-session course has about 900 such records). Kept in two tables (database.ts STORES_V6):
 *
 * - the body, the copy as of its last refresh, written by a refresh only;
 * - the head, which every writer of records updates in the records' own transaction
 *   (updateCourseHeads via derived-rows.ts): a record of the bundled kinds is appended to the
 *   head's tail, so the bundle stays usable after a new record, and the history of the patient
 *   just treated reads the body and its tail (one session's dozen records by id) instead of
 *   the whole course from the records. A head with no body yet, or whose tail would grow past
 *   TAIL_LIMIT (a sync that brought many sessions), is marked stale instead.
 *
 * A stale or missing bundle is read from the records (readCourseBundle says what to store);
 * storeCourseBundle stores it only over the head it was read with, so a bundle never misses a
 * record written after its read. The background warm-up (src/app/registry-warm-up.ts) brings
 * every bundle that is not fresh up to date, one patient at a time (refreshCourseBundle):
 * a tailed one by merging its tail into the body, a stale one from the records.
 */
import type { ClinicalRecord, RecordKind } from '../domain/records.ts';
import { RECORD_KINDS } from '../domain/records.ts';
import type { CourseHeadRow, KitDatabase } from './database.ts';
import { readOrThrow } from './errors.ts';

/** The kinds recorded many times in every session, read for the detailed session only. */
export const PER_SESSION_BULK_KINDS: ReadonlySet<RecordKind> = new Set([
  'observation',
  'checklist-item',
]);

const BUNDLED_KINDS = RECORD_KINDS.filter((kind) => !PER_SESSION_BULK_KINDS.has(kind));

/**
 * Records a tail may name before the bundle is read from the records instead. A session adds
 * about ten; reading 400 by id takes about as long as reading the whole course by kind.
 */
export const TAIL_LIMIT = 400;

/** A bundle read from the records because the stored one was stale or missing. */
export type CourseBundleRefresh = {
  readonly patientId: string;
  /** The head read (undefined: none); the refresh is stored only over this same head. */
  readonly replaces: CourseHeadRow | undefined;
  /** The stored rows, as stored (not upgraded). */
  readonly records: readonly ClinicalRecord[];
};

/**
 * Extends the course bundles of the patients of `added` by the records of the bundled kinds
 * among them (or marks them stale). Must run inside the write transaction of the records (with
 * `courseHeads` in its scope), after they were added.
 */
export async function updateCourseHeads(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
): Promise<void> {
  const written = new Map<string, string[]>();
  for (const r of added) {
    if (r.patientId === null || PER_SESSION_BULK_KINDS.has(r.kind)) continue;
    const ids = written.get(r.patientId) ?? [];
    ids.push(r.id);
    written.set(r.patientId, ids);
  }
  if (written.size === 0) return;
  const patientIds = [...written.keys()];
  const heads = await db.courseHeads.bulkGet(patientIds);
  await db.courseHeads.bulkPut(
    patientIds.map((patientId, i) => nextHead(heads[i], patientId, written.get(patientId) ?? [])),
  );
}

function nextHead(
  head: CourseHeadRow | undefined,
  patientId: string,
  ids: readonly string[],
): CourseHeadRow {
  if (head !== undefined && head.state !== 'stale') {
    const tail = new Set(head.state === 'tailed' ? head.tail : []);
    for (const id of ids) tail.add(id);
    if (tail.size <= TAIL_LIMIT) return { patientId, state: 'tailed', tail: [...tail] };
  }
  return { patientId, state: 'stale', staleBy: ids.at(-1) ?? '' };
}

/** `body` and the tail's records not in it (a sync may deliver a record twice). */
function withTail(
  body: readonly ClinicalRecord[],
  tail: readonly ClinicalRecord[],
): readonly ClinicalRecord[] {
  if (tail.length === 0) return body;
  const inBody = new Set(body.map((r) => r.id));
  return [...body, ...tail.filter((r) => !inBody.has(r.id))];
}

const isStored = (r: ClinicalRecord | undefined): r is ClinicalRecord => r !== undefined;

/**
 * The patient's stored records of the bundled kinds, as stored: from the bundle when it is
 * fresh or tailed, else from the records (and then `refresh` says what to store). Call inside a
 * read transaction over `records`, `courseHeads` and `courseBodies`.
 */
export async function readCourseBundle(
  db: KitDatabase,
  patientId: string,
): Promise<{ stored: readonly ClinicalRecord[]; refresh: CourseBundleRefresh | null }> {
  const head = await db.courseHeads.get(patientId);
  if (head !== undefined && head.state !== 'stale') {
    const [body, tail] = await Promise.all([
      db.courseBodies.get(patientId),
      db.records.bulkGet(head.state === 'tailed' ? [...head.tail] : []),
    ]);
    // Both are written with the head; should either be missing, the records still tell.
    if (body !== undefined && tail.every(isStored))
      return { stored: withTail(body.records, tail), refresh: null };
  }
  const parts = await Promise.all(
    BUNDLED_KINDS.map((kind) =>
      db.records.where('[kind+patientId]').equals([kind, patientId]).toArray(),
    ),
  );
  const stored = parts.flat();
  // No records: no patient (yet) on this tablet, nothing worth keeping.
  const refresh = stored.length === 0 ? null : { patientId, replaces: head, records: stored };
  return { stored, refresh };
}

/**
 * Stores a bundle read from the records, unless a record written since changed its head (that
 * write marked it stale again; the next reader reads the records). Returns whether it stored.
 */
export function storeCourseBundle(db: KitDatabase, refresh: CourseBundleRefresh): Promise<boolean> {
  return db.transaction('rw', [db.courseHeads, db.courseBodies], async () => {
    const now = await db.courseHeads.get(refresh.patientId);
    if (headVersion(now) !== headVersion(refresh.replaces)) return false;
    await db.courseBodies.put({ patientId: refresh.patientId, records: refresh.records });
    await db.courseHeads.put({ patientId: refresh.patientId, state: 'fresh' });
    return true;
  });
}

/** Every write of the bundled kinds changes the head: a new staleBy, or a longer tail. */
const headVersion = (head: CourseHeadRow | undefined): string => {
  if (head === undefined) return 'none';
  if (head.state === 'stale') return `stale ${head.staleBy}`;
  return head.state === 'tailed' ? `tailed ${head.tail.join(' ')}` : 'fresh';
};

/**
 * Patients on this tablet (the patient list) whose bundle is not fresh: tailed, stale, or
 * never made (a patient stored before bundles existed). Reads keys only.
 */
export function courseBundlesToRefresh(db: KitDatabase): Promise<string[]> {
  return db.transaction('r', [db.patientIndex, db.courseHeads], async () => {
    const [patients, fresh] = await Promise.all([
      db.patientIndex.toCollection().primaryKeys(),
      db.courseHeads.where('state').equals('fresh').primaryKeys(),
    ]);
    const isFresh = new Set<string>(fresh);
    return patients.filter((id) => !isFresh.has(id));
  });
}

/**
 * Brings one patient's bundle up to date: a tailed one by merging the tail into the body, a
 * stale or missing one by reading it from the records (one read transaction) and storing it,
 * unless a record was written meanwhile. Returns whether it stored.
 */
export async function refreshCourseBundle(db: KitDatabase, patientId: string): Promise<boolean> {
  if (await mergeTail(db, patientId)) return true;
  const { refresh } = await readOrThrow(() =>
    db.transaction('r', [db.records, db.courseHeads, db.courseBodies], () =>
      readCourseBundle(db, patientId),
    ),
  );
  return refresh === null ? false : storeCourseBundle(db, refresh);
}

/**
 * Merges a tailed bundle's tail into its body. The tail's records are read first (records
 * never change once stored); the merge then takes only the heads and bodies, so bedside
 * saves wait for the body's write only, and it keeps whatever was appended meanwhile.
 */
async function mergeTail(db: KitDatabase, patientId: string): Promise<boolean> {
  const tail = await readOrThrow(() =>
    db.transaction('r', [db.records, db.courseHeads], async () => {
      const head = await db.courseHeads.get(patientId);
      return head?.state === 'tailed' ? db.records.bulkGet([...head.tail]) : null;
    }),
  );
  if (tail === null || !tail.every(isStored)) return false;
  return db.transaction('rw', [db.courseHeads, db.courseBodies], async () => {
    const [head, body] = await Promise.all([
      db.courseHeads.get(patientId),
      db.courseBodies.get(patientId),
    ]);
    if (head?.state !== 'tailed' || body === undefined) return false;
    const named = new Set(head.tail);
    const merged = tail.filter((r) => named.has(r.id));
    const mergedIds = new Set(merged.map((r) => r.id));
    const rest = head.tail.filter((id) => !mergedIds.has(id));
    await db.courseBodies.put({ patientId, records: withTail(body.records, merged) });
    const next: CourseHeadRow =
      rest.length === 0
        ? { patientId, state: 'fresh' }
        : { patientId, state: 'tailed', tail: rest };
    await db.courseHeads.put(next);
    return true;
  });
}
