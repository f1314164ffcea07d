/**
 * Who may store a record (push step 3): the pushing tablet must be the record's device, the
 * people it names must be staff of the center, sign-offs belong to anesthesiologists, and
 * staff-member records (adding, changing or deactivating staff) and settings-version records
 * (changing the center settings) to administrators. The tablets' screens already offer those
 * changes only to those roles; here it is binding, whatever a tablet sends.
 * Checked after the duplicate check, so a retried push stays `duplicate` after staff changes.
 */
import type { RecordKind } from '../../../src/domain/records.ts';
import { BOOTSTRAP_ADMIN_ID } from '../staff.ts';
import type { StaffRow } from '../staff.ts';
import type { IncomingRecord } from '../validation.ts';

/** Record kinds only an anesthesiologist may author (protocol.md section 3: dose plan sign-off). */
export const ANESTHESIOLOGIST_ONLY_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>([
  'sign-off',
]);

/**
 * Record kinds only an administrator may author: a new version of the center settings (the
 * defaults and limits every dose plan and check is judged by; protocol.md section 3 "[default]"
 * values, set by the center). Staff-member records are an administrator's too, checked with
 * their own rules below.
 */
export const ADMIN_ONLY_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>(['settings-version']);

type Problem = { readonly field: string; readonly message: string };

/** Is `staffId` staff of the center, active at `clinicalTime` (or deactivated only after it)? */
function staffProblem(
  staff: ReadonlyMap<string, StaffRow>,
  staffId: string,
  clinicalTime: string,
  field: string,
): Problem | null {
  const member = staff.get(staffId);
  if (member === undefined)
    return { field, message: `${staffId} is not a staff member of this center` };
  // Both are ISO instants with milliseconds and Z, so string order is time order.
  if (!member.active && (member.deactivatedAt === null || clinicalTime >= member.deactivatedAt)) {
    return { field, message: `${staffId} was no longer active at the record's clinical time` };
  }
  return null;
}

/**
 * Staff are the one thing that decides who may record anything, so only an administrator (or
 * the bootstrap admin, see staff.ts) may add, change or deactivate them; nobody may claim the
 * bootstrap admin's own id.
 */
function staffRecordProblem(
  authorId: string,
  staffId: string,
  authorRole: string | undefined,
): Problem | null {
  if (authorRole !== 'admin') {
    return {
      field: 'authorStaffId',
      message: `${authorId} is ${authorRole === undefined ? 'not known' : `a ${authorRole}`}: only an administrator may add, change or deactivate staff; ask an administrator to make this change`,
    };
  }
  if (staffId === BOOTSTRAP_ADMIN_ID) {
    return {
      field: 'payload.staffId',
      message: `${BOOTSTRAP_ADMIN_ID} is reserved for the center server and cannot be a staff member`,
    };
  }
  return null;
}

/** The center has nobody yet: only the server's own bootstrap admin is known. */
const hasNoStaff = (staff: ReadonlyMap<string, StaffRow>): boolean =>
  [...staff.keys()].every((id) => id === BOOTSTRAP_ADMIN_ID);

/**
 * First run: a new center (no staff at all) takes its first administrator from an enrolled
 * tablet, where that person registered themself before anyone else existed. Safe because the
 * tablet holds a device token, which only an admin's one-time code gives, and because it works
 * once: from then on staff are added by an administrator. Any other first record gets a
 * message saying how to start.
 */
function firstStaffProblem(record: IncomingRecord): Problem | null {
  if (
    record.kind === 'staff-member' &&
    record.payload.staffId === record.authorStaffId &&
    record.payload.role === 'admin' &&
    record.payload.active &&
    record.authorStaffId !== BOOTSTRAP_ADMIN_ID
  ) {
    return null;
  }
  return {
    field: 'authorStaffId',
    message: `${record.authorStaffId} is not a staff member of this center, which has no staff yet: the first person must be an administrator who registers themself on an enrolled tablet (role Administrator), or add staff with the admin API (server/README.md)`,
  };
}

/** Step 3: may this device store this record in the name of these people? Null when it may. */
export function contextProblem(
  record: IncomingRecord,
  deviceId: string,
  staff: ReadonlyMap<string, StaffRow>,
): Problem | null {
  if (record.deviceId !== deviceId) {
    return {
      field: 'deviceId',
      message: `names device ${record.deviceId} but was pushed by ${deviceId}; a tablet pushes only its own records`,
    };
  }
  if (hasNoStaff(staff)) return firstStaffProblem(record);
  const authorProblem = staffProblem(
    staff,
    record.authorStaffId,
    record.clinicalTime,
    'authorStaffId',
  );
  if (authorProblem !== null) return authorProblem;
  const authorRole = staff.get(record.authorStaffId)?.role;
  if (record.kind === 'staff-member')
    return staffRecordProblem(record.authorStaffId, record.payload.staffId, authorRole);
  if (record.authorStaffId === BOOTSTRAP_ADMIN_ID) {
    return {
      field: 'authorStaffId',
      message: `${BOOTSTRAP_ADMIN_ID} is the center server's administrator identity and authors only staff-member records; record in the name of the staff member at the tablet`,
    };
  }
  if (ADMIN_ONLY_KINDS.has(record.kind) && authorRole !== 'admin') {
    // The author was active at the record's clinical time (checked above); the role is the
    // person's role now, as for sign-offs.
    return {
      field: 'authorStaffId',
      message: `${record.authorStaffId} is ${authorRole === undefined ? 'not known' : `a ${authorRole}`}: only an administrator may change the center settings (a ${record.kind} record); ask an administrator to make this change`,
    };
  }
  if (ANESTHESIOLOGIST_ONLY_KINDS.has(record.kind) && authorRole !== 'anesthesiologist') {
    return {
      field: 'authorStaffId',
      message: `a ${record.kind} must be made by an anesthesiologist; ${record.authorStaffId} is ${authorRole ?? 'unknown'}`,
    };
  }
  if (record.kind === 'sign-off') {
    // The signer named in the payload must be one of the center's anesthesiologists too.
    const signerId = record.payload.signedByStaffId;
    const field = 'payload.signedByStaffId';
    const signerProblem = staffProblem(staff, signerId, record.clinicalTime, field);
    if (signerProblem !== null) return signerProblem;
    if (staff.get(signerId)?.role !== 'anesthesiologist') {
      return { field, message: `${signerId} is not an anesthesiologist of this center` };
    }
  }
  return null;
}
