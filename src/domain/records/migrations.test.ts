import { describe, expect, it } from 'vitest';
import {
  migrateRecord,
  migrateRecordWith,
  RECORD_KIND_INFO,
  RECORD_KINDS,
  type MigrationRegistry,
} from '../records.ts';
import { createRecordFactory } from './builders.ts';

const f = createRecordFactory();
const weight = f.weight(f.session(f.course(f.patient())));

// A pretend future: weight v1 stored `weightKg`; v2 renamed it to `massKg`; v3 added `scale`.
const future: MigrationRegistry = {
  weight: {
    schemaVersion: 3,
    migrations: {
      1: (raw) => {
        const { weightKg, ...rest } = raw.payload as { weightKg: number };
        return { ...raw, payload: { ...rest, massKg: weightKg } };
      },
      2: (raw) => ({ ...raw, payload: { ...(raw.payload as object), scale: 'unknown' } }),
    },
  },
  gapped: { schemaVersion: 3, migrations: { 1: (raw) => raw } },
  throwing: {
    schemaVersion: 2,
    migrations: {
      1: () => {
        throw new Error('bad payload');
      },
    },
  },
};

describe('migrateRecordWith: the upgrade chain', () => {
  it('upgrades v1 through every step to the current version, without mutating the input', () => {
    const input = structuredClone(weight);
    const result = migrateRecordWith(input, future);
    expect(result).toEqual({
      ok: true,
      value: {
        ...weight,
        schemaVersion: 3,
        payload: { measuredAt: weight.payload.measuredAt, massKg: 70, scale: 'unknown' },
      },
    });
    expect(input).toEqual(weight);
  });

  it('upgrades from an intermediate version', () => {
    const v2 = {
      ...weight,
      schemaVersion: 2,
      payload: { measuredAt: weight.payload.measuredAt, massKg: 70 },
    };
    expect(migrateRecordWith(v2, future)).toMatchObject({
      ok: true,
      value: { schemaVersion: 3, payload: { massKg: 70, scale: 'unknown' } },
    });
  });

  it('leaves a current record as it is', () => {
    const v3 = { ...weight, schemaVersion: 3 };
    expect(migrateRecordWith(v3, future)).toEqual({ ok: true, value: v3 });
  });

  it('refuses a record newer than the app, telling the nurse to update', () => {
    const result = migrateRecordWith({ ...weight, schemaVersion: 4 }, future);
    expect(result).toMatchObject({ ok: false, error: { field: 'schemaVersion' } });
    if (!result.ok) {
      expect(result.error.message).toContain(weight.id);
      expect(result.error.message).toMatch(/Update the app/);
    }
  });

  it('refuses a chain with a missing step and a migration that throws', () => {
    const gapped = migrateRecordWith({ kind: 'gapped', schemaVersion: 1, id: 'x' }, future);
    expect(gapped.ok).toBe(false);
    if (!gapped.ok) expect(gapped.error.message).toMatch(/no upgrade from schema 2 to 3/);
    const throwing = migrateRecordWith({ kind: 'throwing', schemaVersion: 1 }, future);
    expect(throwing.ok).toBe(false);
    if (!throwing.ok) expect(throwing.error.message).toMatch(/bad payload/);
  });

  it('passes through what is not a recognisable record (the schema reports it)', () => {
    for (const raw of [
      null,
      'text',
      42,
      [],
      { kind: 'unknown-kind', schemaVersion: 1 },
      { kind: 'weight' },
      { kind: 'weight', schemaVersion: 1.5 },
    ]) {
      expect(migrateRecordWith(raw, future)).toEqual({ ok: true, value: raw });
    }
  });
});

describe('migrateRecord: the real registry', () => {
  it('every kind is at schema version 1 with no migrations yet', () => {
    for (const kind of RECORD_KINDS) {
      expect(RECORD_KIND_INFO[kind].schemaVersion).toBe(1);
      expect(RECORD_KIND_INFO[kind].migrations).toEqual({});
    }
  });
  it('returns a v1 record unchanged', () => {
    expect(migrateRecord(weight)).toEqual({ ok: true, value: weight });
  });
  it('refuses a weight record of schema version 2', () => {
    expect(migrateRecord({ ...weight, schemaVersion: 2 }).ok).toBe(false);
  });
});
