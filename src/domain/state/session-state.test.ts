import { describe, expect, it } from 'vitest';
import { createRecordFactory } from '../records/builders.ts';
import type { ClinicalRecord } from '../records.ts';
import { deriveSessionState } from './session-state.ts';

function start() {
  const f = createRecordFactory();
  const patient = f.patient();
  const course = f.course(patient);
  const session = f.session(course);
  return { f, patient, course, session };
}

/** A session up to a signed plan: pre-checks, weight, baseline, plan, double check, sign-off. */
function signedSession() {
  const s = start();
  const { f, session } = s;
  const weight = f.weight(session);
  const plan = f.dosePlan(session, weight);
  const check = f.doubleCheck(plan);
  const sign = f.signOff(plan);
  const records: ClinicalRecord[] = [
    s.patient,
    s.course,
    session,
    ...f.preChecks(session),
    weight,
    f.baselineVitals(session),
    plan,
    check,
    sign,
  ];
  return { ...s, weight, plan, check, sign, records };
}

describe('deriveSessionState: steps', () => {
  it('a new session is at pre-checks with every pre-infusion item missing', () => {
    const { session } = start();
    const state = deriveSessionState([session], session.id);
    expect(state.step).toBe('pre-checks');
    expect(state.session?.id).toBe(session.id);
    expect(state.checklist.missingPreInfusion).toHaveLength(12);
    expect(state.needsReview).toBe(false);
  });

  it('pre-checks need every item, the weight and the baseline vitals', () => {
    const { f, session } = start();
    const checks = f.preChecks(session);
    const weight = f.weight(session);
    const vitals = f.baselineVitals(session);
    expect(deriveSessionState([session, ...checks, weight], session.id).step).toBe('pre-checks');
    expect(deriveSessionState([session, ...checks.slice(1), weight, vitals], session.id).step).toBe(
      'pre-checks',
    );
    expect(deriveSessionState([session, ...checks, weight, vitals], session.id).step).toBe(
      'dose-plan',
    );
  });

  it('an item unticked later counts as missing (latest record per item wins)', () => {
    const { f, session } = start();
    const checks = f.preChecks(session);
    const untick = f.checklistItem(session, 'escort-arranged', false);
    const state = deriveSessionState(
      [session, ...checks, untick, f.weight(session), f.baselineVitals(session)],
      session.id,
    );
    expect(state.checklist.missingPreInfusion).toEqual(['escort-arranged']);
    expect(state.checklist.items['escort-arranged']?.id).toBe(untick.id);
    expect(state.step).toBe('pre-checks');
  });

  it('plan + matching independent double check + sign-off of that plan = ready to start', () => {
    const { records, session, plan, sign } = signedSession();
    const state = deriveSessionState(records, session.id);
    expect(state.currentDosePlan?.id).toBe(plan.id);
    expect(state.doubleCheck).toMatchObject({ valid: true, problems: [] });
    expect(state.signOff).toMatchObject({ valid: true, record: { id: sign.id } });
    expect(state.step).toBe('ready-to-start');
  });

  it('pump events drive running, paused, stopped; a discharge ends it', () => {
    const { f, records, session } = signedSession();
    const seq = [...records, f.infusionEvent(session, 'start')];
    expect(deriveSessionState(seq, session.id).step).toBe('running');
    seq.push(f.infusionEvent(session, 'pause'));
    expect(deriveSessionState(seq, session.id).step).toBe('paused');
    seq.push(
      f.infusionEvent(session, 'resume'),
      f.infusionEvent(session, 'rate-change', { propofolRateMlPerH: 5 }),
    );
    expect(deriveSessionState(seq, session.id).step).toBe('running');
    seq.push(f.infusionEvent(session, 'stop'));
    expect(deriveSessionState(seq, session.id).step).toBe('stopped');
    seq.push(f.discharge(session), f.outcomeAnswer(session));
    const done = deriveSessionState(seq, session.id);
    expect(done.step).toBe('discharged');
    expect(done.infusionEvents.map((e) => e.payload.event)).toEqual([
      'start',
      'pause',
      'resume',
      'rate-change',
      'stop',
    ]);
    expect(done.outcome?.payload.decision).toBe('continue');
    expect(done.needsReview).toBe(false);
  });
});

