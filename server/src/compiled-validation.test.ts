// @vitest-environment node
/**
 * The server validates records with zod's compiled clone of the record schema (validation.ts).
 * It must decide exactly what the schema the tablet runs decides: never accept a record the
 * schema refuses, give the same value for one it accepts, and the same errors for one it
 * refuses. Checked on every kind of record and on tens of thousands of broken copies.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateCenter } from '../../src/domain/demo/index.ts';
import {
  clinicalRecordSchema,
  parseClinicalRecord,
  RECORD_KINDS,
  type ClinicalRecord,
} from '../../src/domain/records.ts';
import { compiledRecordSchema, parseRecord } from './validation.ts';

const center = generateCenter({ patients: 20, years: 2, seed: 1 });
if (!center.ok) throw new Error(center.error.message);

/** Up to three records of every kind (first, middle, last), as JSON brings them. */
function samplesOfEveryKind(records: readonly ClinicalRecord[]): unknown[] {
  const byKind = new Map<string, ClinicalRecord[]>();
  for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return [...byKind.values()].flatMap((list) =>
    [...new Set([list[0], list[Math.floor(list.length / 2)], list.at(-1)])].map(
      (r) => JSON.parse(JSON.stringify(r)) as unknown,
    ),
  );
}

const samples = samplesOfEveryKind(center.value.records);

type Path = readonly (string | number)[];

/** Every place in a JSON value (objects' members and array items), parents before children. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [[...path, key], ...pathsOf(child, [...path, key])]);
}

/** A deep copy of `root` with the value at `path` replaced (or removed, for `remove`). */
const remove = Symbol('remove');
function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === remove) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

/** Wrong values of every JSON type, edge numbers and strings near the schema's bounds. */
const BAD_VALUES: readonly unknown[] = [
  remove,
  null,
  '',
  ' ',
  'x',
  'x'.repeat(5000),
  '2026-02-30',
  '2026-11-25T10:40:00Z',
  '019a8b7c-1d2e-7f30-8a41-b2c3d4e5f6',
  0,
  -1,
  0.5,
  1e308,
  -0,
  Number.NaN,
  true,
  [],
  {},
  { extra: 1 },
];

/** Both schemas' answers to `input`, compared: success, value and issues. */
function expectSameAnswer(input: unknown): boolean {
  const runtime = clinicalRecordSchema.safeParse(input);
  const compiled = compiledRecordSchema.safeParse(input);
  expect(compiled.success, JSON.stringify(input).slice(0, 300)).toBe(runtime.success);
  if (runtime.success) expect(isDeepStrictEqual(compiled.data, runtime.data)).toBe(true);
  else expect(compiled.error?.issues).toEqual(runtime.error.issues);
  return runtime.success;
}

describe('the compiled record schema (validation.ts)', () => {
  it('compiles every part of the record schema (z.compile would otherwise fall back silently)', () => {
    expect(() => z.compile(clinicalRecordSchema, { strict: true })).not.toThrow();
    expect(compiledRecordSchema).not.toBe(clinicalRecordSchema);
  });

  it('accepts every kind of record with the same value as the schema', () => {
    const kinds = new Set(samples.map((s) => (s as { kind: string }).kind));
    expect([...kinds].sort()).toEqual([...RECORD_KINDS].sort());
    for (const sample of samples) expect(expectSameAnswer(sample)).toBe(true);
    for (const record of center.value.records.slice(0, 2000))
      expect(isDeepStrictEqual(parseRecord(record), parseClinicalRecord(record))).toBe(true);
  });

  it('answers like the schema for every field of every kind set to a wrong value, removed, or joined by an unknown one', () => {
    let refused = 0;
    let inputs = 0;
    for (const sample of samples) {
      for (const path of pathsOf(sample)) {
        for (const bad of BAD_VALUES) {
          inputs += 1;
          if (!expectSameAnswer(withValueAt(sample, path, bad))) refused += 1;
        }
      }
      // An unknown member in the record and in each object inside it.
      for (const path of [[], ...pathsOf(sample)]) {
        const target = path.reduce<unknown>(
          (v, key) => (v as Record<string, unknown>)[key],
          sample,
        );
        if (typeof target !== 'object' || target === null || Array.isArray(target)) continue;
        inputs += 1;
        if (!expectSameAnswer(withValueAt(sample, [...path, 'unknownField'], 1))) refused += 1;
      }
    }
    // Most broken copies are refused; some (an optional field removed, a free text) are not.
    expect(inputs).toBeGreaterThan(20_000);
    expect(refused / inputs).toBeGreaterThan(0.8);
  });

  it('answers like the schema, through the whole server parse, for any value anywhere in a record', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.nat(), fc.jsonValue(), (sample, pick, value) => {
        const paths = pathsOf(sample);
        const input = withValueAt(sample, paths[pick % paths.length] ?? ['id'], value);
        expectSameAnswer(input);
        expect(parseRecord(input)).toEqual(parseClinicalRecord(input));
      }),
      { numRuns: 3000 },
    );
  });
});
