/**
 * Builds the fields every record carries (id, times, author, device, protocol, settings
 * version) around a kind's payload and appends it, record + outbox row in one transaction.
 * The screens call this; they never assemble base fields themselves, so no entry can miss its
 * author or device.
 */
import type { PayloadOf, RecordKind, RecordOfKind } from '../domain/records.ts';
import { RECORD_KIND_INFO } from '../domain/records/registry.ts';
import type { Clock } from './clock.ts';
import type { KitDatabase } from './database.ts';
import type { WriteResult } from './errors.ts';
import { appendRecord } from './records-repo.ts';

export type RecordOwner = { readonly patientId: string | null; readonly sessionId: string | null };

export type WriteContext = {
  readonly authorStaffId: string;
  /** `${protocol.id}@${protocol.version}` in force for this session/patient. */
  readonly protocolKey: string;
  readonly settingsVersion: number;
};

export type WriteOptions = {
  /** When it happened at the bedside, if not now (back-dated entry). */
  readonly clinicalTime?: string;
  /** A correction: the record it supersedes and why. */
  readonly supersedes?: { readonly recordId: string; readonly reason: string } | null;
  /** A record that must use its own id as patientId/sessionId (patient, session). */
  readonly selfOwned?: 'patient' | 'session';
};

export type RecordWriter = {
  readonly newId: () => string;
  readonly write: <K extends RecordKind>(
    kind: K,
    owner: RecordOwner,
    payload: PayloadOf<K>,
    context: WriteContext,
    options?: WriteOptions,
  ) => Promise<WriteResult<RecordOfKind<K>>>;
};

export function createRecordWriter(db: KitDatabase, clock: Clock, deviceId: string): RecordWriter {
  return {
    newId: clock.newRecordId,
    write: async (kind, owner, payload, context, options = {}) => {
      const id = clock.newRecordId();
      const deviceTime = clock.nowIso();
      const record = {
        id,
        schemaVersion: RECORD_KIND_INFO[kind].schemaVersion,
        kind,
        patientId: options.selfOwned === 'patient' ? id : owner.patientId,
        sessionId: options.selfOwned === 'session' ? id : owner.sessionId,
        authorStaffId: context.authorStaffId,
        deviceId,
        clinicalTime: options.clinicalTime ?? deviceTime,
        deviceTime,
        protocolKey: context.protocolKey,
        settingsVersion: context.settingsVersion,
        supersedes: options.supersedes ?? null,
        payload,
      };
      const result = await appendRecord(db, record);
      return result as WriteResult<RecordOfKind<typeof kind>>;
    },
  };
}
