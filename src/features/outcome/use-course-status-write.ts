/**
 * Writes a `course-status` record for the course this session belongs to (the session's own
 * `courseId`), at patient level (the schema's scope), under the session's protocol key and
 * settings version.
 */
import { useCallback } from 'react';
import type { WriteResult } from '../../db/errors.ts';
import type { PayloadOf, RecordOfKind } from '../../domain/records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';

type StatusPayload = Omit<PayloadOf<'course-status'>, 'courseId'>;

export function useCourseStatusWrite(session: RecordOfKind<'session'>) {
  const { writer } = useBedside();
  return useCallback(
    (
      payload: StatusPayload,
      authorStaffId: string,
    ): Promise<WriteResult<RecordOfKind<'course-status'>>> =>
      writer.write(
        'course-status',
        { patientId: session.patientId, sessionId: null },
        { courseId: session.payload.courseId, ...payload },
        {
          authorStaffId,
          protocolKey: session.protocolKey,
          settingsVersion: session.settingsVersion,
        },
      ),
    [writer, session],
  );
}
