/**
 * Who and what a pre-check record is written under: the person recording now, and the
 * protocol and settings version of the session itself (not the ones in force today), so a
 * session keeps running under the values it started with.
 */
import type { RecordOwner, WriteContext } from '../../db/record-writer.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';

export type SessionRecord = RecordOfKind<'session'>;

export const writeContextOf = (actor: StaffMember, session: SessionRecord): WriteContext => ({
  authorStaffId: actor.staffId,
  protocolKey: session.protocolKey,
  settingsVersion: session.settingsVersion,
});

export const ownerOf = (session: SessionRecord): RecordOwner => ({
  patientId: session.patientId,
  sessionId: session.sessionId,
});
