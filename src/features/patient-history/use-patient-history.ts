/**
 * The history of one patient, read live from IndexedDB: the whole course, and the vitals of
 * one session (`chosenSessionId`, else the latest started; db/course-records.ts says why only
 * one). Every committed write to what it read shows at once. While another session's vitals
 * are read the previous result stays on screen (useLiveQuery keeps it).
 *
 * When the patient's course bundle had to be read from the records, the bundle is stored when
 * the history is left: storing it while shown would make the live query read and render the
 * same history again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { storeCourseBundle, type CourseBundleRefresh } from '../../db/course-bundles.ts';
import { courseRecordsForPatient } from '../../db/course-records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import {
  defaultVitalsSession,
  deriveHistory,
  withVitalsSession,
  type PatientHistory,
} from './history-data.ts';

export type PatientHistoryView = PatientHistory & {
  /** The session whose vitals were read; null when the patient has no session. */
  readonly vitalsSessionId: string | null;
};

type Read = {
  readonly patientId: string;
  /** null: the patient has no records on this tablet. */
  readonly view: PatientHistoryView | null;
  readonly refresh: CourseBundleRefresh | null;
};

/** undefined while loading; null when the patient has no records on this tablet. */
export function usePatientHistory(
  patientId: string,
  chosenSessionId: string | null,
): PatientHistoryView | null | undefined {
  const { db } = useBedside();
  const read = useLiveQuery(async (): Promise<Read> => {
    // The course without other sessions' vitals, derived once; it picks the default session.
    const first: { overview?: PatientHistory } = {};
    const course = await courseRecordsForPatient(db, patientId, (records) => {
      first.overview = deriveHistory(records, patientId);
      return chosenSessionId ?? defaultVitalsSession(first.overview.summary);
    });
    if (course.records.length === 0 || first.overview === undefined)
      return { patientId, view: null, refresh: null };
    const history = withVitalsSession(first.overview, course.records, course.detailSessionId);
    return {
      patientId,
      view: { ...history, vitalsSessionId: course.detailSessionId },
      refresh: course.refresh,
    };
  }, [db, patientId, chosenSessionId]);

  // useLiveQuery keeps the previous result while a new query runs: after a change of patient
  // that is the other patient's history, which must never be shown here.
  const current = read?.patientId === patientId ? read : undefined;
  const refresh = useRef<CourseBundleRefresh | null>(null);
  if (current?.refresh) refresh.current = current.refresh;
  useEffect(
    () => () => {
      const pending = refresh.current;
      refresh.current = null;
      // Only a cache: when it cannot be stored (storage full) the next opening reads the records.
      if (pending !== null) storeCourseBundle(db, pending).catch(() => undefined);
    },
    [db, patientId],
  );
  return current?.view;
}
