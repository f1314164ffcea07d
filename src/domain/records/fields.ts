/**
 * Field schemas shared by the record kinds. The record schemas are the last line of defence
 * (the sync server validates with the same ones), so every number is checked here to be a
 * finite number (zod 4's `z.number()` refuses NaN and +/-Infinity) within PHYSICAL or storage
 * bounds with its unit in the message.
 *
 * These bounds are deliberately wider than any clinical limit or entry plausibility rule
 * (weight.ts, vitals.ts, limits.ts, settings): a stored record must still parse after a center
 * changes a policy, so policy belongs to the domain rules and only "this cannot be a real
 * value" belongs here. Nothing is rounded, clamped or coerced.
 */
import { z } from 'zod';
import { staffIdSchema } from './base.ts';

export type QuantityBounds = {
  /** Lowest allowed value. */
  readonly min: number;
  /** When true, `min` itself is refused (e.g. a dose must be more than 0 mg). */
  readonly minExclusive?: boolean;
  readonly max: number;
  /** Whole numbers only (scores, counts, session numbers). */
  readonly int?: boolean;
};

/** A finite number in `unit` within `bounds`; messages name the unit and the bounds. */
export function quantity(unit: string, bounds: QuantityBounds) {
  const u = unit === '' ? '' : ` ${unit}`;
  let schema = z.number({ error: `must be a number${u === '' ? '' : ` of${u}`}` });
  if (bounds.int)
    schema = schema.int({ error: `must be a whole number${u === '' ? '' : ` of${u}`}` });
  schema = bounds.minExclusive
    ? schema.gt(bounds.min, { error: `must be more than ${bounds.min}${u}` })
    : schema.gte(bounds.min, { error: `must be at least ${bounds.min}${u}` });
  return schema.lte(bounds.max, { error: `must be at most ${bounds.max}${u}` });
}

// Named quantities, so the same bound is used for the same unit everywhere.
/** Body weight: more than 0, at most 500 kg (clinical limits 30-300 kg live in settings). */
export const weightKgSchema = quantity('kg', { min: 0, minExclusive: true, max: 500 });
/** A ketamine or other drug amount that was planned or given: more than 0, at most 10 g. */
export const doseMgSchema = quantity('mg', { min: 0, minExclusive: true, max: 10_000 });
/** An amount delivered (may be 0 when nothing ran): at least 0, at most 10 g. */
export const deliveredMgSchema = quantity('mg', { min: 0, max: 10_000 });
export const deliveredMlSchema = quantity('mL', { min: 0, max: 10_000 });
export const volumeMlSchema = quantity('mL', { min: 0, minExclusive: true, max: 10_000 });
export const rateMgPerHSchema = quantity('mg/h', { min: 0, minExclusive: true, max: 10_000 });
export const rateMgPerKgPerHSchema = quantity('mg/kg/h', { min: 0, minExclusive: true, max: 100 });
/** Pump rates: the highest rate any pump in use accepts is 9999.9 mL/h (pump-entry.ts). */
export const rateMlPerHSchema = quantity('mL/h', { min: 0, minExclusive: true, max: 9999.9 });
export const concentrationMgPerMlSchema = quantity('mg/mL', {
  min: 0,
  minExclusive: true,
  max: 1000,
});
export const durationHSchema = quantity('h', { min: 0, minExclusive: true, max: 24 });

// Vital signs: physical bounds only (entry plausibility is vitals.ts).
export const systolicMmHgSchema = quantity('mmHg', { min: 0, minExclusive: true, max: 400 });
export const diastolicMmHgSchema = quantity('mmHg', { min: 0, minExclusive: true, max: 300 });
export const heartRatePerMinSchema = quantity('/min', { min: 0, minExclusive: true, max: 400 });
export const spo2PercentSchema = quantity('%', { min: 0, max: 100 });
export const respiratoryRatePerMinSchema = quantity('/min', { min: 0, max: 150 });

/** A session number counts administrations from 1. */
export const sessionNumberSchema = quantity('', { min: 1, max: 1000, int: true });

/** Free text a person typed: not blank, bounded. Not trimmed: stored as typed. */
export const textSchema = (maxLength = 1000) =>
  z
    .string({ error: 'must be text' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** A short identifier chosen by the app (product ids, finding codes, catalog ids). */
export const codeSchema = z
  .string({ error: 'must be a code' })
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'must be at most 80 characters' });

/** A named person's decision with a reason (overrides, deviation reasons). */
export const namedReasonSchema = z.strictObject({
  findingCode: codeSchema,
  byStaffId: staffIdSchema,
  /** Who may approve is policy (limits.ts); the record keeps the role it was approved in. */
  role: z.literal('anesthesiologist').optional(),
  reason: textSchema(1000),
});

/** Relative float tolerance for fields computed from one another (unrounded plan values). */
export const approxEqual = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