describe('deriveSessionState: sign-offs name exactly what they cover', () => {
  it('a corrected plan needs a new double check and sign-off', () => {
    const { f, records, session, plan } = signedSession();
    const replan = f.correction(
      plan,
      { pumpEntry: { ketamineMlPerH: 12.5, propofolMlPerH: 7 } },
      'Re-entered after weighing again.',
    );
    const state = deriveSessionState([...records, replan], session.id);
    expect(state.currentDosePlan?.id).toBe(replan.id);
    expect(state.doubleCheck?.valid).toBe(false);
    expect(state.signOff?.valid).toBe(false);
    expect(state.signOff?.problems[0]).toMatch(/another dose plan/);
    expect(state.step).toBe('dose-plan');
    const check2 = f.doubleCheck(replan);
    const sign2 = f.signOff(replan);
    expect(deriveSessionState([...records, replan, check2, sign2], session.id).step).toBe(
      'ready-to-start',
    );
  });

  it('a mismatching double check invalidates the sign-off', () => {
    const { f, records, session, plan, sign } = signedSession();
    const mismatch = f.doubleCheck(plan, {
      enteredKetamineMlPerH: 125,
      matches: false,
      mismatches: [
        {
          field: 'ketaminePumpRateMlPerH',
          expected: 12.5,
          entered: 125,
          suspectedError: 'suspected 10x decimal error',
        },
      ],
    });
    const state = deriveSessionState(
      [...records.filter((r) => r.id !== sign.id), mismatch, f.signOff(plan)],
      session.id,
    );
    expect(state.doubleCheck?.valid).toBe(false);
    expect(state.signOff?.valid).toBe(false);
    expect(state.step).toBe('dose-plan');
  });

  it('a double check recorded as matching but with different entries is not trusted, and flagged', () => {
    const { f, records, session, plan } = signedSession();
    const lying = f.doubleCheck(plan, { enteredPropofolMlPerH: 70 });
    const state = deriveSessionState([...records, lying], session.id);
    expect(state.doubleCheck?.valid).toBe(false);
    expect(state.doubleCheck?.problems.join(' ')).toMatch(
      /Propofol: second check 70 mL\/h, plan 7 mL\/h/,
    );
    expect(state.needsReview).toBe(true);
  });

  it('the double check must be made by someone other than the plan author', () => {
    const { f, records, session, plan } = signedSession();
    const self = f.doubleCheck(plan, { checkerStaffId: plan.authorStaffId });
    expect(deriveSessionState([...records, self], session.id).doubleCheck?.problems).toEqual([
      'The double check must be made by a second person, not by the author of the plan.',
    ]);
  });

  it('a hard finding blocks; a soft finding needs a named override; a deviation a reason', () => {
    const { f, session, weight } = signedSession();
    const base = [session, ...f.preChecks(session), weight, f.baselineVitals(session)];
    const hard = f.dosePlan(session, weight, {
      findings: [{ severity: 'hard', code: 'ketamine-dose-above-max', message: 'Above max.' }],
    });
    const hardState = deriveSessionState(
      [...base, hard, f.doubleCheck(hard), f.signOff(hard)],
      session.id,
    );
    expect(hardState.dosePlanProblems).toEqual([
      'Above max. (hard limit: this plan cannot be used).',
    ]);
    expect(hardState.step).toBe('dose-plan');

    const soft = f.dosePlan(session, weight, {
      findings: [{ severity: 'soft', code: 'weight-low', message: 'Low weight.' }],
    });
    expect(deriveSessionState([...base, soft], session.id).dosePlanProblems).toHaveLength(1);
    const overridden = f.correction(soft, {
      overrides: [
        { findingCode: 'weight-low', byStaffId: 'dr-anesth', reason: 'Weighed twice, 38 kg.' },
      ],
    });
    const okState = deriveSessionState(
      [...base, soft, overridden, f.doubleCheck(overridden), f.signOff(overridden)],
      session.id,
    );
    expect(okState.dosePlanProblems).toEqual([]);
    expect(okState.step).toBe('ready-to-start');

    const dev = f.dosePlan(session, weight, {
      ketamineDoseMg: 100,
      deviation: { isDeviation: true, reasons: [] },
    });
    expect(deriveSessionState([...base, dev], session.id).dosePlanProblems[0]).toMatch(
      /anesthesiologist's reason/,
    );
  });
});

describe('deriveSessionState: review and scoping', () => {
  it('an infusion started without a valid sign-off shows as running and is flagged', () => {
    const { f, session } = start();
    const state = deriveSessionState([session, f.infusionEvent(session, 'start')], session.id);
    expect(state.step).toBe('running');
    expect(state.needsReview).toBe(true);
    expect(state.reviewReasons[0]).toMatch(/without a valid sign-off/);
  });

  it('impossible event orders are flagged, not guessed', () => {
    const { f, records, session } = signedSession();
    const state = deriveSessionState([...records, f.infusionEvent(session, 'resume')], session.id);
    expect(state.infusion.status).toBe('not-started');
    expect(state.reviewReasons.join(' ')).toMatch(/cannot follow "not-started"/);
  });

  it('competing corrections in the session flag it for review', () => {
    const { f, records, session, weight } = signedSession();
    const state = deriveSessionState(
      [...records, f.correction(weight, { weightKg: 71 }), f.correction(weight, { weightKg: 72 })],
      session.id,
    );
    expect(state.conflicts).toHaveLength(1);
    expect(state.needsReview).toBe(true);
  });

  it("uses only this session's effective records", () => {
    const { f, course, records, session } = signedSession();
    const other = f.session(course, { sessionNumber: 2 });
    const obs = f.observation(session);
    const wrong = f.observation(session, { spo2Percent: 80 });
    const state = deriveSessionState(
      [...records, other, f.observation(other), obs, wrong, f.enteredInError(wrong)],
      session.id,
    );
    expect(state.observations.map((o) => o.id)).toEqual([obs.id]);
    expect(deriveSessionState(records, other.id).step).toBe('pre-checks');
    expect(deriveSessionState(records, other.id).session).toBeNull();
  });
});
