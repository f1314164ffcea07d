/**
 * One synthetic session, step by step as protocol.md section 4 describes it: pre-checks,
 * today's weight, baseline vitals, the dose plan from the real dosing functions (dosing.ts,
 * pump-entry.ts), the independent double check, the anesthesiologist's sign-off, infusion
 * start, an observation every 15 min (settings), side effects with what was done, stop,
 * recovery observations, discharge checks and discharge, and from the first full dose on the
 * patient's % improvement.
 */
import { PRE_INFUSION_CHECKLIST, type PayloadOf } from '../records.ts';
import { writeDosePlan } from './dose-plan-records.ts';
import type { PlannedSideEffect } from './plan.ts';
import { oneDecimal, randInt, type Prng } from './prng.ts';
import type { RecordWriter } from './record-writer.ts';
import { writeSideEffect } from './side-effect-records.ts';
import type { SessionTeam } from './staff.ts';
import { observationPayload, type VitalsProfile } from './vitals.ts';

const MIN = 60_000;

export type SessionInput = {
  readonly w: RecordWriter;
  readonly rng: Prng;
  readonly patientId: string;
  readonly courseId: string;
  readonly session: Omit<PayloadOf<'session'>, 'courseId' | 'scheduledFor'>;
  readonly arrivalMs: number;
  readonly weightKg: number;
  readonly vitals: VitalsProfile;
  readonly doseMg: number;
  readonly team: SessionTeam;
  readonly sideEffects: readonly PlannedSideEffect[];
  readonly tolerated: boolean;
  readonly answer: { readonly percent: number } | null;
  readonly nextAppointmentOn: string | null;
  /** true: the session stops after the pre-checks (e.g. blood pressure too high). */
  readonly abandoned: boolean;
};

/** Writes the session's records; returns the session id and the time of its last record. */
export function writeSession(s: SessionInput): { sessionId: string; endMs: number } {
  const { w, team } = s;
  const t0 = s.arrivalMs;
  const sessionId = w.newId(t0);
  const owner = { patientId: s.patientId, sessionId };
  const on = (ms: number) => new Date(ms).toISOString();
  w.write(
    'session',
    owner,
    { ...s.session, courseId: s.courseId, scheduledFor: on(t0).slice(0, 10) },
    t0,
    team.nurse,
    { id: sessionId },
  );
  PRE_INFUSION_CHECKLIST.forEach((item, i) =>
    w.write('checklist-item', owner, { item, checked: true }, t0 + (i + 1) * MIN, team.nurse),
  );
  const weight = w.write(
    'weight',
    owner,
    { weightKg: s.weightKg, measuredAt: on(t0 + 13 * MIN) },
    t0 + 13 * MIN,
    team.nurse,
  );
  const baseline = observationPayload(s.rng, s.vitals, 0, s.abandoned);
  w.write(
    'baseline-vitals',
    owner,
    {
      systolicMmHg: baseline.systolicMmHg,
      diastolicMmHg: baseline.diastolicMmHg,
      heartRatePerMin: baseline.heartRatePerMin,
      spo2Percent: baseline.spo2Percent,
      respiratoryRatePerMin: baseline.respiratoryRatePerMin,
    },
    t0 + 15 * MIN,
    team.nurse,
  );
  if (s.abandoned) return { sessionId, endMs: t0 + 15 * MIN };

  const dosePlan = writeDosePlan(w, owner, weight, s, t0);
  const p = dosePlan.payload;
  const settings = s.session.settingsSnapshot;

  const start = t0 + 30 * MIN;
  w.write(
    'infusion-event',
    owner,
    {
      event: 'start',
      ketamineRateMlPerH: p.pumpEntry.ketamineMlPerH,
      propofolRateMlPerH: p.pumpEntry.propofolMlPerH,
    },
    start,
    team.nurse,
  );
  const planned = p.infusionDurationH * 60 * MIN;
  const interval = settings.observationIntervalMin * MIN;
  // Side effects happen between two observations; a pause lengthens the infusion, a stop ends it.
  let stop = start + planned;
  let nextEffectAt = start + randInt(s.rng, 2, 8) * interval + 3 * MIN;
  const effects = [...s.sideEffects];
  for (let k = 1; start + k * interval - MIN / 2 < stop; k++) {
    const at = start + k * interval - MIN / 2;
    const effect = effects[0];
    if (effect !== undefined && nextEffectAt < at) {
      effects.shift();
      const result = writeSideEffect(w, owner, effect, nextEffectAt, team);
      stop = result.stopsInfusion ? nextEffectAt + 2 * MIN : stop + result.pauseMs;
      nextEffectAt += 2 * interval;
      if (at >= stop) break;
    }
    w.write(
      'observation',
      owner,
      observationPayload(s.rng, s.vitals, k, false, 'infusion'),
      at,
      team.nurse,
    );
  }
  w.write('infusion-event', owner, { event: 'stop' }, stop, team.nurse);
  for (let k = 1; k <= 2; k++)
    w.write(
      'observation',
      owner,
      observationPayload(s.rng, s.vitals, 16 + k, false, 'recovery'),
      stop + k * interval,
      team.nurse,
    );
  w.write(
    'checklist-item',
    owner,
    { item: 'no-driving-advice', checked: true },
    stop + 31 * MIN,
    team.nurse,
  );
  w.write(
    'checklist-item',
    owner,
    { item: 'escort-present', checked: true },
    stop + 32 * MIN,
    team.nurse,
  );
  const ranMs = Math.min(planned, stop - start);
  const fraction = ranMs / planned; // an infusion stopped early delivered only part of the plan
  const discharge = stop + 35 * MIN;
  w.write(
    'discharge',
    owner,
    {
      aldreteScore: 10,
      aldreteItems: {
        activity: 2,
        respiration: 2,
        circulation: 2,
        consciousness: 2,
        oxygenSaturation: 2,
      },
      vitalsWithinBaseline: true,
      escortPresent: true,
      noDrivingAdviceGiven: true,
      tolerated: s.tolerated,
      ...(s.tolerated
        ? {}
        : { toleranceNote: 'Not well tolerated; see the side effects of this session.' }),
      totalsDelivered: {
        ketamineMg: p.ketamineDoseMg * fraction,
        ketamineMl: p.preparationFinalVolumeMl * fraction,
        propofolMg: p.propofolTotalMg * fraction,
        propofolMl: p.propofolTotalMl * fraction,
      },
      ...(s.nextAppointmentOn === null ? {} : { nextAppointmentOn: s.nextAppointmentOn }),
      dischargedAt: on(discharge),
    },
    discharge,
    team.nurse,
  );
  if (s.answer === null) return { sessionId, endMs: discharge };
  w.write(
    'outcome-answer',
    owner,
    { painImprovementPercent: oneDecimal(s.answer.percent), decision: 'continue' },
    discharge + 5 * MIN,
    team.nurse,
  );
  return { sessionId, endMs: discharge + 5 * MIN };
}
