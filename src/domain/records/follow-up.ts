/**
 * End of a session and follow-up: discharge (protocol.md section 4 step 5, Discharge
 * [default]; modified Aldrete, Aldrete 1995), the outcome answer (section 5: self-reported %
 * pain improvement since the first full dose; continue or discontinue with the reason) and the
 * six-monthly liver tests with the lab's upper limits of normal (section 7).
 */
import { z } from 'zod';
import { isoDateSchema, isoInstantSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import { deliveredMgSchema, deliveredMlSchema, quantity, textSchema } from './fields.ts';
import { DISCONTINUATION_REASONS } from './patient.ts';

const aldretePoints = quantity('points', { min: 0, max: 2, int: true });
export const ALDRETE_ITEM_IDS = [
  'activity',
  'respiration',
  'circulation',
  'consciousness',
  'oxygenSaturation',
] as const;

export const dischargeRecord = defineRecordKind({
  kind: 'discharge',
  description: 'Discharge checks, tolerance of this session, totals delivered, next appointment.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      aldreteScore: quantity('points', { min: 0, max: 10, int: true }),
      aldreteItems: z.strictObject({
        activity: aldretePoints,
        respiration: aldretePoints,
        circulation: aldretePoints,
        consciousness: aldretePoints,
        oxygenSaturation: aldretePoints,
      }),
      vitalsWithinBaseline: z.boolean(),
      escortPresent: z.boolean(),
      noDrivingAdviceGiven: z.boolean(),
      /** Was this session well tolerated (decides the next dose, session-dose.ts). */
      tolerated: z.boolean(),
      toleranceNote: textSchema(2000).optional(),
      totalsDelivered: z.strictObject({
        ketamineMg: deliveredMgSchema,
        ketamineMl: deliveredMlSchema,
        propofolMg: deliveredMgSchema,
        propofolMl: deliveredMlSchema,
      }),
      nextAppointmentOn: isoDateSchema.optional(),
      dischargedAt: isoInstantSchema,
    })
    .superRefine((p, ctx) => {
      const sum = ALDRETE_ITEM_IDS.reduce((s, id) => s + p.aldreteItems[id], 0);
      if (sum !== p.aldreteScore)
        addIssue(ctx, ['aldreteScore'], `must be the sum of the five items (${sum})`);
    }),
});

export const outcomeAnswerRecord = defineRecordKind({
  kind: 'outcome-answer',
  description: 'Self-reported % pain improvement since the first full dose; continue or stop.',
  schemaVersion: 1,
  scope: 'patient-or-session',
  payload: z
    .strictObject({
      /** 100 = pain gone, 0 = unchanged, negative = worse (-100 = twice as bad). */
      painImprovementPercent: quantity('%', { min: -100, max: 100 }),
      decision: z.enum(['continue', 'discontinue']),
      discontinuationReason: z.enum(DISCONTINUATION_REASONS).optional(),
      reasonText: textSchema(1000).optional(),
    })
    .superRefine((p, ctx) => {
      if (p.decision === 'discontinue' && p.discontinuationReason === undefined) {
        addIssue(
          ctx,
          ['discontinuationReason'],
          'stopping needs its reason: lack of effect, side effects or other',
        );
      }
      if (p.decision === 'continue' && p.discontinuationReason !== undefined) {
        addIssue(
          ctx,
          ['discontinuationReason'],
          'only a decision to stop has a discontinuation reason',
        );
      }
      if (p.discontinuationReason === 'other' && p.reasonText === undefined) {
        addIssue(ctx, ['reasonText'], 'reason "other" needs a description');
      }
    }),
});

const enzymeUPerL = quantity('U/L', { min: 0, max: 100_000 });
const ulnUPerL = quantity('U/L', { min: 0, minExclusive: true, max: 10_000 });

export const liverTestRecord = defineRecordKind({
  kind: 'liver-test',
  description: 'Liver blood test (ALT, AST, GGT, ALP) with the lab upper limits of normal.',
  schemaVersion: 1,
  scope: 'patient-or-session',
  payload: z.strictObject({
    sampledOn: isoDateSchema,
    altUPerL: enzymeUPerL,
    altUlnUPerL: ulnUPerL,
    astUPerL: enzymeUPerL,
    astUlnUPerL: ulnUPerL,
    ggtUPerL: enzymeUPerL,
    ggtUlnUPerL: ulnUPerL,
    alpUPerL: enzymeUPerL,
    alpUlnUPerL: ulnUPerL,
    labName: textSchema(200).optional(),
  }),
});
