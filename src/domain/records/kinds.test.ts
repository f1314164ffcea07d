import { describe, expect, it } from 'vitest';
import { RELATIVE_CONTRAINDICATIONS } from '../eligibility.ts';
import { S_KETAMINE_TEMPLATE } from '../protocols/s-ketamine-template.ts';
import { DEFAULT_CENTER_SETTINGS } from '../settings.ts';
import {
  CONTRAINDICATION_KEY_BY_ID,
  parseClinicalRecord,
  type ClinicalRecord,
} from '../records.ts';
import { createRecordFactory } from './builders.ts';

type Loose = Record<string, unknown> & { payload: Record<string, unknown> };
const loose = (r: ClinicalRecord) => structuredClone(r) as unknown as Loose;
/** Parses `r` after `edit`, returning the failing field or 'ok'. */
function fieldAfter(r: ClinicalRecord, edit: (x: Loose) => void): string {
  const x = loose(r);
  edit(x);
  const result = parseClinicalRecord(x);
  return result.ok ? 'ok' : result.error.field;
}

const f = createRecordFactory();
const patient = f.patient();
const course = f.course(patient);
const session = f.session(course);
const weight = f.weight(session);

describe('scope: where a record may live', () => {
  it('center-level records have no patient or session', () => {
    expect(fieldAfter(f.staffMember(), (x) => (x.patientId = patient.id))).toBe('patientId');
    expect(fieldAfter(f.settingsVersion(), (x) => (x.sessionId = session.id))).toBe('sessionId');
  });
  it('session records need a session; patient records refuse one', () => {
    expect(fieldAfter(weight, (x) => (x.sessionId = null))).toBe('sessionId');
    expect(fieldAfter(weight, (x) => (x.patientId = null))).toBe('patientId');
    expect(fieldAfter(course, (x) => (x.sessionId = session.id))).toBe('sessionId');
    expect(fieldAfter(f.liverTest(patient), (x) => (x.sessionId = session.id))).toBe('ok');
  });
  it('a new patient and a new session use their own id; a correction keeps the original', () => {
    expect(fieldAfter(patient, (x) => (x.patientId = session.id))).toBe('patientId');
    expect(fieldAfter(session, (x) => (x.sessionId = weight.id))).toBe('sessionId');
    const fixed = f.correction(patient, { baselineNrs: 8 });
    expect(fixed.patientId).toBe(patient.id);
    expect(fixed.id).not.toBe(patient.id);
  });
});

describe('patient', () => {
  it('needs exactly one of birth date and birth year', () => {
    expect(fieldAfter(patient, (x) => (x.payload.birthDate = '1970-03-01'))).toBe(
      'payload.birthDate',
    );
    expect(fieldAfter(patient, (x) => delete x.payload.birthYear)).toBe('payload.birthDate');
    expect(
      fieldAfter(patient, (x) => {
        delete x.payload.birthYear;
        x.payload.birthDate = '1970-03-01';
      }),
    ).toBe('ok');
  });
  it('pain type opinions come from two different physicians; an external one is optional', () => {
    expect(
      fieldAfter(
        patient,
        (x) =>
          ((x.payload.painTypeOpinions as { physician2: { staffId: string } }).physician2.staffId =
            'dr-a'),
      ),
    ).toBe('payload.painTypeOpinions.physician2.staffId');
    const disagree = f.patient({
      painTypeOpinions: {
        physician1: { staffId: 'dr-a', painType: 'neuropathic' },
        physician2: { staffId: 'dr-b', painType: 'nociplastic' },
        external: { staffId: 'dr-x', painType: 'nociplastic' },
      },
    });
    expect(disagree.payload.painTypeOpinions.external?.painType).toBe('nociplastic');
    expect(
      fieldAfter(
        patient,
        (x) =>
          ((
            x.payload.painTypeOpinions as { physician1: { painType: string } }
          ).physician1.painType = 'oncologic'),
      ),
    ).toBe('payload.painTypeOpinions.physician1.painType');
  });
  it('center patient number: letters, digits and separators, no spaces', () => {
    expect(fieldAfter(patient, (x) => (x.payload.centerPatientNumber = 'KIT 001'))).toBe(
      'payload.centerPatientNumber',
    );
    expect(fieldAfter(patient, (x) => (x.payload.centerPatientNumber = ''))).toBe(
      'payload.centerPatientNumber',
    );
  });
});

