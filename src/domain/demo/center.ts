/**
 * Synthetic centers, pure: plans in, records out. Settings and protocol are passed in (the
 * defaults are wired in demo/index.ts), randomness comes from the PRNG passed in, so the same
 * seed gives byte-for-byte the same center.
 *
 * Both centers also contain the everyday mistakes the record model is built for (protocol.md
 * section 6): a side effect and a % improvement entered for the wrong patient, each voided by
 * an entered-in-error record. Counted as they should be, they change nothing; counted wrongly,
 * the study center would show 4 patients with nausea and 24/45 favorable.
 */
import type { ClinicalRecord } from '../records.ts';
import { fail, ok, type Result } from '../result.ts';
import type { ProtocolDefinition } from '../protocols/types.ts';
import type { CenterSettings } from '../settings.ts';
import { ageOn, dayMs } from './calendar.ts';
import type { PatientPlan } from './plan.ts';
import { writePatient, type PatientContext, type WrittenPatient } from './patient-records.ts';
import { pick, type Prng } from './prng.ts';
import { createRecordWriter } from './record-writer.ts';
import { DEMO_ANESTHESIOLOGISTS, writeCenterRecords } from './staff.ts';

export type CenterConfig = {
  readonly settings: CenterSettings;
  readonly protocol: ProtocolDefinition;
};

export type GeneratedCenter = {
  /** Every record, in the order written (patient by patient). */
  readonly records: ClinicalRecord[];
  readonly plans: readonly PatientPlan[];
  /** Report date after the last record, ISO instant. */
  readonly asOf: string;
  /** First-administration window the patients were drawn in (YYYY-MM-DD, inclusive). */
  readonly period: { readonly from: string; readonly to: string };
  readonly counts: {
    readonly patients: number;
    readonly sessions: number;
    readonly records: number;
  };
};

/** Writes the center records, then every plan; `validate` runs parseClinicalRecord on each record. */
export function writeCenter(
  rng: Prng,
  config: CenterConfig,
  plans: readonly PatientPlan[],
  options: { readonly validate: boolean; readonly mistakes: number; readonly startMs: number },
): Result<{ records: ClinicalRecord[]; written: WrittenPatient[] }> {
  const w = createRecordWriter({
    rng,
    settings: config.settings,
    protocol: config.protocol,
    validate: options.validate,
    deviceId: 'demo-tablet-1',
  });
  writeCenterRecords(w, options.startMs, config.settings);
  const ctx: PatientContext = { w, rng, settings: config.settings, protocol: config.protocol };
  const written = plans.map((plan) => writePatient(ctx, plan));
  addMistakes(ctx, plans, written, options.mistakes);
  const error = w.firstError();
  if (error !== null)
    return fail(
      error.code,
      error.field,
      `A generated record is not valid (a bug in the demo generator): ${error.message}`,
      `Een gegenereerd record is ongeldig (een fout in de demogenerator): ${error.messageNl ?? error.message}`,
    );
  return ok({ records: w.records, written });
}

/** Included (adult, non-oncologic, started here) plans with at least `minAdministrations`. */
const includedWith = (plans: readonly PatientPlan[], minAdministrations: number) =>
  plans
    .map((plan, i) => ({ plan, i }))
    .filter(
      ({ plan }) =>
        plan.course.startedHere &&
        plan.nonOncologic &&
        plan.deviations.length === 0 &&
        ageOn(plan.birthDate, plan.course.startedOn) >= 18 &&
        plan.administrations >= minAdministrations,
    );

function addMistakes(
  ctx: PatientContext,
  plans: readonly PatientPlan[],
  written: readonly WrittenPatient[],
  count: number,
): void {
  const { w, rng } = ctx;
  const author = 'demo-nurse-3';
  const anesthesiologist = DEMO_ANESTHESIOLOGISTS[0]?.staffId ?? 'demo-anesthesiologist-1';
  const noNausea = includedWith(plans, 2).filter(
    ({ plan }) => !plan.sideEffects.some((e) => e.effect === 'nausea'),
  );
  const unsuccessful = includedWith(plans, 4).filter(
    ({ plan }) => plan.discontinuation === null && (plan.finalImprovementPercent ?? 100) < 50,
  );
  for (let m = 0; m < count; m++) {
    const a = noNausea.length > 0 ? written[pick(rng, noNausea).i] : undefined;
    const session = a?.administered[1];
    if (a !== undefined && session !== undefined) {
      const owner = { patientId: a.patientId, sessionId: session.sessionId };
      const at = session.arrivalMs + 95 * 60_000;
      const wrong = w.write(
        'side-effect',
        owner,
        {
          effect: 'nausea',
          severity: 'mild',
          responseTaken: 'Observed.',
          decidedByStaffId: anesthesiologist,
          infusionAction: 'continued',
        },
        at,
        author,
      );
      w.write(
        'entered-in-error',
        owner,
        { targetRecordId: wrong.id, reason: 'Entered for the patient in the next chair.' },
        at + 20 * 60_000,
        author,
      );
    }
    const b = unsuccessful.length > 0 ? written[pick(rng, unsuccessful).i] : undefined;
    if (b !== undefined) {
      const owner = { patientId: b.patientId, sessionId: null };
      const at = b.lastMs + 2 * 3_600_000;
      const wrong = w.write(
        'outcome-answer',
        owner,
        { painImprovementPercent: 90, decision: 'continue' },
        at,
        author,
      );
      w.write(
        'entered-in-error',
        owner,
        {
          targetRecordId: wrong.id,
          reason: 'Phone answer of another patient, typed in the wrong file.',
        },
        at + 24 * 3_600_000,
        author,
      );
    }
  }
}

/** The latest clinical time of `records` plus one day, as midnight UTC: a report date after all data. */
export function asOfAfter(records: readonly ClinicalRecord[]): string {
  let last = '';
  for (const r of records) if (r.clinicalTime > last) last = r.clinicalTime;
  const ms = dayMs(last.slice(0, 10)) + 86_400_000;
  return new Date(ms).toISOString();
}
