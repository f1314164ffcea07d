import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../records/builders.ts';
import type { ClinicalRecord } from '../records.ts';
import { COMPLETED_SLACK_MIN, derivePatientSummary } from './patient-summary.ts';

function patientWithCourse() {
  const f = createRecordFactory({ startAt: '2026-01-05T08:00:00.000Z' });
  const patient = f.patient({ centerPatientNumber: 'KIT-0042' });
  const course = f.course(patient);
  return { f, patient, course };
}

/** A signed session whose infusion runs `runMin` minutes (start at `at`), then discharge. */
function sessionRunning(
  f: ReturnType<typeof createRecordFactory>,
  course: Parameters<typeof f.session>[0],
  sessionNumber: number,
  at: string,
  runMin: number,
) {
  const { session, plan, records } = f.completedSession(course, { sessionNumber, started: false });
  f.at(at);
  const startEvent = f.infusionEvent(session, 'start');
  f.at(new Date(Date.parse(at) + runMin * 60_000).toISOString());
  const stop = f.infusionEvent(session, 'stop');
  return { session, plan, records: [...records, startEvent, stop, f.discharge(session)] };
}

describe('derivePatientSummary', () => {
  it('an unknown patient: nothing, next session 1', () => {
    const s = derivePatientSummary([], 'nobody');
    expect(s).toMatchObject({
      patient: null,
      course: null,
      courseStatus: null,
      sessions: [],
      lastActivityAt: null,
      nextSessionNumber: 1,
      openSessionId: null,
      needsReview: false,
    });
  });

  it('sessions with dose, tolerance and completion; next session number; dose-decision inputs', () => {
    const { f, patient, course } = patientWithCourse();
    const one = f.completedSession(course, { sessionNumber: 1, tolerated: true });
    const two = f.completedSession(course, { sessionNumber: 2, tolerated: false });
    const records: ClinicalRecord[] = [patient, course, ...one.records, ...two.records];
    const s = derivePatientSummary(records, patient.id);
    expect(s.patient?.payload.centerPatientNumber).toBe('KIT-0042');
    expect(s.courseStatus).toBe('active');
    expect(
      s.sessions.map((x) => [x.sessionNumber, x.doseMg, x.tolerated, x.completed, x.step]),
    ).toEqual([
      [1, 75, true, true, 'discharged'],
      [2, 150, false, true, 'discharged'],
    ]);
    expect(s.nextSessionNumber).toBe(3);
    expect(s.previousSessionsForDose).toEqual([
      { sessionNumber: 1, tolerated: true, completed: true },
      { sessionNumber: 2, tolerated: false, completed: true },
    ]);
    expect(s.openSessionId).toBeNull();
    expect(s.lastActivityAt).toBe(
      records
        .map((r) => r.clinicalTime)
        .sort()
        .at(-1),
    );
  });

  it('a session abandoned before the start is not an administration: the test dose is not skipped', () => {
    const { f, patient, course } = patientWithCourse();
    const abandoned = f.completedSession(course, { sessionNumber: 1, started: false });
    const s = derivePatientSummary([patient, course, ...abandoned.records], patient.id);
    expect(s.nextSessionNumber).toBe(1);
    expect(s.previousSessionsForDose).toEqual([]);
    expect(s.openSessionId).toBe(abandoned.session.id);
    expect(s.sessions[0]).toMatchObject({
      started: false,
      completed: false,
      tolerated: null,
      step: 'ready-to-start',
    });
  });

  it(`completed: running time at least the planned 240 min minus ${COMPLETED_SLACK_MIN} min`, () => {
    const { f, patient, course } = patientWithCourse();
    const plannedMin = 240;
    const cases = [
      plannedMin - COMPLETED_SLACK_MIN - 1,
      plannedMin - COMPLETED_SLACK_MIN,
      plannedMin,
      90,
    ];
    const results = cases.map((runMin, i) => {
      const { records } = sessionRunning(f, course, 1, `2026-0${i + 2}-01T09:00:00.000Z`, runMin);
      return derivePatientSummary([patient, course, ...records], patient.id).sessions[0]?.completed;
    });
    expect(results).toEqual([false, true, true, false]);
  });

  it('pauses do not count as running time', () => {
    const { f, patient, course } = patientWithCourse();
    const { session, records } = f.completedSession(course, { sessionNumber: 1, started: false });
    f.at('2026-03-01T09:00:00.000Z');
    const events = [f.infusionEvent(session, 'start')];
    f.at('2026-03-01T10:00:00.000Z');
    events.push(f.infusionEvent(session, 'pause'));
    f.at('2026-03-01T10:30:00.000Z');
    events.push(f.infusionEvent(session, 'resume'));
    f.at('2026-03-01T13:15:00.000Z'); // 60 + 165 = 225 min running
    events.push(f.infusionEvent(session, 'stop'));
    const s = derivePatientSummary(
      [patient, course, ...records, ...events, f.discharge(session)],
      patient.id,
    );
    expect(s.sessions[0]).toMatchObject({
      started: true,
      completed: false,
      date: '2026-03-01T09:00:00.000Z',
    });
  });

  it('course status, corrections of the patient and other patients', () => {
    const { f, patient, course } = patientWithCourse();
    const fixed = f.correction(patient, { baselineNrs: 8 });
    const status = f.courseStatus(course, {
      status: 'discontinued',
      reason: 'lack-of-effect',
      afterAdministrations: 3,
    });
    const otherPatient = f.patient({ centerPatientNumber: 'KIT-0099' });
    const otherCourse = f.course(otherPatient);
    const s = derivePatientSummary(
      [patient, course, fixed, status, otherPatient, otherCourse],
      patient.id,
    );
    expect(s.patient?.id).toBe(fixed.id);
    expect(s.patient?.payload.baselineNrs).toBe(8);
    expect(s.courseStatus).toBe('discontinued');
    expect(s.courseStatusRecord?.payload.reason).toBe('lack-of-effect');
    expect(s.lastActivityAt).toBe(status.clinicalTime);
  });

  it('conflicts of the patient flag it for review; the marker time counts as activity', () => {
    const { f, patient, course } = patientWithCourse();
    const a = f.correction(patient, { baselineNrs: 8 });
    const b = f.correction(patient, { baselineNrs: 9 });
    const marker = f.enteredInError(course);
    const s = derivePatientSummary([patient, course, a, b, marker], patient.id);
    expect(s.needsReview).toBe(true);
    expect(s.conflicts).toHaveLength(1);
    expect(s.course).toBeNull();
    expect(s.lastActivityAt).toBe(marker.clinicalTime);
  });
});
