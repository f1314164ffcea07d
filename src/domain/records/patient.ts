/**
 * Patient-level records: the patient (pseudonymous), eligibility screening, the course of
 * therapy and its status changes. Sources: protocol.md sections 2 (eligibility, ASRA/AAPM/ASA
 * 2018 relative contraindications), 5 (baseline NRS, pain type by two physicians and an
 * external one if they disagree, discontinuation reasons) and 8 (registry: courses started
 * before or elsewhere are excluded, as in the paper).
 */
import { z } from 'zod';
import { isoDateSchema, isoInstantSchema, recordIdSchema, staffIdSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import type { ContraindicationId } from '../eligibility.ts';
import { DISCONTINUATION_REASONS, PAIN_TYPES } from '../outcomes.ts';
import { quantity, textSchema } from './fields.ts';

// One source of truth for these lists: the domain rules that judge them.
export { DISCONTINUATION_REASONS, PAIN_TYPES };
export type { DiscontinuationReason, PainType } from '../outcomes.ts';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

const painOpinionSchema = z.strictObject({ staffId: staffIdSchema, painType: z.enum(PAIN_TYPES) });

export const patientRecord = defineRecordKind({
  kind: 'patient',
  description: 'A patient on KIT, identified only by the center patient number (pseudonymous).',
  schemaVersion: 1,
  // patientId is the id of the first patient record (its own id), so every record of the
  // patient, this one included, is found through one index.
  scope: 'patient',
  payload: z
    .strictObject({
      centerPatientNumber: z
        .string()
        .min(1)
        .max(40)
        .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
          error: 'must be letters, digits and . _ / - only',
        }),
      sex: z.enum(SEXES),
      birthDate: isoDateSchema.optional(),
      birthYear: quantity('', { min: 1900, max: 2100, int: true }).optional(),
      painTypeOpinions: z.strictObject({
        physician1: painOpinionSchema,
        physician2: painOpinionSchema,
        /** Only when the two disagree: the external physician's opinion decides. */
        external: painOpinionSchema.optional(),
      }),
      /** Numeric Rating Scale 0-10 before therapy starts. */
      baselineNrs: quantity('', { min: 0, max: 10, int: true }),
      baselineNrsRecordedAt: isoInstantSchema,
      /** Demo and training data: never part of the registry. */
      isSynthetic: z.boolean(),
    })
    .superRefine((p, ctx) => {
      if ((p.birthDate === undefined) === (p.birthYear === undefined)) {
        addIssue(
          ctx,
          ['birthDate'],
          'give either the birth date or the birth year, not both and not neither',
        );
      }
      if (p.painTypeOpinions.physician1.staffId === p.painTypeOpinions.physician2.staffId) {
        addIssue(
          ctx,
          ['painTypeOpinions', 'physician2', 'staffId'],
          'the two opinions must come from two different physicians',
        );
      }
    }),
  refine: (r, ctx) => {
    if (r.supersedes === null && r.patientId !== r.id) {
      addIssue(ctx, ['patientId'], 'a new patient record must use its own id as patientId');
    }
  },
});

/**
 * The six ASRA/AAPM/ASA 2018 relative contraindications as stored keys: camelCase like every
 * other stored key. eligibility.ts names the same six with kebab-case ids; read a record with
 * CONTRAINDICATION_KEY_BY_ID[id] (complete by its type, so no contraindication can be missed).
 */
export const CONTRAINDICATIONS = [
  'poorlyControlledCardiovascularDisease',
  'pregnancy',
  'activePsychosis',
  'severeLiverDisease',
  'raisedIntracranialOrIntraocularPressure',
  'activeSubstanceAbuse',
] as const;
export type Contraindication = (typeof CONTRAINDICATIONS)[number];

export const CONTRAINDICATION_KEY_BY_ID: { readonly [K in ContraindicationId]: Contraindication } =
  Object.freeze({
    'poorly-controlled-cardiovascular-disease': 'poorlyControlledCardiovascularDisease',
    pregnancy: 'pregnancy',
    'active-psychosis': 'activePsychosis',
    'severe-liver-disease': 'severeLiverDisease',
    'raised-intracranial-or-intraocular-pressure': 'raisedIntracranialOrIntraocularPressure',
    'active-substance-abuse': 'activeSubstanceAbuse',
  });

export const eligibilityScreeningRecord = defineRecordKind({
  kind: 'eligibility-screening',
  description: 'Eligibility (protocol criteria) and the six ASRA relative contraindications.',
  schemaVersion: 1,
  scope: 'patient-or-session',
  payload: z.strictObject({
    adult: z.boolean(),
    nonOncologic: z.boolean(),
    psychologistCleared: z.boolean(),
    firstSecondLineFailed: z.boolean(),
    /** true = present. Any true needs an anesthesiologist's decision (eligibility rules). */
    contraindications: z.strictObject(
      Object.fromEntries(CONTRAINDICATIONS.map((c) => [c, z.boolean()])) as Record<
        Contraindication,
        z.ZodBoolean
      >,
    ),
    anesthesiologistDecision: z
      .strictObject({ staffId: staffIdSchema, proceed: z.boolean(), reason: textSchema(1000) })
      .optional(),
  }),
});

export const courseRecord = defineRecordKind({
  kind: 'course',
  description: 'A course of KIT for a patient (FHIR EpisodeOfCare).',
  schemaVersion: 1,
  scope: 'patient',
  payload: z.strictObject({
    startedOn: isoDateSchema,
    /** false = started before the app or at another center: the registry excludes it. */
    startedHere: z.boolean(),
  }),
});

export const COURSE_STATUSES = ['active', 'paused', 'discontinued'] as const;

export const courseStatusRecord = defineRecordKind({
  kind: 'course-status',
  description: 'A change of a course status, with the discontinuation reason (protocol.md 5).',
  schemaVersion: 1,
  scope: 'patient',
  payload: z
    .strictObject({
      courseId: recordIdSchema,
      status: z.enum(COURSE_STATUSES),
      reason: z.enum(DISCONTINUATION_REASONS).optional(),
      reasonText: textSchema(1000).optional(),
      /** After how many administrations it was stopped (protocol.md 5). */
      afterAdministrations: quantity('administrations', {
        min: 0,
        max: 1000,
        int: true,
      }).optional(),
    })
    .superRefine((p, ctx) => {
      if (p.status === 'discontinued' && p.reason === undefined) {
        addIssue(
          ctx,
          ['reason'],
          'a discontinuation needs its reason: lack of effect, side effects or other',
        );
      }
      if (p.status === 'active' && p.reason !== undefined) {
        addIssue(ctx, ['reason'], 'an active course has no discontinuation reason');
      }
      if (p.reason === 'other' && p.reasonText === undefined) {
        addIssue(ctx, ['reasonText'], 'reason "other" needs a description');
      }
    }),
});
