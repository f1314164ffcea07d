/**
 * Follow-up records of a synthetic patient: the six-monthly liver panels (protocol.md section
 * 7: ALT, AST, GGT, ALP with the lab's upper limits of normal) and how the course ended
 * (protocol.md section 5: the last % improvement by phone and a course-status record with the
 * reason and after how many administrations).
 */
import { addDays, addMonths, dayMs, weekday } from './calendar.ts';
import type { PatientContext } from './patient-records.ts';
import type { PatientPlan } from './plan.ts';
import { randInt } from './prng.ts';
import { DEMO_ANESTHESIOLOGISTS } from './staff.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

const LAB = 'Demo hospital laboratory (fictional)';

/** Six-monthly panels from the consultation while on therapy; the elevated one after the last session. */
export function writeLiverTests(
  ctx: PatientContext,
  plan: PatientPlan,
  patientId: string,
  firstOn: string,
  lastOn: string,
): number {
  const owner = { patientId, sessionId: null };
  let lastMs = 0;
  const panel = (on: string, ggt: number, ggtUln: number) => {
    lastMs = dayMs(on) + 13 * HOUR;
    ctx.w.write(
      'liver-test',
      owner,
      {
        sampledOn: on,
        altUPerL: randInt(ctx.rng, 12, 32),
        altUlnUPerL: 41,
        astUPerL: randInt(ctx.rng, 14, 30),
        astUlnUPerL: 40,
        ggtUPerL: ggt,
        ggtUlnUPerL: ggtUln,
        alpUPerL: randInt(ctx.rng, 45, 110),
        alpUlnUPerL: 129,
        labName: LAB,
      },
      lastMs,
      'demo-nurse-1',
    );
  };
  for (let on = firstOn; on <= lastOn; on = addMonths(on, ctx.protocol.liverTestIntervalMonths))
    panel(weekday(on), randInt(ctx.rng, 10, 30), 36);
  if (plan.liverElevation !== null)
    panel(
      weekday(addDays(lastOn, 14)),
      plan.liverElevation.ggtUPerL,
      plan.liverElevation.ggtUlnUPerL,
    );
  return lastMs;
}

/** The end of the course: a phone answer and a course-status record (protocol.md section 5). */
export function writeEnding(
  ctx: PatientContext,
  plan: PatientPlan,
  ids: { patientId: string; courseId: string },
  lastOn: string,
  lastEnd: number,
): number {
  const stop = plan.discontinuation;
  if (stop === null) return 0;
  const owner = { patientId: ids.patientId, sessionId: null };
  const days = plan.liverElevation !== null ? 21 : randInt(ctx.rng, 14, 28);
  const at = Math.max(lastEnd + HOUR, dayMs(weekday(addDays(lastOn, days))) + 14 * HOUR);
  const text = stop.text === undefined ? {} : { reasonText: stop.text };
  if (
    plan.liverElevation === null &&
    plan.finalImprovementPercent !== null &&
    plan.administrations >= 2
  ) {
    ctx.w.write(
      'outcome-answer',
      owner,
      {
        painImprovementPercent: plan.finalImprovementPercent,
        decision: 'discontinue',
        discontinuationReason: stop.reason,
        ...text,
      },
      at,
      'demo-nurse-2',
    );
  }
  ctx.w.write(
    'course-status',
    owner,
    {
      courseId: ids.courseId,
      status: 'discontinued',
      reason: stop.reason,
      ...text,
      afterAdministrations: stop.afterAdministrations,
    },
    at + 5 * MIN,
    DEMO_ANESTHESIOLOGISTS[1]?.staffId ?? 'demo-anesthesiologist-2',
  );
  return at + 5 * MIN;
}
