/**
 * Writes a record of this session in the name of who is recording, with the session's own
 * protocol key and settings version (not the ones in force today: the session keeps what it
 * ran with). Null when nobody is recording: the screen then saves nothing and says why.
 */
import { useMemo } from 'react';
import type { WriteResult } from '../db/errors.ts';
import type { WriteOptions } from '../db/record-writer.ts';
import type { PayloadOf, RecordKind, RecordOfKind } from '../domain/records/registry.ts';
import { useBedside } from './bedside-context.tsx';

export type SessionWrite = <K extends RecordKind>(
  kind: K,
  payload: PayloadOf<K>,
  options?: WriteOptions,
) => Promise<WriteResult<RecordOfKind<K>>>;

export function useSessionWrite(
  session: RecordOfKind<'session'>,
  sessionId: string,
): SessionWrite | null {
  const { writer, actor } = useBedside();
  return useMemo(() => {
    if (actor === null) return null;
    const write: SessionWrite = (kind, payload, options) =>
      writer.write(
        kind,
        { patientId: session.patientId, sessionId },
        payload,
        {
          authorStaffId: actor.staffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
        options,
      );
    return write;
  }, [writer, actor, session, sessionId]);
}
