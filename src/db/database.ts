/**
 * The tablet database (IndexedDB through Dexie 4): the one module that declares its schema.
 * Clinical records are append-only (protocol.md section 6): they are added, never put over,
 * never deleted; each write goes with its outbox row in one transaction (records-repo.ts).
 *
 * Schema changes add `this.version(n + 1).stores(...).upgrade(...)` below; a published
 * version is never edited. Record payload upgrades are NOT done here: stored records keep
 * their schemaVersion and are upgraded when read (domain/records/migrations.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ClinicalRecord } from '../domain/records.ts';
import type { CohortEntry } from '../domain/registry/cohort.ts';
import type { PatientListFacts } from '../domain/state/patient-list-facts.ts';
import { fromStorage } from './from-storage.ts';
import { patientIndexRowFrom } from './patient-index.ts';
import type { StaleMark } from './stale-marks.ts';

export const DATABASE_NAME = 'kit-bedside';

/** A record waiting to be pushed to the center server. */
export type OutboxRow = {
  readonly recordId: string;
  /** Device time of the write, ISO instant (the record's deviceTime). */
  readonly queuedAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
};

export type KeyValueRow = { readonly key: string; readonly value: unknown };

/** An unsaved form (UI state only, never a clinical record). Key: `${formId}:${sessionId}`. */
export type DraftRow = {
  readonly key: string;
  readonly formId: string;
  readonly sessionId: string | null;
  readonly value: unknown;
  /** Device time of the last save, ISO instant. */
  readonly updatedAt: string;
};

/**
 * One row per patient, maintained in the same transaction as the records, so the patient
 * list (500 patients, 400,000 records) reads 500 small rows instead of scanning records.
 */
export type PatientIndexRow = {
  readonly patientId: string;
  /** From the current patient record; null while only other records of the patient are here. */
  readonly centerPatientNumber: string | null;
  /** Lower-cased number for prefix search ('' when unknown). */
  readonly numberLower: string;
  readonly isSynthetic: boolean;
  /** Latest clinical time of any record of the patient, ISO instant. */
  readonly lastActivityAt: string;
  /**
   * What the list row shows (sex, age, course status, next session, review), so opening the
   * list reads no records. null until the patient record is here; undefined in rows written by
   * version 1-2 databases (rebuilt by the version-3 upgrade).
   */
  readonly facts?: PatientListFacts | null;
};

/**
 * A staff member's PIN on this tablet (version 2): only a salted PBKDF2-SHA-256 hash, never the
 * PIN, plus the wrong-PIN counter and lockout (domain/pin-policy.ts). Never synced: PINs stay
 * on the tablet where they were set (src/db/staff-pins.ts).
 */
export type StaffPinRow = {
  readonly staffId: string;
  readonly algorithm: 'PBKDF2-SHA-256';
  /** PBKDF2 iterations used for this hash (kept per row so the count can be raised later). */
  readonly iterations: number;
  /** 16 random bytes, base64. */
  readonly saltB64: string;
  /** 32-byte derived key, base64. */
  readonly hashB64: string;
  /** Device time the PIN was set, ISO instant. */
  readonly setAt: string;
  readonly failedAttempts: number;
  /** ISO instant until which no PIN is checked; null when not locked out. */
  readonly lockedUntil: string | null;
};

/**
 * The stores of version 2 (published: never edit). Version 3 changed no store, only the rows
 * of `patientIndex`, so it declares the same.
 */
export const STORES_V2: Readonly<Record<string, string>> = Object.freeze({
  records:
    'id, kind, patientId, sessionId, clinicalTime, [patientId+clinicalTime], [sessionId+clinicalTime], [kind+patientId]',
  outbox: 'recordId, queuedAt',
  syncState: 'key',
  drafts: 'key, updatedAt',
  meta: 'key',
  patientIndex: 'patientId, numberLower, lastActivityAt',
  staffPins: 'staffId',
});

/**
 * The stores of version 4: records also indexed by the record a correction supersedes (so
 * the registry finds every correction without reading all records), and the registry's
 * per-patient cache (src/db/registry-rows.ts).
 */
export const STORES_V4: Readonly<Record<string, string>> = Object.freeze({
  ...STORES_V2,
  records: `${STORES_V2.records}, supersedes.recordId`,
  registryRows: 'patientId',
});

/**
 * The stores of version 5: each patient's course bundle in one row (split into head and body
 * in version 6), indexed by state so the background warm-up finds the stale ones without
 * reading any. It starts empty: the warm-up or the first history opening fills it.
 */
export const STORES_V5: Readonly<Record<string, string>> = Object.freeze({
  ...STORES_V4,
  courseBundles: 'patientId, state',
});

/**
 * The stores of version 6: the course bundle split in two (src/db/course-bundles.ts), so a
 * record written after a bundle was made extends it instead of making it stale: a small head
 * that every writer of records updates (indexed by state, so the background warm-up finds the
 * bundles to bring up to date without reading any) and the body, the copy itself, which only a
 * refresh writes. The version-5 bundles are dropped: both tables start empty and the warm-up,
 * or a patient's first history opening, fills them.
 */
export const STORES_V6: Readonly<Record<string, string | null>> = Object.freeze({
  ...STORES_V5,
  courseBundles: null,
  courseHeads: 'patientId, state',
  courseBodies: 'patientId',
});

/**
 * The state of a patient's course bundle, written in the same transaction as every record of
 * the bundled kinds (not observations or checklist ticks): 'fresh', the body holds every such
 * record stored; 'tailed', the body plus the records `tail` names (written since, in order);
 * 'stale', the body must not be used (none yet, or too many records written since; `staleBy`
 * is the last of them). src/db/course-bundles.ts.
 */
