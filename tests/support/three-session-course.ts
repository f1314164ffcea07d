import type { ClinicalRecord } from '../../src/domain/records.ts';
import { createRecordFactory } from '../../src/domain/records/builders.ts';

/** A patient with three completed sessions and, for contrast, another patient's session. */
export function threeSessionCourse() {
  const f = createRecordFactory({ startAt: '2026-01-05T08:00:00.000Z' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0101' });
  const c = f.course(patient);
  const records: ClinicalRecord[] = [patient, f.eligibility(patient), c];
  const sessions = [1, 2, 3].map((n) => {
    f.at(`2026-0${n}-10T08:00:00.000Z`);
    const s = f.completedSession(c, { sessionNumber: n });
    records.push(...s.records);
    return s.session;
  });
  const other = f.patient({ centerPatientNumber: 'KIT-0102' });
  const otherCourse = f.course(other);
  records.push(other, otherCourse, ...f.completedSession(otherCourse).records);
  return { f, patientId: patient.id, sessions, records };
}
