/**
 * Public API of the clinical record model (protocol.md section 6): append-only records, one
 * zod schema per kind with its schema version and migrations, shared by the tablet and the
 * sync server. Import from here, not from the files under records/.
 */
export {
  deviceIdSchema,
  isoDateSchema,
  isoInstantSchema,
  recordBaseSchema,
  recordBaseShape,
  recordIdSchema,
  staffIdSchema,
  supersedesSchema,
  type RecordBase,
} from './records/base.ts';
export type {
  RawRecord,
  RecordMigration,
  RecordMigrations,
  RecordScope,
} from './records/define.ts';
export { centerSettingsSchema, protocolDefinitionSchema } from './records/snapshots.ts';
export {
  CONTRAINDICATION_KEY_BY_ID,
  CONTRAINDICATIONS,
  COURSE_STATUSES,
  DISCONTINUATION_REASONS,
  PAIN_TYPES,
  SEXES,
  type Contraindication,
  type DiscontinuationReason,
  type PainType,
} from './records/patient.ts';
export {
  CHECKLIST_ITEMS,
  DISCHARGE_CHECKLIST,
  PRE_INFUSION_CHECKLIST,
  type ChecklistItem,
} from './records/session.ts';
export { FINDING_SEVERITIES } from './records/dose-plan.ts';
export {
  ALERT_LEVELS,
  EXTRA_DRUGS,
  INFUSION_ACTIONS,
  INFUSION_EVENTS,
  ROUTES,
  SIDE_EFFECTS,
  type InfusionEventKind,
  type SideEffectId,
} from './records/infusion.ts';
export { ALDRETE_ITEM_IDS } from './records/follow-up.ts';
export { STAFF_ROLES, type StaffRole } from './records/center.ts';
export {
  RECORD_KIND_DEFINITIONS,
  RECORD_KIND_INFO,
  RECORD_KINDS,
  clinicalRecordSchema,
  isRecordKind,
  type ClinicalRecord,
  type PayloadOf,
  type RecordKind,
  type RecordOfKind,
} from './records/registry.ts';
export { migrateRecord, migrateRecordWith, type MigrationRegistry } from './records/migrations.ts';
export {
  createClinicalRecordParser,
  describeIssues,
  parseClinicalRecord,
  recordLabel,
  type ClinicalRecordParser,
  type ClinicalRecordSchema,
} from './records/parse.ts';
