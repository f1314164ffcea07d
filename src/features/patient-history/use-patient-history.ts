/**
 * The history of one patient, read live from IndexedDB: the whole course, and the vitals of
 * one session (`chosenSessionId`, else the latest started; db/course-records.ts says why only
 * one). Every committed write to what it read shows at once. While another session's vitals
 * are read the previous result stays on screen (useLiveQuery keeps it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { courseRecordsForPatient } from '../../db/course-records.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { defaultVitalsSession, deriveHistory, type PatientHistory } from './history-data.ts';

export type PatientHistoryView = PatientHistory & {
  /** The session whose vitals were read; null when the patient has no session. */
  readonly vitalsSessionId: string | null;
};

/** undefined while loading; null when the patient has no records on this tablet. */
export function usePatientHistory(
  patientId: string,
  chosenSessionId: string | null,
): PatientHistoryView | null | undefined {
  const { db } = useBedside();
  return useLiveQuery(async () => {
    // Derived from the overview to pick the default session; reused when it adds nothing.
    const first: { overview?: PatientHistory } = {};
    const course = await courseRecordsForPatient(db, patientId, (records) => {
      if (chosenSessionId !== null) return chosenSessionId;
      first.overview = deriveHistory(records, patientId);
      return defaultVitalsSession(first.overview.summary);
    });
    if (course.records.length === 0) return null;
    const history =
      first.overview !== undefined && course.detailSessionId === null
        ? first.overview
        : deriveHistory(course.records, patientId);
    return { ...history, vitalsSessionId: course.detailSessionId };
  }, [db, patientId, chosenSessionId]);
}
