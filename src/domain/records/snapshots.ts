/**
 * Schemas of the two configuration objects that records keep full copies of: the center
 * settings (protocol.md: "each session must keep a snapshot of the values it used") and a
 * protocol definition (sessions keep the exact version they ran under; settings-version
 * records carry the center-configured S-ketamine definitions).
 *
 * Bounds are storage/physical bounds, wider than any sensible setting; only orderings that
 * make a setting meaningless (soft weight limits outside the hard ones, SpO2 urgent above
 * warning) are refused.
 */
import { z } from 'zod';
import type { ProtocolDefinition } from '../protocols/types.ts';
import {
  AUTO_LOCK_BOUNDS_MIN,
  DEFAULT_AUTO_LOCK_MIN,
  OBSERVATION_INTERVAL_BOUNDS_MIN,
  type CenterSettings,
} from '../settings.ts';
import {
  codeSchema,
  concentrationMgPerMlSchema,
  doseMgSchema,
  durationHSchema,
  quantity,
  rateMgPerKgPerHSchema,
  weightKgSchema,
} from './fields.ts';

const percent = quantity('%', { min: 0, max: 100 });
const mmHg = quantity('mmHg', { min: 0, max: 400 });
const perMin = quantity('/min', { min: 0, max: 400 });

const thresholdsSchema = z
  .strictObject({
    spo2WarningAtOrBelowPercent: percent,
    spo2UrgentAtOrBelowPercent: percent,
    systolicAboveMmHg: mmHg,
    systolicBelowMmHg: mmHg,
    diastolicAboveMmHg: mmHg,
    heartRateAbovePerMin: perMin,
    heartRateBelowPerMin: perMin,
    respiratoryRateBelowPerMin: perMin,
    changeFromBaselinePercent: quantity('%', { min: 0, minExclusive: true, max: 1000 }),
  })
  .superRefine((t, ctx) => {
    if (t.spo2UrgentAtOrBelowPercent > t.spo2WarningAtOrBelowPercent) {
      ctx.addIssue({
        code: 'custom',
        path: ['spo2UrgentAtOrBelowPercent'],
        message: 'must not be above the SpO2 warning level',
      });
    }
    if (t.systolicBelowMmHg >= t.systolicAboveMmHg) {
      ctx.addIssue({
        code: 'custom',
        path: ['systolicBelowMmHg'],
        message: 'must be below the upper systolic limit',
      });
    }
    if (t.heartRateBelowPerMin >= t.heartRateAbovePerMin) {
      ctx.addIssue({
        code: 'custom',
        path: ['heartRateBelowPerMin'],
        message: 'must be below the upper heart rate limit',
      });
    }
  });

const limitsSchema = z
  .strictObject({
    weightHardMinKg: weightKgSchema,
    weightHardMaxKg: weightKgSchema,
    weightSoftMinKg: weightKgSchema,
    weightSoftMaxKg: weightKgSchema,
    ketamineHardMaxMg: doseMgSchema,
    ketamineHardMaxMgPerKgPerH: rateMgPerKgPerHSchema,
    propofolHardMaxMgPerKgPerH: rateMgPerKgPerHSchema,
    weightMaxAgeHours: quantity('h', { min: 0, minExclusive: true, max: 24 * 14 }),
  })
  .superRefine((l, ctx) => {
    const ordered =
      l.weightHardMinKg <= l.weightSoftMinKg &&
      l.weightSoftMinKg <= l.weightSoftMaxKg &&
      l.weightSoftMaxKg <= l.weightHardMaxKg;
    if (!ordered) {
      ctx.addIssue({
        code: 'custom',
        path: ['weightSoftMinKg'],
        message: 'weight limits must be ordered: hard min <= soft min <= soft max <= hard max',
      });
    }
  });

/** Center settings as stored in records; same fields as `CenterSettings` (settings.ts). */
export const centerSettingsSchema = z.strictObject({
  version: quantity('', { min: 1, max: 1_000_000, int: true }),
  ketaminePreparationFinalVolumeMl: quantity('mL', { min: 0, minExclusive: true, max: 1000 }),
  nextSessionProposedDays: quantity('days', { min: 1, max: 366, int: true }),
  nextSessionWarnBelowDays: quantity('days', { min: 0, max: 366, int: true }),
  observationIntervalMin: quantity('min', {
    min: OBSERVATION_INTERVAL_BOUNDS_MIN.min,
    max: OBSERVATION_INTERVAL_BOUNDS_MIN.max,
  }),
  thresholds: thresholdsSchema,
  limits: limitsSchema,
  dischargeMinAldrete: quantity('', { min: 0, max: 10, int: true }),
  dischargeVitalsWithinPercent: quantity('%', { min: 0, minExclusive: true, max: 100 }),
  dischargeMinObservationMin: quantity('min', { min: 0, max: 24 * 60 }),
  liverUrgentUlnMultiple: quantity('x ULN', { min: 0, minExclusive: true, max: 100 }),
  lostToFollowUpWeeks: quantity('weeks', { min: 1, max: 520, int: true }),
  activeProtocolKey: z
    .string()
    .min(3)
    .max(80)
    .regex(/^[^@\s]+@[^@\s]+$/, { error: 'must look like id@version' }),
  // Added after the first settings records were stored: those parse with the default.
  autoLockMinutes: quantity('min', {
    min: AUTO_LOCK_BOUNDS_MIN.min,
    max: AUTO_LOCK_BOUNDS_MIN.max,
    int: true,
  }).default(DEFAULT_AUTO_LOCK_MIN),
}) satisfies z.ZodType<CenterSettings>;

const drugProductSchema = z.strictObject({
  id: codeSchema,
  substance: z.enum(['ketamine-racemic', 's-ketamine', 'propofol']),
  name: z.string().min(1).max(200),
  concentrationMgPerMl: concentrationMgPerMlSchema,
});

const protocolShape = z.strictObject({
  id: codeSchema,
  version: z.string().min(1).max(40),
  title: z.string().min(1).max(300),
  source: z.string().min(1).max(4000),
  ketamine: z.strictObject({
    substance: z.enum(['ketamine-racemic', 's-ketamine']),
    products: z.array(drugProductSchema).max(50),
    sessionDoses: z.strictObject({ testDoseMg: doseMgSchema, fullDoseMg: doseMgSchema }).nullable(),
    infusionDurationH: durationHSchema,
  }),
  propofol: z.strictObject({
    products: z.array(drugProductSchema).max(50),
    rateMgPerKgPerH: rateMgPerKgPerHSchema,
  }),
  liverTestIntervalMonths: quantity('months', { min: 1, max: 120, int: true }),
});

/**
 * A protocol definition as stored in records. Output typed as `ProtocolDefinition`: this is
 * the one boundary where validated stored numbers get their unit brands back (the field names
 * carry the same units), so a session's snapshot can be handed to dosing.ts directly.
 */
export const protocolDefinitionSchema = protocolShape as unknown as z.ZodType<ProtocolDefinition>;
