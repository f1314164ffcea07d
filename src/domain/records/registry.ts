/**
 * Every record kind in one list, the discriminated union on `kind`, and the types derived from
 * it. Adding a kind = a definition in its group file + one line here.
 */
import { z } from 'zod';
import { enteredInErrorRecord, settingsVersionRecord, staffMemberRecord } from './center.ts';
import type { RecordMigrations, RecordScope } from './define.ts';
import { dosePlanRecord, doubleCheckRecord, signOffRecord } from './dose-plan.ts';
import { dischargeRecord, liverTestRecord, outcomeAnswerRecord } from './follow-up.ts';
import {
  drugGivenRecord,
  infusionEventRecord,
  observationRecord,
  sideEffectRecord,
} from './infusion.ts';
import {
  courseRecord,
  courseStatusRecord,
  eligibilityScreeningRecord,
  patientRecord,
} from './patient.ts';
import {
  baselineVitalsRecord,
  checklistItemRecord,
  sessionRecord,
  weightRecord,
} from './session.ts';

export const RECORD_KIND_DEFINITIONS = [
  patientRecord,
  eligibilityScreeningRecord,
  courseRecord,
  courseStatusRecord,
  sessionRecord,
  weightRecord,
  baselineVitalsRecord,
  checklistItemRecord,
  dosePlanRecord,
  doubleCheckRecord,
  signOffRecord,
  infusionEventRecord,
  observationRecord,
  sideEffectRecord,
  drugGivenRecord,
  dischargeRecord,
  outcomeAnswerRecord,
  liverTestRecord,
  enteredInErrorRecord,
  settingsVersionRecord,
  staffMemberRecord,
] as const;

/** The schema of any clinical record: a discriminated union on `kind`. */
export const clinicalRecordSchema = z.discriminatedUnion('kind', [
  patientRecord.schema,
  eligibilityScreeningRecord.schema,
  courseRecord.schema,
  courseStatusRecord.schema,
  sessionRecord.schema,
  weightRecord.schema,
  baselineVitalsRecord.schema,
  checklistItemRecord.schema,
  dosePlanRecord.schema,
  doubleCheckRecord.schema,
  signOffRecord.schema,
  infusionEventRecord.schema,
  observationRecord.schema,
  sideEffectRecord.schema,
  drugGivenRecord.schema,
  dischargeRecord.schema,
  outcomeAnswerRecord.schema,
  liverTestRecord.schema,
  enteredInErrorRecord.schema,
  settingsVersionRecord.schema,
  staffMemberRecord.schema,
]);

export type ClinicalRecord = z.output<typeof clinicalRecordSchema>;
export type RecordKind = ClinicalRecord['kind'];
/** The record type of one kind, e.g. `RecordOfKind<'weight'>`. */
export type RecordOfKind<K extends RecordKind> = Extract<ClinicalRecord, { kind: K }>;
export type PayloadOf<K extends RecordKind> = RecordOfKind<K>['payload'];

export const RECORD_KINDS: readonly RecordKind[] = RECORD_KIND_DEFINITIONS.map((d) => d.kind);

type KindInfo = {
  readonly schemaVersion: number;
  readonly scope: RecordScope;
  readonly migrations: RecordMigrations;
};

/** Current schema version, scope and migrations of each kind. */
export const RECORD_KIND_INFO: { readonly [K in RecordKind]: KindInfo } = Object.freeze(
  Object.fromEntries(
    RECORD_KIND_DEFINITIONS.map((d) => [
      d.kind,
      { schemaVersion: d.schemaVersion, scope: d.scope, migrations: d.migrations },
    ]),
  ) as { [K in RecordKind]: KindInfo },
);

export const isRecordKind = (value: unknown): value is RecordKind =>
  typeof value === 'string' && Object.hasOwn(RECORD_KIND_INFO, value);
