/**
 * The registry's per-patient cache (issue 5: the registry of a 10-year center, ~300,000
 * records, in the browser within a second). Reading every record the registry needs takes
 * seconds on a tablet (IndexedDB reads ~40 MB); each patient's cohort entry
 * (domain/registry/cohort.ts) is kept in `registryRows` instead, and a report reads those
 * rows and recomputes only the patients whose entry is not valid any more.
 *
 * Why a stored entry is exactly what a full computation would give (the equality test in
 * registry-rows.test.ts checks it after random writes):
 * - every write of a registry-kind record marks its patient's row stale in the same
 *   transaction (markRegistryRowsStale, called by the record writers);
 * - markers and corrections crossing patients are read at every report, and an entry is
 *   valid only for the same set (domain/registry/cross-patient.ts);
 * - an entry is valid only for the app build that computed it, and only for report times
 *   from its own up to the first clinical time it left out (a record dated in the future);
 * - computed entries are stored only if their row did not change since it was read.
 */
import type { ClinicalRecord } from '../domain/records.ts';
import { cohortEntries, type CohortEntry } from '../domain/registry/cohort.ts';
import {
  crossPatientDependencies,
  referencedRecordId,
  type CrossPatientDependency,
} from '../domain/registry/cross-patient.ts';
import { REGISTRY_RECORD_KINDS } from '../domain/registry/record-kinds.ts';
import type { KitDatabase, RegistryRowState } from './database.ts';
import { fromStorage } from './from-storage.ts';
import { staleMarks } from './stale-marks.ts';

const REGISTRY_KINDS: ReadonlySet<string> = new Set(REGISTRY_RECORD_KINDS);
const isRegistryKind = (r: ClinicalRecord): boolean => REGISTRY_KINDS.has(r.kind);

type FreshRow = Extract<RegistryRowState, { state: 'fresh' }>;

/**
 * Marks the registry rows of the patients of `added` stale. Must run inside the write
 * transaction of the records (with `registryRows` in its scope), after they were added.
 */
export async function markRegistryRowsStale(
  db: KitDatabase,
  added: readonly ClinicalRecord[],
): Promise<void> {
  const marks = staleMarks(added, isRegistryKind);
  if (marks.length > 0) await db.registryRows.bulkPut(marks);
}

/** A computed row and the row it replaces (undefined: none), for storeRegistryRows. */
export type ComputedRegistryRow = {
  readonly row: FreshRow;
  readonly replaces: RegistryRowState | undefined;
};

export type RegistrySnapshot = {
  /** The report time: records with a later clinical time are left out. */
  readonly asOf: string;
  /** Every patient's entry (stored or computed now), as of `asOf`. */
  readonly entries: readonly CohortEntry[];
  /** Registry-kind records after `asOf`, left out. */
  readonly recordsAfterAsOf: number;
  /** Entries computed by this read: store them (outside a live query) with storeRegistryRows. */
  readonly computed: readonly ComputedRegistryRow[];
  /** Patients whose stored entry was used as it was. */
  readonly reused: number;
};

const isValid = (
  row: RegistryRowState | undefined,
  buildId: string,
  asOf: string,
  crossPatient: string,
): row is FreshRow =>
  row?.state === 'fresh' &&
  row.buildId === buildId &&
  row.crossPatient === crossPatient &&
  row.computedAsOf <= asOf &&
  (row.validUntil === null || asOf < row.validUntil);

/** What the cache holds as of a report time: valid entries, and the patients to compute. */
type CacheState = {
  readonly patientIds: readonly string[];
  readonly storedById: ReadonlyMap<string, RegistryRowState>;
  readonly crossing: ReadonlyMap<string, CrossPatientDependency>;
  /** Entries of the valid rows, and their records after `asOf`. */
  readonly entries: CohortEntry[];
  readonly recordsAfterAsOf: number;
  /** Patients whose stored row is missing or not valid for `asOf` and `buildId`. */
  readonly dirty: readonly string[];
};

/**
 * Reads the cache state and, with `computeAll`, computes every dirty row. The callback of a
 * read transaction on records, registryRows and patientIndex, itself: it awaits Dexie
 * operations directly, because behind one more native async function Dexie lost the
 * transaction (PrematureCommitError in the jsdom tests of the registry screen).
 */
async function readCache(
  db: KitDatabase,
  context: { readonly asOf: string; readonly buildId: string },
  computeAll: boolean,
): Promise<{ readonly state: CacheState; readonly computed: ComputedRegistryRow[] }> {
  const [patientIds, stored, references] = await Promise.all([
    db.patientIndex.toCollection().primaryKeys(),
    db.registryRows.toArray(),
    readReferences(db),
  ]);
  const named = await readNamedRecords(db, references);
  const state = cacheState(
    { patientIds, stored, references, named },
    context.asOf,
    context.buildId,
  );
  if (!computeAll || state.dirty.length === 0) return { state, computed: [] };
  const own = await readPatientsRecords(db, state.dirty, state.patientIds.length);
  return { state, computed: computeDirty(state, own, state.dirty, context) };
}