export type CourseHeadRow =
  | StaleMark
  | { readonly patientId: string; readonly state: 'fresh' }
  | { readonly patientId: string; readonly state: 'tailed'; readonly tail: readonly string[] };

/**
 * A copy, in one row, of every stored record of a patient except the per-session bulk kinds,
 * as of the bundle's last refresh, so the patient history reads one value instead of a
 * thousand. A copy of stored rows, not derived data: it stays valid across app versions
 * (readers upgrade it as they upgrade records). An upgrade that ever rewrites stored records
 * must clear this table.
 */
export type CourseBodyRow = {
  readonly patientId: string;
  readonly records: readonly ClinicalRecord[];
};

/**
 * A patient's registry cohort entry as last computed (derived data, never a clinical record:
 * it is replaced whenever the patient's records change and can always be recomputed).
 * 'stale': a record of the patient was written since (`staleBy`, its id), in the same
 * transaction as that record.
 */
export type RegistryRowState =
  | StaleMark
  | {
      readonly patientId: string;
      readonly state: 'fresh';
      /** The app build that computed it (src/db/build-id.ts): another build recomputes. */
      readonly buildId: string;
      /** The report time it was computed for, ISO instant. */
      readonly computedAsOf: string;
      /** Earliest clinical time of a record it left out (after computedAsOf), or null. */
      readonly validUntil: string | null;
      /** Corrections and markers crossing patients that it depends on (registry-rows.ts). */
      readonly crossPatient: string;
      /** The patient's registry-kind records after computedAsOf, left out. */
      readonly recordsAfterAsOf: number;
      /** null: the patient id files no record the registry counts for it. */
      readonly entry: CohortEntry | null;
    };

export class KitDatabase extends Dexie {
  // `declare`: Dexie creates these properties in `stores()`; a class field would overwrite them.
  declare records: EntityTable<ClinicalRecord, 'id'>;
  declare outbox: EntityTable<OutboxRow, 'recordId'>;
  declare syncState: EntityTable<KeyValueRow, 'key'>;
  declare drafts: EntityTable<DraftRow, 'key'>;
  declare meta: EntityTable<KeyValueRow, 'key'>;
  declare patientIndex: EntityTable<PatientIndexRow, 'patientId'>;
  declare staffPins: EntityTable<StaffPinRow, 'staffId'>;
  declare registryRows: EntityTable<RegistryRowState, 'patientId'>;
  declare courseHeads: EntityTable<CourseHeadRow, 'patientId'>;
  declare courseBodies: EntityTable<CourseBodyRow, 'patientId'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      // Null patientId/sessionId (center-level records) are simply not in those indexes.
      records:
        'id, kind, patientId, sessionId, clinicalTime, [patientId+clinicalTime], [sessionId+clinicalTime], [kind+patientId]',
      outbox: 'recordId, queuedAt',
      syncState: 'key',
      drafts: 'key, updatedAt',
      meta: 'key',
      patientIndex: 'patientId, numberLower, lastActivityAt',
    });
    // Version 2: staff PIN hashes (issue 4). Every version-1 store is repeated unchanged; the
    // new table starts empty, so no upgrade function is needed.
    this.version(2).stores(STORES_V2);
    // Version 3: patient list rows carry the list facts (PatientIndexRow.facts), so the list
    // reads no records. Same stores; every existing row is recomputed from its records once.
    this.version(3)
      .stores(STORES_V2)
      .upgrade(async (tx) => {
        const index = tx.table<PatientIndexRow, string>('patientIndex');
        const records = tx.table<ClinicalRecord, string>('records');
        for (const patientId of await index.toCollection().primaryKeys()) {
          const stored = await records.where('patientId').equals(patientId).toArray();
          let row: PatientIndexRow;
          try {
            row = patientIndexRowFrom(patientId, fromStorage(stored));
          } catch {
            // A record this version cannot read must not stop the database from opening: the
            // row keeps no facts (the list shows the number only) until the app can read it.
            continue;
          }
          await index.put(row);
        }
      });
    // Version 4: the `supersedes.recordId` index (IndexedDB fills it from the stored records)
    // and the registry cache, which starts empty: the first registry opening fills it.
    this.version(4).stores(STORES_V4);
    // Version 5: the course bundles, which start empty (the background warm-up, or a
    // patient's first history opening, fills them).
    this.version(5).stores(STORES_V5);
    // Version 6: course bundles as head and body (see STORES_V6); no upgrade function, the
    // new tables start empty.
    this.version(6).stores(STORES_V6);
  }
}

export type OpenOptions = {
  /**
   * Another tab or a new app version wants to upgrade or delete the database. This
   * connection is closed for good (later calls fail with a StorageError asking to reload),
   * so old code can never write into a newer schema; the app should ask the nurse to reload.
   */
  readonly onVersionChange?: () => void;
  /** Our upgrade waits for an old tab to close: the app should ask to close other tabs. */
  readonly onBlocked?: () => void;
};

/**
 * Creates the database object (it opens on first use). Use a unique `name` per test.
 */
export function openKitDatabase(
  name: string = DATABASE_NAME,
  options: OpenOptions = {},
): KitDatabase {
  const db = new KitDatabase(name);
  db.on('versionchange', () => {
    // Dexie's own handler closed the connection but may auto-reopen it; closing again with
    // the default option disables auto-open, so nothing runs on the old schema afterwards.
    db.close();
    options.onVersionChange?.();
    return false;
  });
  db.on('blocked', () => options.onBlocked?.());
  return db;
}
