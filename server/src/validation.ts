/**
 * The one place the server decides whether a pushed record is well formed: the shared clinical
 * record schemas (`parseClinicalRecord`, src/domain/records.ts), the same code the tablet runs
 * before every write. It upgrades an older schemaVersion before checking and refuses unknown
 * fields at every level.
 *
 * What the server stores and hands to other tablets is the record exactly as pushed (canonical
 * JSON), not the parser's (possibly upgraded) output: every tablet holds the same bytes, and a
 * stored row is upgraded by whoever reads it, the way Dexie rows are.
 */
import { z } from 'zod';
import {
  clinicalRecordSchema,
  createClinicalRecordParser,
  recordLabel,
} from '../../src/domain/records.ts';
import type { ClinicalRecord, ClinicalRecordParser } from '../../src/domain/records.ts';

/**
 * The shared record schema compiled by zod (`z.compile`, https://zod.dev/compile): zod
 * generates one specialised function that checks a whole record, instead of walking the
 * schema's objects one by one. A record it does not accept outright goes through zod's normal
 * parser, so a refused record gets exactly the errors it always got; an accepted one yields the
 * same value. That the two always agree, on every kind of record and on thousands of broken
 * ones, is tested (compiled-validation.test.ts). A third less time validating a record (10,000
 * bench records: 50-54 ms -> 33-35 ms), and no schema is compiled on the first push of a kind
 * after a restart.
 *
 * Only on the server: the tablet's CSP forbids generated code (no 'unsafe-eval').
 * `z.compile` never throws: a schema it cannot compile comes back unchanged, still correct but
 * slower; the test "compiles every part of the record schema" fails then, so nobody loses the
 * fast path without knowing.
 */
export const compiledRecordSchema = z.compile(clinicalRecordSchema);

/** parseClinicalRecord (upgrade, then check) with the compiled schema; for every server read. */
export const parseRecord: ClinicalRecordParser = createClinicalRecordParser(compiledRecordSchema);

/** A record that passed the schema: its base fields, kind and typed payload. */
export type IncomingRecord = ClinicalRecord;

export type RecordValidation =
  | { readonly ok: true; readonly record: IncomingRecord }
  /** `field`: path inside the record (`payload.weightKg`); `reason`: a sentence naming the record and field. */
  | { readonly ok: false; readonly field: string; readonly reason: string };

/**
 * Deeper than any clinical record nests (a settings-version record with its protocols is the
 * deepest); stops stack-exhaustion payloads before anything walks them recursively.
 */
export const MAX_RECORD_DEPTH = 16;

/**
 * The first object nested `maxDepth` levels below `value`, or undefined. Recursive, but it never
 * goes deeper than `maxDepth` calls, whatever the input, so it cannot overflow the stack. Runs
 * on every pushed record: no path is built while walking (pathTo spells it out, only for a
 * record that is refused).
 */
function firstTooDeep(value: object, depth: number, maxDepth: number): object | undefined {
  if (depth >= maxDepth) return value;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null) continue;
    const found = firstTooDeep(child, depth + 1, maxDepth);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Path of the first value nested deeper than `maxDepth`, or null. */
function findTooDeep(json: unknown, maxDepth: number): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const found = firstTooDeep(json, 0, maxDepth);
  return found === undefined ? null : pathTo(json, found);
}

/** `a.b.0.c`: the keys leading from `root` to `target` ('record' for the root itself). */
function pathTo(root: unknown, target: unknown): string {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.value === target) return item.path === '' ? 'record' : item.path;
    if (item.value === null || typeof item.value !== 'object') continue;
    for (const [key, child] of Object.entries(item.value)) {
      stack.push({ value: child, path: item.path === '' ? key : `${item.path}.${key}` });
    }
  }
  return 'record';
}

/** Checks one pushed record. Never throws, whatever `json` is. */
export function validateIncomingRecord(json: unknown): RecordValidation {
  const tooDeep = findTooDeep(json, MAX_RECORD_DEPTH);
  if (tooDeep !== null) {
    return {
      ok: false,
      field: tooDeep,
      reason: `${recordLabel(json)}: ${tooDeep} is nested more than ${MAX_RECORD_DEPTH} levels deep.`,
    };
  }
  const parsed = parseRecord(json);
  if (parsed.ok) return { ok: true, record: parsed.value };
  return { ok: false, field: parsed.error.field, reason: parsed.error.message };
}
