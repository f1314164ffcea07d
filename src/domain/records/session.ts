/**
 * The session (one administration, FHIR Encounter) and its pre-checks: today's weight,
 * baseline vitals and the checklist (protocol.md section 4, steps 1-2, and section 3 for
 * monitoring and room). The session keeps full snapshots of the settings and protocol it ran
 * with (protocol.md: "each session must keep a snapshot of the values it used").
 */
import { z } from 'zod';
import { protocolKey } from '../protocols/types.ts';
import { isoDateSchema, isoInstantSchema, recordIdSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import {
  diastolicMmHgSchema,
  heartRatePerMinSchema,
  respiratoryRatePerMinSchema,
  sessionNumberSchema,
  spo2PercentSchema,
  systolicMmHgSchema,
  textSchema,
  weightKgSchema,
} from './fields.ts';
import { centerSettingsSchema, protocolDefinitionSchema } from './snapshots.ts';

export const sessionRecord = defineRecordKind({
  kind: 'session',
  description: 'One KIT administration (FHIR Encounter), with the settings and protocol it used.',
  schemaVersion: 1,
  // sessionId is the id of the first session record (its own id), like patient records.
  scope: 'session',
  payload: z.strictObject({
    courseId: recordIdSchema,
    sessionNumber: sessionNumberSchema,
    scheduledFor: isoDateSchema.optional(),
    settingsSnapshot: centerSettingsSchema,
    protocolSnapshot: protocolDefinitionSchema,
  }),
  refine: (r, ctx) => {
    if (r.supersedes === null && r.sessionId !== r.id) {
      addIssue(ctx, ['sessionId'], 'a new session record must use its own id as sessionId');
    }
    const key = protocolKey(r.payload.protocolSnapshot);
    if (r.protocolKey !== key) {
      addIssue(ctx, ['protocolKey'], `must be ${key}, the protocol the session snapshot holds`);
    }
    if (r.settingsVersion !== r.payload.settingsSnapshot.version) {
      addIssue(
        ctx,
        ['settingsVersion'],
        `must be ${r.payload.settingsSnapshot.version}, the settings the session snapshot holds`,
      );
    }
    if (r.payload.protocolSnapshot.ketamine.sessionDoses === null) {
      addIssue(
        ctx,
        ['payload', 'protocolSnapshot', 'ketamine', 'sessionDoses'],
        'the protocol has no doses configured; a session cannot run on it',
      );
    }
  },
});

export const weightRecord = defineRecordKind({
  kind: 'weight',
  description: "Today's weight in kg, measured on the day (protocol.md section 3).",
  schemaVersion: 1,
  scope: 'session',
  payload: z.strictObject({ weightKg: weightKgSchema, measuredAt: isoInstantSchema }),
});

/** Shared by baseline vitals and observations; diastolic must be below systolic. */
export const vitalsShape = {
  systolicMmHg: systolicMmHgSchema,
  diastolicMmHg: diastolicMmHgSchema,
  heartRatePerMin: heartRatePerMinSchema,
  spo2Percent: spo2PercentSchema,
} as const;

export const checkDiastolicBelowSystolic = (
  v: { readonly systolicMmHg: number; readonly diastolicMmHg: number },
  ctx: z.RefinementCtx,
) => {
  if (v.diastolicMmHg >= v.systolicMmHg) {
    addIssue(ctx, ['diastolicMmHg'], 'must be below the systolic pressure (were they swapped?)');
  }
};

export const baselineVitalsRecord = defineRecordKind({
  kind: 'baseline-vitals',
  description: "This session's pre-infusion vitals: the baseline for alerts and discharge.",
  schemaVersion: 1,
  scope: 'session',
  payload: z
    .strictObject({
      ...vitalsShape,
      respiratoryRatePerMin: respiratoryRatePerMinSchema.nullable().optional(),
    })
    .superRefine(checkDiastolicBelowSystolic),
});

/** Pre-infusion checks (protocol.md section 4, step 2, and section 3 monitoring/room). */
export const PRE_INFUSION_CHECKLIST = [
  'identity-confirmed',
  'eligibility-reconfirmed',
  'contraindications-checked',
  'escort-arranged',
  'liver-tests-checked',
  'urinary-symptoms-asked',
  'dedicated-line',
  'anti-reflux-valve',
  'monitoring-spo2',
  'monitoring-ecg',
  'monitoring-nibp',
  'room-darkened',
] as const;
/** Discharge checks (protocol.md section 3 discharge, section 4 step 5). */
export const DISCHARGE_CHECKLIST = ['no-driving-advice', 'escort-present'] as const;
export const CHECKLIST_ITEMS = [...PRE_INFUSION_CHECKLIST, ...DISCHARGE_CHECKLIST] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const checklistItemRecord = defineRecordKind({
  kind: 'checklist-item',
  description: 'One checklist item ticked or unticked; the latest record of an item counts.',
  schemaVersion: 1,
  scope: 'session',
  payload: z.strictObject({
    item: z.enum(CHECKLIST_ITEMS),
    checked: z.boolean(),
    note: textSchema(1000).optional(),
  }),
});
