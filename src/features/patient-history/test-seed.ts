/**
 * Test fixtures for the patient history: patient KIT-0007 (baseline NRS 7) with a course and
 * three sessions built with the record factory: session 1 (test dose) on 3 November 2025,
 * session 2 on 1 December 2025 with nausea, ondansetron, a hypertensive observation and a
 * 40 % answer, session 3 on 5 January 2026 with a 60 % answer. Optional liver panels.
 */
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords } from '../../db/records-repo.ts';
import type { ClinicalRecord, PayloadOf } from '../../domain/records.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';

export const NOW = '2026-03-04T10:00:00.000Z';

export type LiverSeed = { readonly sampledOn: string } & Partial<PayloadOf<'liver-test'>>;

export async function seedHistory(
  db: KitDatabase,
  o: {
    readonly liver?: readonly LiverSeed[];
    readonly sessions?: boolean;
    /** Sessions 4, 5, ... every three days from 8 January 2026 (a long course). */
    readonly extraSessions?: number;
  } = {},
) {
  const f = createRecordFactory({ startAt: '2025-10-20T08:00:00.000Z' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0007', baselineNrs: 7 });
  const course = f.course(patient);
  const records: ClinicalRecord[] = [patient, f.eligibility(patient), course];
  const sessionIds: string[] = [];
  if (o.sessions !== false) {
    f.at('2025-11-03T08:00:00.000Z');
    const s1 = f.completedSession(course, { sessionNumber: 1 });
    f.at('2025-12-01T08:00:00.000Z');
    const s2 = f.completedSession(course, { sessionNumber: 2 });
    records.push(...s1.records, ...s2.records);
    records.push(
      f.observation(s2.session, { systolicMmHg: 185, diastolicMmHg: 95, phase: 'recovery' }),
      f.sideEffect(s2.session, { effect: 'nausea', severity: 'mild' }),
      f.drugGiven(s2.session),
      f.outcomeAnswer(s2.session, { painImprovementPercent: 40 }),
    );
    f.at('2026-01-05T08:00:00.000Z');
    const s3 = f.completedSession(course, { sessionNumber: 3 });
    records.push(...s3.records, f.outcomeAnswer(s3.session, { painImprovementPercent: 60 }));
    sessionIds.push(s1.session.id, s2.session.id, s3.session.id);
    for (let i = 0; i < (o.extraSessions ?? 0); i++) {
      f.at(new Date(Date.parse('2026-01-08T08:00:00.000Z') + i * 3 * 86_400_000).toISOString());
      const s = f.completedSession(course, { sessionNumber: 4 + i });
      records.push(...s.records);
      sessionIds.push(s.session.id);
    }
  }
  for (const l of o.liver ?? []) {
    f.at(`${l.sampledOn}T09:00:00.000Z`);
    records.push(f.liverTest(patient, l));
  }
  const stored = await appendRecords(db, records);
  if (!stored.ok) throw new Error(stored.error.message);
  return { patientId: patient.id, sessionIds };
}
