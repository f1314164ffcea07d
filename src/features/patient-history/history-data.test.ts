/**
 * The history is derived from the course records (db/course-records.ts: other sessions'
 * observations and checklist ticks left out), the shown session's vitals added after. Everything it shows must be what all the
 * patient's records give, also with a correction filed under another session and a voided
 * checklist tick.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { courseRecordsForPatient } from '../../db/course-records.ts';
import type { KitDatabase } from '../../db/database.ts';
import { appendRecords, recordsForPatient, recordsForSession } from '../../db/records-repo.ts';
import { createTestDatabase, deleteTestDatabase } from '../../db/testing.ts';
import type { RecordOfKind } from '../../domain/records.ts';
import { createRecordFactory } from '../../domain/records/builders.ts';
import { deriveHistory, withVitalsSession, type PatientHistory } from './history-data.ts';
import { seedHistory } from './test-seed.ts';

let db: KitDatabase | null = null;
afterEach(async () => {
  if (db) await deleteTestDatabase(db);
  db = null;
});

/** What the screen shows of a history, with the vitals of session `vitalsOf`. */
function shown(h: PatientHistory, vitalsOf: string) {
  const ids = (list: readonly { readonly id: string }[]) => list.map((r) => r.id);
  const vitals = h.sessions.find((s) => s.summary.sessionId === vitalsOf)?.state;
  return {
    patient: h.summary.patient?.id,
    course: h.summary.course?.id,
    administrations: h.summary.previousSessionsForDose,
    sessions: h.sessions.map(({ summary: s, sideEffects, drugs, outcome }) => ({
      row: [s.sessionId, s.sessionNumber, s.date, s.doseMg, s.tolerated, s.started, s.completed],
      sideEffects: ids(sideEffects),
      drugs: ids(drugs),
      outcome: outcome?.id,
    })),
    points: h.points.map((p) => [p.answer.id, p.afterAdministration, p.sessionId]),
    liver: ids(h.liver),
    vitals: vitals && {
      session: vitals.session?.id,
      baseline: vitals.baseline?.id,
      startedAt: vitals.infusion.startedAt,
      observations: vitals.observations.map((o) => [o.id, o.payload.heartRatePerMin]),
    },
  };
}

describe('deriveHistory on the course records', () => {
  it('shows what all the records show, for the vitals of every session', async () => {
    db = createTestDatabase();
    const { patientId, sessionIds } = await seedHistory(db, {
      liver: [{ sampledOn: '2025-12-15' }],
    });
    const [s1, s2, s3] = sessionIds as [string, string, string];
    const f = createRecordFactory({ startAt: '2026-02-01T08:00:00.000Z' });
    const ofKind = async <K extends 'observation' | 'checklist-item'>(id: string, kind: K) =>
      (await recordsForSession(db as KitDatabase, id)).filter(
        (r): r is RecordOfKind<K> => r.kind === kind,
      );
    const observation = (await ofKind(s2, 'observation'))[0] as RecordOfKind<'observation'>;
    const tick = (await ofKind(s1, 'checklist-item'))[0] as RecordOfKind<'checklist-item'>;
    const filedElsewhere = {
      ...f.correction(observation, { heartRatePerMin: 58 }),
      sessionId: s3,
    };
    expect((await appendRecords(db, [filedElsewhere, f.enteredInError(tick)])).ok).toBe(true);

    const all = deriveHistory(await recordsForPatient(db, patientId), patientId);
    for (const sessionId of [s1, s2, s3]) {
      // As usePatientHistory derives it: the overview once, then the chosen session's vitals.
      const first: { overview?: PatientHistory } = {};
      const course = await courseRecordsForPatient(db, patientId, (records) => {
        first.overview = deriveHistory(records, patientId);
        return sessionId;
      });
      if (first.overview === undefined) throw new Error('no overview');
      const history = withVitalsSession(first.overview, course.records, sessionId);
      expect(shown(history, sessionId)).toEqual(shown(all, sessionId));
    }
    // The case is not trivial: the correction counts where it was filed, the original not at all.
    expect(shown(all, s3).vitals?.observations).toContainEqual([filedElsewhere.id, 58]);
    expect(shown(all, s2).vitals?.observations.map(([id]) => id)).not.toContain(observation.id);
  });
});
