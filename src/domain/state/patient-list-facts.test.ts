import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../records/builders.ts';
import { RECORD_KIND_DEFINITIONS } from '../records/registry.ts';
import { derivePatientSummary } from './patient-summary.ts';
import { mayChangeListFacts, patientListFacts } from './patient-list-facts.ts';

describe('patientListFacts', () => {
  it('is null until the patient record is here, then carries what a list row shows', () => {
    const f = createRecordFactory();
    const p = f.patient({ sex: 'female', birthDate: '1968-04-02', birthYear: undefined });
    const course = f.course(p);
    expect(patientListFacts(derivePatientSummary([course], p.id))).toBeNull();
    const { records } = f.completedSession(course);
    expect(patientListFacts(derivePatientSummary([p, course, ...records], p.id))).toEqual({
      sex: 'female',
      birthDate: '1968-04-02',
      birthYear: null,
      courseStatus: 'active',
      nextSessionNumber: 2,
      needsReview: false,
    });
  });
});

describe('mayChangeListFacts', () => {
  const f = createRecordFactory();
  const p = f.patient();
  const course = f.course(p);
  const session = f.session(course);
  const observation = f.observation(session);

  it('is true for the kinds the facts come from, for markers and for any correction', () => {
    for (const r of [p, course, f.courseStatus(course), session, f.infusionEvent(session, 'start')])
      expect(mayChangeListFacts(r), r.kind).toBe(true);
    expect(mayChangeListFacts(f.enteredInError(observation))).toBe(true);
    expect(mayChangeListFacts(f.correction(observation, { rass: 1 }))).toBe(true);
  });

  it('is false for new bedside entries that the list does not show', () => {
    for (const r of [
      observation,
      f.sideEffect(session),
      f.drugGiven(session),
      f.discharge(session),
      f.weight(session),
      f.baselineVitals(session),
    ])
      expect(mayChangeListFacts(r), r.kind).toBe(false);
  });

  it('knows every record kind (a new kind must be placed on one side on purpose)', () => {
    const decided = new Set([
      'patient',
      'course',
      'course-status',
      'session',
      'infusion-event',
      'entered-in-error',
      'eligibility-screening',
      'weight',
      'baseline-vitals',
      'checklist-item',
      'dose-plan',
      'double-check',
      'sign-off',
      'observation',
      'side-effect',
      'drug-given',
      'discharge',
      'outcome-answer',
      'liver-test',
      'settings-version',
      'staff-member',
    ]);
    expect(new Set(RECORD_KIND_DEFINITIONS.map((d) => d.kind))).toEqual(decided);
  });
});
