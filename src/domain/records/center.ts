/**
 * Center-level records (settings versions, staff) and the "entered in error" marker
 * (protocol.md section 6: "Nothing is deleted: a correction is a new record that supersedes
 * the old one, with a reason"). A correction of a value is a new record of the same kind with
 * `supersedes`; a record that should never have existed gets an `entered-in-error` record.
 */
import { z } from 'zod';
import { recordIdSchema, staffIdSchema } from './base.ts';
import { addIssue, defineRecordKind } from './define.ts';
import { textSchema } from './fields.ts';
import { centerSettingsSchema, protocolDefinitionSchema } from './snapshots.ts';

export const enteredInErrorRecord = defineRecordKind({
  kind: 'entered-in-error',
  description: 'Marks a record as entered in error; it stays stored but no longer counts.',
  schemaVersion: 1,
  // Follows its target: patient, session or center level.
  scope: 'any',
  payload: z.strictObject({ targetRecordId: recordIdSchema, reason: textSchema(1000) }),
  refine: (r, ctx) => {
    if (r.payload.targetRecordId === r.id)
      addIssue(ctx, ['payload', 'targetRecordId'], 'a record cannot mark itself');
    // Undoing a marker is another marker on it; correcting one in place would hide history.
    if (r.supersedes !== null)
      addIssue(
        ctx,
        ['supersedes'],
        'an entered-in-error marker cannot be corrected; mark it in error instead',
      );
  },
});

export const settingsVersionRecord = defineRecordKind({
  kind: 'settings-version',
  description: 'A new version of the center settings (and center-configured protocols).',
  schemaVersion: 1,
  scope: 'center',
  payload: z.strictObject({
    settings: centerSettingsSchema,
    protocols: z.array(protocolDefinitionSchema).max(50).optional(),
  }),
});

export const STAFF_ROLES = ['nurse', 'anesthesiologist', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffMemberRecord = defineRecordKind({
  kind: 'staff-member',
  description: 'A staff member who can author, check or sign records.',
  schemaVersion: 1,
  scope: 'center',
  payload: z.strictObject({
    staffId: staffIdSchema,
    displayName: textSchema(120),
    role: z.enum(STAFF_ROLES),
    active: z.boolean(),
  }),
});
