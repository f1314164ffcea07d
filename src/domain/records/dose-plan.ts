/**
 * The dose plan, its independent double check and the anesthesiologist's sign-off
 * (protocol.md section 3 "Dose arithmetic", "Safety limits"; section 4 step 3; ISMP
 * independent double check). Plan values are stored unrounded (dosing.ts); the pump entry is
 * the 0.1 mL/h value typed into the pump (pump-entry.ts).
 *
 * Because the plan's fields are computed from one another, the schema re-checks those
 * relations (within float tolerance): a stored plan whose mg/h, mL, mg/mL or mL/h disagree
 * (a 10x slip, a wrong concentration, mg taken as mL) is refused even if a screen let it by.
 */
import { z } from 'zod';
import { recordIdSchema, staffIdSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import {
  approxEqual,
  codeSchema,
  concentrationMgPerMlSchema,
  doseMgSchema,
  durationHSchema,
  namedReasonSchema,
  rateMgPerHSchema,
  rateMgPerKgPerHSchema,
  rateMlPerHSchema,
  sessionNumberSchema,
  textSchema,
  volumeMlSchema,
  weightKgSchema,
} from './fields.ts';

/** Severities as in limits.ts: hard blocks, soft needs an override, deviation a reason. */
export const FINDING_SEVERITIES = ['hard', 'soft', 'deviation'] as const;

const findingSchema = z.strictObject({
  severity: z.enum(FINDING_SEVERITIES),
  code: codeSchema,
  field: codeSchema.optional(),
  message: textSchema(2000),
});

/** Largest difference allowed between the pump entry and the unrounded rate: one pump step. */
const PUMP_STEP_ML_PER_H = 0.1;

type Plan = {
  readonly expectedDoseMg: number;
  readonly ketamineDoseMg: number;
  readonly ketamineRateMgPerH: number;
  readonly ketamineRateMgPerKgPerH: number;
  readonly ketamineStockVolumeMl: number;
  readonly ketaminePreparedConcentrationMgPerMl: number;
  readonly ketaminePumpRateMlPerH: number;
  readonly preparationFinalVolumeMl: number;
  readonly ketamineProductConcentrationMgPerMl: number;
  readonly propofolConcentrationMgPerMl: number;
  readonly propofolRateMgPerKgPerH: number;
  readonly propofolRateMgPerH: number;
  readonly propofolPumpRateMlPerH: number;
  readonly propofolTotalMg: number;
  readonly propofolTotalMl: number;
  readonly infusionDurationH: number;
  readonly weightKg: number;
  readonly pumpEntry: { readonly ketamineMlPerH: number; readonly propofolMlPerH: number };
  readonly findings: readonly { readonly severity: string }[];
  readonly deviation: { readonly isDeviation: boolean };
};

/** [field, value, expected from the others, how] for every derived plan field. */
const relations = (p: Plan): readonly (readonly [keyof Plan, number, number, string])[] => [
  [
    'ketamineRateMgPerH',
    p.ketamineRateMgPerH,
    p.ketamineDoseMg / p.infusionDurationH,
    'dose / duration',
  ],
  [
    'ketamineRateMgPerKgPerH',
    p.ketamineRateMgPerKgPerH,
    p.ketamineRateMgPerH / p.weightKg,
    'mg/h / weight',
  ],
  [
    'ketamineStockVolumeMl',
    p.ketamineStockVolumeMl,
    p.ketamineDoseMg / p.ketamineProductConcentrationMgPerMl,
    'dose / product concentration',
  ],
  [
    'ketaminePreparedConcentrationMgPerMl',
    p.ketaminePreparedConcentrationMgPerMl,
    p.ketamineDoseMg / p.preparationFinalVolumeMl,
    'dose / final volume',
  ],
  [
    'ketaminePumpRateMlPerH',
    p.ketaminePumpRateMlPerH,
    p.preparationFinalVolumeMl / p.infusionDurationH,
    'final volume / duration',
  ],
  [
    'propofolRateMgPerH',
    p.propofolRateMgPerH,
    p.propofolRateMgPerKgPerH * p.weightKg,
    'mg/kg/h x weight',
  ],
  [
    'propofolPumpRateMlPerH',
    p.propofolPumpRateMlPerH,
    p.propofolRateMgPerH / p.propofolConcentrationMgPerMl,
    'mg/h / concentration',
  ],
  [
    'propofolTotalMg',
    p.propofolTotalMg,
    p.propofolRateMgPerH * p.infusionDurationH,
    'mg/h x duration',
  ],
  [
    'propofolTotalMl',
    p.propofolTotalMl,
    p.propofolTotalMg / p.propofolConcentrationMgPerMl,
    'total mg / concentration',
  ],
];

function checkPlanArithmetic(p: Plan, ctx: z.RefinementCtx): void {
  for (const [field, value, expected, how] of relations(p)) {
    if (!approxEqual(value, expected)) {
      addIssue(
        ctx,
        [field],
        `is ${value} but ${how} gives ${expected}; the plan does not add up, make it again`,
      );
    }
  }
  const pumps = [
    ['ketamineMlPerH', p.pumpEntry.ketamineMlPerH, p.ketaminePumpRateMlPerH],
    ['propofolMlPerH', p.pumpEntry.propofolMlPerH, p.propofolPumpRateMlPerH],
  ] as const;
  for (const [field, entry, planned] of pumps) {
    if (Math.abs(entry - planned) > PUMP_STEP_ML_PER_H / 2 + 1e-9) {
      addIssue(
        ctx,
        ['pumpEntry', field],
        `${entry} mL/h is not the planned ${planned} mL/h rounded to the pump's 0.1 mL/h`,
      );
    }
  }
  const deviates =
    p.ketamineDoseMg !== p.expectedDoseMg || p.findings.some((f) => f.severity === 'deviation');
  if (deviates && !p.deviation.isDeviation) {
    addIssue(
      ctx,
      ['deviation', 'isDeviation'],
      'the plan differs from the protocol, so it must be marked as a protocol deviation',
    );
  }
}

export const dosePlanRecord = defineRecordKind({
  kind: 'dose-plan',
  description: 'The ketamine and propofol plan for one session, with its limit findings.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      sessionNumber: sessionNumberSchema,
      /** The protocol dose for this session number (session-dose.ts). */
      expectedDoseMg: doseMgSchema,
      ketamineDoseMg: doseMgSchema,
      ketamineRateMgPerH: rateMgPerHSchema,
      ketamineRateMgPerKgPerH: rateMgPerKgPerHSchema,
      ketamineStockVolumeMl: volumeMlSchema,
      ketaminePreparedConcentrationMgPerMl: concentrationMgPerMlSchema,
      ketaminePumpRateMlPerH: rateMlPerHSchema,
      preparationFinalVolumeMl: volumeMlSchema,
      ketamineProductId: codeSchema,
      ketamineProductConcentrationMgPerMl: concentrationMgPerMlSchema,
      propofolProductId: codeSchema,
      propofolConcentrationMgPerMl: concentrationMgPerMlSchema,
      propofolRateMgPerKgPerH: rateMgPerKgPerHSchema,
      propofolRateMgPerH: rateMgPerHSchema,
      propofolPumpRateMlPerH: rateMlPerHSchema,
      propofolTotalMg: doseMgSchema,
      propofolTotalMl: volumeMlSchema,
      infusionDurationH: durationHSchema,
      weightKg: weightKgSchema,
      weightRecordId: recordIdSchema,
      /** What is typed into the pumps: 0.1 mL/h steps (pump-entry.ts). */
      pumpEntry: z.strictObject({
        ketamineMlPerH: rateMlPerHSchema,
        propofolMlPerH: rateMlPerHSchema,
      }),
      findings: z.array(findingSchema).max(50),
      overrides: z.array(namedReasonSchema).max(50),
      deviation: z.strictObject({
        isDeviation: z.boolean(),
        reasons: z.array(namedReasonSchema).max(50),
      }),
    })
    .superRefine(checkPlanArithmetic),
});