describe('eligibility, course and course status', () => {
  it('eligibility has exactly the six ASRA contraindications', () => {
    const e = f.eligibility(patient);
    expect(
      fieldAfter(
        e,
        (x) => ((x.payload.contraindications as Record<string, boolean>).allergy = true),
      ),
    ).toBe('payload.contraindications.allergy');
    expect(
      fieldAfter(
        e,
        (x) => delete (x.payload.contraindications as Record<string, boolean>).pregnancy,
      ),
    ).toBe('payload.contraindications.pregnancy');
    // The same six as the eligibility rules (eligibility.ts ids), one key per id.
    const keys = RELATIVE_CONTRAINDICATIONS.map((c) => CONTRAINDICATION_KEY_BY_ID[c.id]);
    expect(Object.keys(e.payload.contraindications).sort()).toEqual([...new Set(keys)].sort());
  });
  it('a discontinuation needs a reason; "other" needs text; active has none', () => {
    const s = f.courseStatus(course, {
      status: 'discontinued',
      reason: 'side-effects',
      afterAdministrations: 2,
    });
    expect(fieldAfter(s, (x) => delete x.payload.reason)).toBe('payload.reason');
    expect(fieldAfter(s, (x) => (x.payload.reason = 'other'))).toBe('payload.reasonText');
    expect(fieldAfter(s, (x) => (x.payload.status = 'active'))).toBe('payload.reason');
    expect(fieldAfter(s, (x) => (x.payload.afterAdministrations = 1.5))).toBe(
      'payload.afterAdministrations',
    );
  });
});

describe('session snapshots', () => {
  it('protocolKey and settingsVersion must match the snapshots', () => {
    expect(fieldAfter(session, (x) => (x.protocolKey = 'kit-racemic@2.0.0'))).toBe('protocolKey');
    expect(fieldAfter(session, (x) => (x.settingsVersion = 2))).toBe('settingsVersion');
  });
  it('refuses a protocol without doses (S-ketamine not configured)', () => {
    expect(
      fieldAfter(session, (x) => {
        x.payload.protocolSnapshot = S_KETAMINE_TEMPLATE;
        x.protocolKey = `${S_KETAMINE_TEMPLATE.id}@${S_KETAMINE_TEMPLATE.version}`;
      }),
    ).toBe('payload.protocolSnapshot.ketamine.sessionDoses');
  });
  it('refuses settings whose limits are out of order or values out of bounds', () => {
    const limits = { ...DEFAULT_CENTER_SETTINGS.limits, weightSoftMinKg: 20 };
    expect(
      fieldAfter(
        session,
        (x) => (x.payload.settingsSnapshot = { ...DEFAULT_CENTER_SETTINGS, limits }),
      ),
    ).toBe('payload.settingsSnapshot.limits.weightSoftMinKg');
    expect(
      fieldAfter(
        session,
        (x) =>
          (x.payload.settingsSnapshot = { ...DEFAULT_CENTER_SETTINGS, observationIntervalMin: 31 }),
      ),
    ).toBe('payload.settingsSnapshot.observationIntervalMin');
  });
});

