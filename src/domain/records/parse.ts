/**
 * Validating a record that comes from a form, from storage or from the wire. Used by the
 * tablet before every write and by the sync server on every record it receives, so an error
 * names the record (id and kind) and the exact field path, in words.
 */
import type { z } from 'zod';
import { fail, ok, type DomainError, type DomainErrorCode, type Result } from '../result.ts';
import { migrateRecord } from './migrations.ts';
import { clinicalRecordSchema, type ClinicalRecord } from './registry.ts';

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function codeOf(issue: Issue, value: unknown): DomainErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'required';
      if (issue.expected === 'int') return 'not-an-integer';
      if (typeof value === 'number' && Number.isNaN(value)) return 'not-a-number';
      if (typeof value === 'number') return 'not-finite';
      return issue.expected === 'number' ? 'not-a-number' : 'invalid-choice';
    case 'too_small':
      if (typeof value === 'number' && value < 0 && Number(issue.minimum) >= 0) return 'negative';
      if (value === 0 && Number(issue.minimum) === 0) return 'not-positive';
      return 'implausible';
    case 'invalid_value':
    case 'invalid_union':
    case 'unrecognized_keys':
      return 'invalid-choice';
    case 'invalid_format':
      return 'invalid-date';
    case 'custom':
      return /date|instant/i.test(issue.message) ? 'invalid-date' : 'implausible';
    default:
      return 'implausible';
  }
}

function messageOf(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys')
    return 'is not a field of this record (unknown fields are refused)';
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
    return `"${String(value).slice(0, 40)}" is not a record kind this app knows`;
  }
  return issue.message;
}

/**
 * The record schemas word their checks in English (fields.ts, define.ts, each kind's
 * refinements). The shared field checks of fields.ts are given in Dutch here; any other check
 * is named invalid in Dutch with the schema's own words quoted, so no fact is lost.
 */
const FIELD_CHECKS_NL: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^must be a number of (.+)$/, (u) => `moet een getal in ${u} zijn`],
  [/^must be a number$/, () => 'moet een getal zijn'],
  [/^must be a whole number of (.+)$/, (u) => `moet een geheel getal in ${u} zijn`],
  [/^must be a whole number$/, () => 'moet een geheel getal zijn'],
  [/^must be more than (.+)$/, (v) => `moet meer dan ${v} zijn`],
  [/^must be at least (.+)$/, (v) => `moet minstens ${v} zijn`],
  [/^must be at most (\d+) characters$/, (n) => `mag hoogstens ${n} tekens lang zijn`],
  [/^must be at most (.+)$/, (v) => `mag hoogstens ${v} zijn`],
  [/^must be text$/, () => 'moet tekst zijn'],
  [/^must not be empty$/, () => 'mag niet leeg zijn'],
  [/^must be a code$/, () => 'moet een code zijn'],
];

function messageOfNl(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return 'is verplicht';
  if (issue.code === 'unrecognized_keys')
    return 'is geen veld van dit record (onbekende velden worden geweigerd)';
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
    return `"${String(value).slice(0, 40)}" is geen soort record die deze app kent`;
  }
  for (const [pattern, dutch] of FIELD_CHECKS_NL) {
    const m = pattern.exec(issue.message);
    if (m) return dutch(...m.slice(1));
  }
  return `is ongeldig (${issue.message})`;
}

/** Every problem of a record, each with its field path (e.g. `payload.weightKg`). */
export function describeIssues(raw: unknown, issues: readonly Issue[]): DomainError[] {
  return issues.map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const value = valueAt(raw, issue.path);
    return {
      code: codeOf(issue, value),
      field: path.length === 0 ? 'record' : path.map(String).join('.'),
      message: messageOf(issue, value),
      messageNl: messageOfNl(issue, value),
    };
  });
}

/** "Record <id> (<kind>)" for messages; tolerant of anything. */
export function recordLabel(raw: unknown): string {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = typeof r.id === 'string' ? r.id.slice(0, 40) : '(no id)';
  const kind = typeof r.kind === 'string' ? ` (${r.kind.slice(0, 40)})` : '';
  return `Record ${id}${kind}`;
}

/** `recordLabel` in Dutch. */
function recordLabelNl(raw: unknown): string {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = typeof r.id === 'string' ? r.id.slice(0, 40) : '(geen id)';
  const kind = typeof r.kind === 'string' ? ` (${r.kind.slice(0, 40)})` : '';
  return `Record ${id}${kind}`;
}

/** The record schema, or a clone of it with the same checks (e.g. zod's `z.compile` of it). */
export type ClinicalRecordSchema = typeof clinicalRecordSchema;

/** Reads a clinical record from unknown JSON; see parseClinicalRecord. */
export type ClinicalRecordParser = (json: unknown) => Result<ClinicalRecord>;

/**
 * parseClinicalRecord with another copy of the record schema. The server passes zod's compiled
 * clone (server/src/validation.ts): the tablet cannot, its CSP forbids generated code.
 */
export function createClinicalRecordParser(schema: ClinicalRecordSchema): ClinicalRecordParser {
  return (json) => parseWith(schema, json);
}

function parseWith(schema: ClinicalRecordSchema, json: unknown): Result<ClinicalRecord> {
  const migrated = migrateRecord(json);
  if (!migrated.ok) return migrated;
  const parsed = schema.safeParse(migrated.value);
  if (parsed.success) return ok(parsed.data);
  return recordFailure(json, describeIssues(migrated.value, parsed.error.issues));
}

/** The failure of a record: its first problem, named with the record, and how many others. */
function recordFailure(json: unknown, errors: readonly DomainError[]): Result<never> {
  const first: DomainError = errors[0] ?? {
    code: 'implausible',
    field: 'record',
    message: 'is not valid',
    messageNl: 'is ongeldig',
  };
  const more =
    errors.length > 1
      ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`
      : '';
  const moreNl =
    errors.length > 1
      ? ` (en nog ${errors.length - 1} ${errors.length > 2 ? 'problemen' : 'probleem'})`
      : '';
  return fail(
    first.code,
    first.field,
    `${recordLabel(json)}: ${first.field} ${first.message}${more}.`,
    `${recordLabelNl(json)}: ${first.field} ${first.messageNl ?? first.message}${moreNl}.`,
  );
}

/**
 * Upgrades (migrations.ts) then validates unknown JSON as a clinical record. On failure the
 * error's `field` is the path of the first failing field and its message names the record id
 * and kind, the field, what is wrong and how many other problems there are.
 */
export function parseClinicalRecord(json: unknown): Result<ClinicalRecord> {
  return parseWith(clinicalRecordSchema, json);
}