const checkedValue = z.union([z.number(), z.string().max(200)]).nullable();

export const doubleCheckRecord = defineRecordKind({
  kind: 'double-check',
  description: 'Independent double check: a second person entered the pump rates and products.',
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      dosePlanId: recordIdSchema,
      checkerStaffId: staffIdSchema,
      enteredKetamineMlPerH: rateMlPerHSchema,
      enteredPropofolMlPerH: rateMlPerHSchema,
      enteredKetamineProductId: codeSchema,
      enteredPropofolProductId: codeSchema,
      matches: z.boolean(),
      mismatches: z
        .array(
          z.strictObject({
            field: codeSchema,
            expected: checkedValue,
            entered: checkedValue,
            suspectedError: textSchema(500).optional(),
          }),
        )
        .max(10),
    })
    .superRefine((p, ctx) => {
      if (p.matches !== (p.mismatches.length === 0)) {
        addIssue(ctx, ['matches'], 'must be true exactly when there are no mismatches');
      }
    }),
});

export const signOffRecord = defineRecordKind({
  kind: 'sign-off',
  description: "The anesthesiologist's sign-off, naming exactly the dose plan it covers.",
  schemaVersion: 1,
  scope: 'session',
  payload: z.strictObject({
    covers: z.strictObject({ kind: z.literal('dose-plan'), recordId: recordIdSchema }),
    role: z.literal('anesthesiologist'),
    signedByStaffId: staffIdSchema,
    statement: textSchema(2000),
  }),
});