function cacheState(
  read: {
    readonly patientIds: readonly unknown[];
    readonly stored: readonly RegistryRowState[];
    readonly references: readonly ClinicalRecord[];
    readonly named: ReadonlyMap<string, ClinicalRecord>;
  },
  asOf: string,
  buildId: string,
): CacheState {
  const { patientIds, stored, references, named } = read;
  const crossing = crossPatientDependencies(references, (id) => named.get(id));
  const storedById = new Map(stored.map((row) => [row.patientId, row]));

  const entries: CohortEntry[] = [];
  let recordsAfterAsOf = references.filter(
    (r) => r.patientId === null && r.clinicalTime > asOf,
  ).length;
  const dirty: string[] = [];
  const allIds = [...new Set([...patientIds.map(String), ...storedById.keys()])];
  for (const patientId of allIds) {
    const row = storedById.get(patientId);
    if (isValid(row, buildId, asOf, crossing.get(patientId)?.key ?? '')) {
      if (row.entry !== null) entries.push(row.entry);
      recordsAfterAsOf += row.recordsAfterAsOf;
    } else dirty.push(patientId);
  }
  return { patientIds: allIds, storedById, crossing, entries, recordsAfterAsOf, dirty };
}

/** The rows of `patientIds` (some of `state.dirty`), from their records `own`. */
function computeDirty(
  state: CacheState,
  own: readonly ClinicalRecord[],
  patientIds: readonly string[],
  context: { readonly asOf: string; readonly buildId: string },
): ComputedRegistryRow[] {
  return computeRows(own, patientIds, state.crossing, context).map((row) => ({
    row,
    replaces: state.storedById.get(row.patientId),
  }));
}

/**
 * Everything a registry report needs, as of `asOf`, in one read-only transaction (so it may
 * run inside a live query): stored entries that are still valid, and the others computed
 * from the records. `buildId` names the code computing entries (src/db/build-id.ts).
 */
export function readRegistrySnapshot(
  db: KitDatabase,
  asOf: string,
  buildId: string,
): Promise<RegistrySnapshot> {
  const tables = [db.records, db.registryRows, db.patientIndex];
  return db
    .transaction('r', tables, () => readCache(db, { asOf, buildId }, true))
    .then(({ state, computed }) => {
      const entries = [...state.entries];
      let recordsAfterAsOf = state.recordsAfterAsOf;
      for (const { row } of computed) {
        if (row.entry !== null) entries.push(row.entry);
        recordsAfterAsOf += row.recordsAfterAsOf;
      }
      return {
        asOf,
        entries,
        recordsAfterAsOf,
        computed,
        reused: state.patientIds.length - state.dirty.length,
      };
    });
}

/**
 * A warm-up of the cache in small steps (src/app/registry-warm-up.ts), so that the first
 * report after an app update or a large sync does not compute every entry while a person waits
 * (4.4 s on a 10-year center, bench/browser/center.ts). `plan` reads which patients need an
 * entry; each `step` computes a few of them in its own short read transaction and stores them
 * (storeRegistryRows), so a bedside save never waits long behind it.
 *
 * Safe although the plan is older than the steps: an entry is stored only if its row is still
 * the one the plan read (a record written since marks the row stale and the entry is dropped),
 * and a report checks every stored entry's cross-patient key and build against its own read.
 */
export type RegistryWarmUpPlan = {
  readonly pending: readonly string[];
  /** Computes and stores the entries of `patientIds` (from `pending`); how many were stored. */
  step(patientIds: readonly string[]): Promise<number>;
};

export async function planRegistryWarmUp(
  db: KitDatabase,
  asOf: string,
  buildId: string,
): Promise<RegistryWarmUpPlan> {
  const tables = [db.records, db.registryRows, db.patientIndex];
  const { state } = await db.transaction('r', tables, () =>
    readCache(db, { asOf, buildId }, false),
  );
  return {
    pending: state.dirty,
    async step(patientIds) {
      if (patientIds.length === 0) return 0;
      const computed = await db.transaction('r', tables, async () =>
        computeDirty(
          state,
          await readPatientsRecords(db, patientIds, state.patientIds.length),
          patientIds,
          { asOf, buildId },
        ),
      );
      return storeRegistryRows(db, computed);
    },
  };
}

/**
 * Stores computed rows whose stored row is still the one they were computed from (a record
 * written meanwhile marked it stale: that row is left for the next report). Returns how many
 * were stored.
 */
export function storeRegistryRows(
  db: KitDatabase,
  computed: readonly ComputedRegistryRow[],
): Promise<number> {
  if (computed.length === 0) return Promise.resolve(0);
  return db.transaction('rw', db.registryRows, async () => {
    const now = await db.registryRows.bulkGet(computed.map((c) => c.row.patientId));
    const unchanged = computed.filter((c, i) => sameRow(now[i], c.replaces));
    await db.registryRows.bulkPut(unchanged.map((c) => c.row));
    return unchanged.length;
  });
}

