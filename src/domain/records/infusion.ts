/**
 * While the infusion runs (protocol.md section 4, step 4): pump events (elapsed time and
 * totals are computed from their stored clinical times, infusion-timeline.ts), observations
 * with the alert levels shown at the time, side effects and every extra drug given, each with
 * the named people who decided and gave it ("every drug actually given is recorded by a named
 * person").
 */
import { z } from 'zod';
import { ROUTES, SEVERITIES, SIDE_EFFECT_IDS } from '../side-effect-catalog.ts';
import { recordIdSchema, staffIdSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import {
  codeSchema,
  doseMgSchema,
  quantity,
  rateMlPerHSchema,
  respiratoryRatePerMinSchema,
  textSchema,
} from './fields.ts';
import { checkDiastolicBelowSystolic, vitalsShape } from './session.ts';

export const INFUSION_EVENTS = ['start', 'pause', 'resume', 'rate-change', 'stop'] as const;
export type InfusionEventKind = (typeof INFUSION_EVENTS)[number];

export const infusionEventRecord = defineRecordKind({
  kind: 'infusion-event',
  description: 'Pump start, pause, resume, rate change or stop, at its clinical time.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      event: z.enum(INFUSION_EVENTS),
      ketamineRateMlPerH: rateMlPerHSchema.optional(),
      propofolRateMlPerH: rateMlPerHSchema.optional(),
      reason: textSchema(1000).optional(),
    })
    .superRefine((p, ctx) => {
      const rates = [p.ketamineRateMlPerH, p.propofolRateMlPerH].filter(
        (r) => r !== undefined,
      ).length;
      if (p.event === 'start' && rates !== 2) {
        addIssue(
          ctx,
          ['ketamineRateMlPerH'],
          'a start records both pump rates (ketamine and propofol, mL/h)',
        );
      }
      if (p.event === 'rate-change' && rates === 0) {
        addIssue(
          ctx,
          ['ketamineRateMlPerH'],
          'a rate change records the new rate of at least one pump (mL/h)',
        );
      }
      if ((p.event === 'pause' || p.event === 'resume' || p.event === 'stop') && rates !== 0) {
        addIssue(ctx, ['ketamineRateMlPerH'], `a ${p.event} does not carry pump rates`);
      }
    }),
});

/** Alert levels as in monitoring.ts and sedation.ts. */
export const ALERT_LEVELS = ['normal', 'warning', 'urgent'] as const;

export const observationRecord = defineRecordKind({
  kind: 'observation',
  description: 'Vitals and sedation (RASS) during the infusion or recovery, with the alerts shown.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      ...vitalsShape,
      respiratoryRatePerMin: respiratoryRatePerMinSchema.nullable(),
      /** Richmond Agitation-Sedation Scale, -5 (unarousable) to +4 (combative). */
      rass: quantity('', { min: -5, max: 4, int: true }),
      phase: z.enum(['infusion', 'recovery']),
      /** What the screen said at the time (a snapshot; the rules may change later). */
      findings: z
        .array(
          z.strictObject({
            level: z.enum(ALERT_LEVELS),
            vital: codeSchema.optional(),
            code: codeSchema.optional(),
            message: textSchema(2000),
          }),
        )
        .max(30),
    })
    .superRefine(checkDiastolicBelowSystolic),
});

/** Side effects of protocol.md section 4 (table) and "other": the catalog's ids. */
export const SIDE_EFFECTS = SIDE_EFFECT_IDS;
export type { SideEffectId } from '../side-effect-catalog.ts';
/** Routes as in the side-effect catalog (IV, IM, SC, PO, SL). */
export { ROUTES };

export const INFUSION_ACTIONS = ['continued', 'paused', 'rate-changed', 'stopped'] as const;

export const sideEffectRecord = defineRecordKind({
  kind: 'side-effect',
  description: 'A side effect, what was done, who decided and what happened to the infusion.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      effect: z.enum(SIDE_EFFECTS),
      otherText: textSchema(1000).optional(),
      severity: z.enum(SEVERITIES),
      responseTaken: textSchema(2000),
      /** The suggestion shown (side-effects catalog), if one was followed. */
      suggestionFollowed: textSchema(500).optional(),
      drugGivenRecordId: recordIdSchema.optional(),
      decidedByStaffId: staffIdSchema,
      infusionAction: z.enum(INFUSION_ACTIONS),
    })
    .superRefine((p, ctx) => {
      if (p.effect === 'other' && p.otherText === undefined)
        addIssue(ctx, ['otherText'], 'describe the side effect');
    }),
});

export const EXTRA_DRUGS = [
  'ondansetron',
  'midazolam',
  'propofol-bolus',
  'glycopyrrolate',
  'clonidine',
  'other',
] as const;

export const drugGivenRecord = defineRecordKind({
  kind: 'drug-given',
  description: 'An extra drug actually given: what, how much, how, who ordered it, who gave it.',
  schemaVersion: 1,
  scope: 'session',
  payload: z.strictObject({
    drug: z.enum(EXTRA_DRUGS),
    /** As on the ampoule, e.g. "Zofran 4 mg/2 mL"; required for "other". */
    drugName: textSchema(200),
    doseMg: doseMgSchema,
    route: z.enum(ROUTES),
    orderedByStaffId: staffIdSchema,
    givenByStaffId: staffIdSchema,
    sideEffectRecordId: recordIdSchema.optional(),
  }),
});