describe('vitals, events, side effects, drugs, discharge, outcome', () => {
  it('diastolic must be below systolic (swapped values)', () => {
    const v = f.baselineVitals(session);
    expect(fieldAfter(v, (x) => (x.payload.diastolicMmHg = 130))).toBe('payload.diastolicMmHg');
    expect(fieldAfter(v, (x) => (x.payload.diastolicMmHg = 129))).toBe('ok');
    expect(fieldAfter(v, (x) => (x.payload.respiratoryRatePerMin = null))).toBe('ok');
    expect(fieldAfter(f.observation(session), (x) => delete x.payload.respiratoryRatePerMin)).toBe(
      'payload.respiratoryRatePerMin',
    );
  });
  it('a start carries both rates; pause/stop none; a rate change at least one', () => {
    const start = f.infusionEvent(session, 'start');
    expect(fieldAfter(start, (x) => delete x.payload.propofolRateMlPerH)).toBe(
      'payload.ketamineRateMlPerH',
    );
    expect(
      fieldAfter(f.infusionEvent(session, 'stop'), (x) => (x.payload.ketamineRateMlPerH = 12.5)),
    ).toBe('payload.ketamineRateMlPerH');
    expect(
      fieldAfter(f.infusionEvent(session, 'rate-change', { propofolRateMlPerH: 5 }), () => {}),
    ).toBe('ok');
    expect(fieldAfter(start, (x) => (x.payload.event = 'rate-change'))).toBe('ok');
    expect(fieldAfter(start, (x) => (x.payload.ketamineRateMlPerH = 0))).toBe(
      'payload.ketamineRateMlPerH',
    );
  });
  it('side effect "other" needs a description; drugs name who ordered and who gave', () => {
    expect(fieldAfter(f.sideEffect(session), (x) => (x.payload.effect = 'other'))).toBe(
      'payload.otherText',
    );
    expect(fieldAfter(f.drugGiven(session), (x) => delete x.payload.givenByStaffId)).toBe(
      'payload.givenByStaffId',
    );
    expect(fieldAfter(f.drugGiven(session), (x) => (x.payload.route = 'IT'))).toBe('payload.route');
    expect(fieldAfter(f.drugGiven(session), (x) => (x.payload.route = 'SL'))).toBe('ok');
  });
  it('discharge: the Aldrete score is the sum of its items', () => {
    const d = f.discharge(session);
    expect(fieldAfter(d, (x) => (x.payload.aldreteScore = 9))).toBe('payload.aldreteScore');
    expect(
      fieldAfter(d, (x) => ((x.payload.aldreteItems as Record<string, number>).activity = 3)),
    ).toBe('payload.aldreteItems.activity');
    expect(
      fieldAfter(d, (x) => ((x.payload.totalsDelivered as Record<string, number>).ketamineMg = 0)),
    ).toBe('ok');
    expect(
      fieldAfter(d, (x) => ((x.payload.totalsDelivered as Record<string, number>).ketamineMg = -1)),
    ).toBe('payload.totalsDelivered.ketamineMg');
  });
  it('outcome: a decision to stop needs a reason, "continue" has none', () => {
    const o = f.outcomeAnswer(session, {
      decision: 'discontinue',
      discontinuationReason: 'lack-of-effect',
      painImprovementPercent: 10,
    });
    expect(fieldAfter(o, (x) => delete x.payload.discontinuationReason)).toBe(
      'payload.discontinuationReason',
    );
    expect(fieldAfter(o, (x) => (x.payload.decision = 'continue'))).toBe(
      'payload.discontinuationReason',
    );
    expect(fieldAfter(o, (x) => (x.payload.discontinuationReason = 'other'))).toBe(
      'payload.reasonText',
    );
  });
  it('free text must not be blank', () => {
    expect(fieldAfter(f.sideEffect(session), (x) => (x.payload.responseTaken = '   '))).toBe(
      'payload.responseTaken',
    );
  });
});

describe('entered in error and corrections', () => {
  it('a marker cannot target itself or be corrected', () => {
    const m = f.enteredInError(weight);
    expect(fieldAfter(m, (x) => (x.payload.targetRecordId = m.id))).toBe('payload.targetRecordId');
    expect(fieldAfter(m, (x) => (x.supersedes = { recordId: weight.id, reason: 'oops' }))).toBe(
      'supersedes',
    );
  });
  it('a correction needs a reason of at least 3 characters', () => {
    const c = f.correction(weight, { weightKg: 71 });
    expect(c.supersedes?.recordId).toBe(weight.id);
    expect(fieldAfter(c, (x) => (x.supersedes = { recordId: weight.id, reason: 'x' }))).toBe(
      'supersedes.reason',
    );
  });
});
