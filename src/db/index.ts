/**
 * Public API of the tablet database. Writes return a WriteResult (never throw); reads reject
 * with a StorageError whose message a nurse can act on.
 */
export {
  DATABASE_NAME,
  KitDatabase,
  openKitDatabase,
  type DraftRow,
  type KeyValueRow,
  type OpenOptions,
  type OutboxRow,
  type PatientIndexRow,
} from './database.ts';
export {
  StorageError,
  toStorageError,
  type InvalidRecordError,
  type RecordWriteError,
  type StorageErrorReason,
  type WriteResult,
} from './errors.ts';
export {
  appendRecord,
  appendRecords,
  getRecord,
  recordsForPatient,
  recordsForSession,
  recordsOfKind,
} from './records-repo.ts';
export {
  listPatients,
  rebuildPatientIndex,
  type ListPatientsOptions,
  type PatientListItem,
} from './patient-index.ts';
export { clearDraft, draftKey, loadDraft, saveDraft } from './drafts.ts';
export {
  getPullCursor,
  markSynced,
  markSyncFailed,
  outboxCount,
  pendingOutbox,
  storePulledRecords,
  type PendingRecord,
  type PullResult,
  type SyncCursor,
} from './sync-repo.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
