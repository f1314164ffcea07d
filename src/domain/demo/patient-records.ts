/**
 * All records of one synthetic patient from their plan (plan.ts): the consultation (patient
 * with baseline NRS and the pain type opinions, eligibility, course), every session
 * (session-records.ts), six-monthly liver panels (protocol.md section 7) and how the course
 * ended (a phone answer and a course-status record, protocol.md section 5).
 */
import type { ProtocolDefinition } from '../protocols/types.ts';
import { CONTRAINDICATIONS, type Contraindication } from '../records.ts';
import type { CenterSettings } from '../settings.ts';
import { addDays, ageOn, dayMs, weekday } from './calendar.ts';
import type { PatientPlan } from './plan.ts';
import { oneDecimal, randInt, type Prng } from './prng.ts';
import type { RecordWriter } from './record-writer.ts';
import { writeEnding, writeLiverTests } from './follow-up-records.ts';
import { writeSession } from './session-records.ts';
import { DEMO_ANESTHESIOLOGISTS, DEMO_EXTERNAL_PHYSICIAN_ID, pickTeam } from './staff.ts';
import { todaysWeightKg, vitalsProfile } from './vitals.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

export type PatientContext = {
  readonly w: RecordWriter;
  readonly rng: Prng;
  readonly settings: CenterSettings;
  readonly protocol: ProtocolDefinition;
};

export type WrittenPatient = {
  readonly patientId: string;
  readonly courseId: string;
  /** The administered sessions, in order, with their arrival time (Unix ms). */
  readonly administered: readonly { readonly sessionId: string; readonly arrivalMs: number }[];
  /** Time of the patient's last record (Unix ms). */
  readonly lastMs: number;
};

type Visit = { readonly on: string; readonly administration: number | null };

/** Session days: about every `intervalDays` (+- 3), weekdays; an abandoned visit a week before. */
function schedule(plan: PatientPlan, rng: Prng): Visit[] {
  const visits: Visit[] = [];
  let previous = addDays(plan.firstSessionOn, -plan.intervalDays);
  for (let i = 0; i < plan.administrations; i++) {
    const target =
      i === 0
        ? plan.firstSessionOn
        : weekday(addDays(previous, plan.intervalDays + randInt(rng, -3, 3)));
    if (plan.abandonedBefore.includes(i))
      visits.push({ on: addDays(target, -7), administration: null });
    visits.push({ on: target, administration: i });
    previous = target;
  }
  return visits;
}

/** % improvement answered at administration `i` (from the first full dose on), rising to the final one. */
function answerAt(plan: PatientPlan, i: number, lastIsFinal: boolean): number | null {
  const final = plan.finalImprovementPercent;
  if (final === null || i < 1) return null;
  const last = plan.administrations - 1;
  if (i === last && lastIsFinal) return final;
  return oneDecimal(final * (0.75 + (0.2 * i) / Math.max(1, last)));
}

/** Writes every record of the patient; see the file header. */
export function writePatient(ctx: PatientContext, plan: PatientPlan): WrittenPatient {
  const { w, rng, settings, protocol } = ctx;
  const consultOn = weekday(addDays(plan.firstSessionOn, -randInt(rng, 14, 42)));
  const consult = dayMs(consultOn) + 10 * HOUR;
  const physician = DEMO_ANESTHESIOLOGISTS[0]?.staffId ?? 'demo-anesthesiologist-1';
  const patientId = w.newId(consult);
  const owner = { patientId, sessionId: null };
  const o = plan.painOpinions;
  w.write(
    'patient',
    owner,
    {
      centerPatientNumber: plan.number,
      sex: plan.sex,
      birthDate: plan.birthDate,
      painTypeOpinions: {
        physician1: { staffId: 'demo-anesthesiologist-1', painType: o.physician1 },
        physician2: { staffId: 'demo-anesthesiologist-2', painType: o.physician2 },
        ...(o.external === undefined
          ? {}
          : { external: { staffId: DEMO_EXTERNAL_PHYSICIAN_ID, painType: o.external } }),
      },
      baselineNrs: plan.baselineNrs,
      baselineNrsRecordedAt: new Date(consult).toISOString(),
      isSynthetic: true,
    },
    consult,
    physician,
    { id: patientId },
  );
  // None of the six present (keys from the schema, so a renamed key cannot drift).
  const contraindications = Object.fromEntries(CONTRAINDICATIONS.map((c) => [c, false])) as Record<
    Contraindication,
    boolean
  >;
  const adult = ageOn(plan.birthDate, plan.course.startedOn) >= 18;
  w.write(
    'eligibility-screening',
    owner,
    {
      adult,
      nonOncologic: plan.nonOncologic,
      psychologistCleared: true,
      firstSecondLineFailed: true,
      contraindications,
    },
    consult + 5 * MIN,
    physician,
  );
  const course = w.write(
    'course',
    owner,
    { startedOn: plan.course.startedOn, startedHere: plan.course.startedHere },
    consult + 10 * MIN,
    physician,
  );

  const vitals = vitalsProfile(rng);
  const visits = schedule(plan, rng);
  const administered: { sessionId: string; arrivalMs: number }[] = [];
  const phoneFinal =
    plan.discontinuation !== null &&
    plan.liverElevation === null &&
    plan.finalImprovementPercent !== null;
  let lastEnd = consult;
  visits.forEach((visit, v) => {
    const i = visit.administration;
    const sessionNumber = plan.course.priorAdministrations + 1 + (i ?? administered.length);
    const doses = protocol.ketamine.sessionDoses;
    const protocolDose =
      doses === null ? 0 : sessionNumber === 1 ? doses.testDoseMg : doses.fullDoseMg;
    const effects = i === null ? [] : plan.sideEffects.filter((e) => e.administration === i);
    const next = visits[v + 1];
    const arrivalMs = dayMs(visit.on) + 7.5 * HOUR + randInt(rng, 0, 2) * 45 * MIN;
    const { sessionId, endMs } = writeSession({
      w,
      rng,
      patientId,
      courseId: course.id,
      session: { sessionNumber, settingsSnapshot: settings, protocolSnapshot: protocol },
      arrivalMs,
      weightKg: todaysWeightKg(rng, plan.weightKg),
      vitals,
      doseMg:
        i !== null && plan.deviations.includes(i) ? (sessionNumber === 1 ? 50 : 100) : protocolDose,
      team: pickTeam(rng),
      sideEffects: effects,
      tolerated:
        !(i === 0 && plan.testDoseNotTolerated) &&
        !effects.some((e) => e.response === 'stop-session'),
      answer:
        i === null
          ? null
          : ((a) => (a === null ? null : { percent: a }))(answerAt(plan, i, !phoneFinal)),
      nextAppointmentOn: next?.on ?? null,
      abandoned: i === null,
    });
    if (i !== null) administered.push({ sessionId, arrivalMs });
    lastEnd = endMs;
  });

  const lastOn = visits.at(-1)?.on ?? plan.firstSessionOn;
  const liverMs = writeLiverTests(ctx, plan, patientId, consultOn, lastOn);
  const endMs = writeEnding(ctx, plan, { patientId, courseId: course.id }, lastOn, lastEnd);
  return {
    patientId,
    courseId: course.id,
    administered,
    lastMs: Math.max(lastEnd, liverMs, endMs),
  };
}