/** The same stored row: a record written meanwhile replaced it with a stale mark. */
const sameRow = (a: RegistryRowState | undefined, b: RegistryRowState | undefined): boolean =>
  rowVersion(a) === rowVersion(b);

const rowVersion = (row: RegistryRowState | undefined): string =>
  row === undefined
    ? 'none'
    : row.state === 'stale'
      ? `stale ${row.staleBy}`
      : `fresh ${row.buildId} ${row.computedAsOf} ${row.crossPatient}`;

/** Every marker, and every correction of a registry kind (through the supersedes index). */
async function readReferences(db: KitDatabase): Promise<ClinicalRecord[]> {
  const [markers, corrections] = await Promise.all([
    db.records.where('kind').equals('entered-in-error').toArray(),
    db.records.orderBy('supersedes.recordId').toArray(),
  ]);
  return fromStorage([...markers, ...corrections.filter(isRegistryKind)]);
}

/** The registry-kind records that `references` name and that are here, by id. */
async function readNamedRecords(
  db: KitDatabase,
  references: readonly ClinicalRecord[],
): Promise<ReadonlyMap<string, ClinicalRecord>> {
  const ids = [...new Set(references.map(referencedRecordId))].filter((id) => id !== null);
  const found = (await db.records.bulkGet(ids)).filter((r) => r !== undefined);
  return new Map(fromStorage(found.filter(isRegistryKind)).map((r) => [r.id, r]));
}

/**
 * The registry-kind records filed under `patientIds`. Kind by kind through the
 * [kind+patientId] index for a few patients; for many, whole kinds (one index range each is
 * far cheaper than thousands of small ones).
 */
async function readPatientsRecords(
  db: KitDatabase,
  patientIds: readonly string[],
  allPatients: number,
): Promise<ClinicalRecord[]> {
  const kinds = REGISTRY_RECORD_KINDS;
  if (patientIds.length * 4 > allPatients) {
    const wanted = new Set(patientIds);
    const perKind = await Promise.all(
      kinds.map((kind) => db.records.where('kind').equals(kind).toArray()),
    );
    return fromStorage(
      perKind.flat().filter((r) => r.patientId !== null && wanted.has(r.patientId)),
    );
  }
  const perPatient = await Promise.all(
    patientIds.flatMap((patientId) =>
      kinds.map((kind) => db.records.where('[kind+patientId]').equals([kind, patientId]).toArray()),
    ),
  );
  return fromStorage(perPatient.flat());
}

/** Rows of `patientIds` from their own records plus the records crossing to them. */
function computeRows(
  own: readonly ClinicalRecord[],
  patientIds: readonly string[],
  crossing: ReadonlyMap<string, CrossPatientDependency>,
  { asOf, buildId }: { readonly asOf: string; readonly buildId: string },
): FreshRow[] {
  const byId = new Map(own.map((r) => [r.id, r]));
  for (const patientId of patientIds)
    for (const r of crossing.get(patientId)?.records ?? []) byId.set(r.id, r);
  const upTo = [...byId.values()].filter((r) => r.clinicalTime <= asOf);
  const entries = new Map(
    cohortEntries(upTo, new Set(patientIds)).map((entry) => [entry.patientId, entry]),
  );
  const ownBy = new Map<string, ClinicalRecord[]>();
  for (const r of own)
    if (r.patientId !== null) {
      const list = ownBy.get(r.patientId);
      if (list) list.push(r);
      else ownBy.set(r.patientId, [r]);
    }
  return patientIds.map((patientId) => {
    const mine = ownBy.get(patientId) ?? [];
    const later = [...mine, ...(crossing.get(patientId)?.records ?? [])]
      .map((r) => r.clinicalTime)
      .filter((t) => t > asOf)
      .sort();
    return {
      patientId,
      state: 'fresh',
      buildId,
      computedAsOf: asOf,
      validUntil: later[0] ?? null,
      crossPatient: crossing.get(patientId)?.key ?? '',
      recordsAfterAsOf: mine.filter((r) => r.clinicalTime > asOf).length,
      entry: entries.get(patientId) ?? null,
    };
  });
}

const holds = new WeakMap<KitDatabase, number>();

/**
 * While a registry report is on screen it computes what it lacks itself, and every entry the
 * warm-up stored would make its live query read and compute again: the warm-up waits. Returns
 * the release.
 */
export function holdRegistryWarmUp(db: KitDatabase): () => void {
  holds.set(db, (holds.get(db) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds.set(db, (holds.get(db) ?? 1) - 1);
  };
}

export const isRegistryWarmUpHeld = (db: KitDatabase): boolean => (holds.get(db) ?? 0) > 0;
