import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CENTER_SETTINGS } from '../settings.ts';
import { RACEMIC_KETAMINE_V1 } from '../protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from '../protocols/s-ketamine-template.ts';
import {
  centerSettingsSchema,
  parseClinicalRecord,
  protocolDefinitionSchema,
  RECORD_KINDS,
  type ClinicalRecord,
} from '../records.ts';
import { createRecordFactory } from './builders.ts';

/** One valid record of every kind, from the builders. */
function oneOfEach(): ClinicalRecord[] {
  const f = createRecordFactory();
  const patient = f.patient();
  const course = f.course(patient);
  const { session, plan, records } = f.completedSession(course);
  const side = f.sideEffect(session);
  return [
    patient,
    f.eligibility(patient),
    course,
    f.courseStatus(course, {
      status: 'discontinued',
      reason: 'lack-of-effect',
      afterAdministrations: 3,
    }),
    ...records,
    f.infusionEvent(session, 'pause'),
    side,
    f.drugGiven(session, { sideEffectRecordId: side.id }),
    f.outcomeAnswer(session),
    f.liverTest(patient),
    f.enteredInError(plan),
    f.settingsVersion(),
    f.staffMember(),
  ];
}

const clone = (r: ClinicalRecord) =>
  structuredClone(r) as unknown as Record<string, unknown> & { payload: Record<string, unknown> };

describe('parseClinicalRecord: valid records', () => {
  const all = oneOfEach();

  it('covers every kind', () => {
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(RECORD_KINDS));
  });

  it('accepts every builder record, unchanged, also when frozen or round-tripped through JSON', () => {
    for (const r of all) {
      expect(parseClinicalRecord(r)).toEqual({ ok: true, value: r });
      expect(parseClinicalRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, value: r });
      expect(parseClinicalRecord(Object.freeze(structuredClone(r))).ok).toBe(true);
    }
  });

  it('accepts the shipped settings and protocols as snapshots', () => {
    expect(centerSettingsSchema.safeParse(DEFAULT_CENTER_SETTINGS).success).toBe(true);
    expect(protocolDefinitionSchema.safeParse(RACEMIC_KETAMINE_V1).success).toBe(true);
    expect(protocolDefinitionSchema.safeParse(S_KETAMINE_TEMPLATE).success).toBe(true);
  });
});

describe('parseClinicalRecord: errors name the record and the field', () => {
  const weight = oneOfEach().find((r) => r.kind === 'weight') as ClinicalRecord;

  it('names id, kind and the failing path', () => {
    const bad = clone(weight);
    bad.payload.weightKg = -70;
    const result = parseClinicalRecord(bad);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'negative', field: 'payload.weightKg' },
    });
    if (!result.ok) {
      expect(result.error.message).toContain(weight.id);
      expect(result.error.message).toContain('(weight)');
      expect(result.error.message).toContain('payload.weightKg');
      expect(result.error.messageNl).toBe(
        `Record ${weight.id} (weight): payload.weightKg moet meer dan 0 kg zijn.`,
      );
    }
  });

  it('refuses unknown fields at the top level and in the payload', () => {
    const top = { ...clone(weight), extra: 1 };
    expect(parseClinicalRecord(top)).toMatchObject({
      ok: false,
      error: { field: 'extra', code: 'invalid-choice' },
    });
    const inner = clone(weight);
    inner.payload.weightLb = 154;
    expect(parseClinicalRecord(inner)).toMatchObject({
      ok: false,
      error: { field: 'payload.weightLb' },
    });
  });

  it('reports a missing field as required', () => {
    const bad = clone(weight);
    delete bad.payload.measuredAt;
    expect(parseClinicalRecord(bad)).toMatchObject({
      ok: false,
      error: { code: 'required', field: 'payload.measuredAt' },
    });
  });

  it('refuses an unknown kind, a non-object and a record without id', () => {
    expect(parseClinicalRecord({ ...clone(weight), kind: 'weight-lb' })).toMatchObject({
      ok: false,
      error: { field: 'kind', code: 'invalid-choice' },
    });
    expect(parseClinicalRecord('weight')).toMatchObject({ ok: false, error: { field: 'record' } });
    expect(parseClinicalRecord(null)).toMatchObject({ ok: false });
    const noId = clone(weight);
    delete noId.id;
    const r = parseClinicalRecord(noId);
    expect(r).toMatchObject({ ok: false, error: { field: 'id', code: 'required' } });
    if (!r.ok) expect(r.error.message).toContain('(no id)');
  });

  it('counts further problems in the message', () => {
    const bad = clone(weight);
    bad.payload.weightKg = 'heavy';
    bad.payload.measuredAt = 'yesterday';
    const r = parseClinicalRecord(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/\(and \d+ more problems?\)\.$/);
      expect(r.error.messageNl).toMatch(/\(en nog \d+ (probleem|problemen)\)\.$/);
    }
  });

  it('refuses a bad id, a bad instant and a record correcting itself', () => {
    expect(parseClinicalRecord({ ...clone(weight), id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { field: 'id' },
    });
    for (const clinicalTime of [
      '2026-02-30T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-01-05T24:00:00.000Z',
      '2026-01-05T10:00:00Z',
    ]) {
      expect(parseClinicalRecord({ ...clone(weight), clinicalTime })).toMatchObject({
        ok: false,
        error: { field: 'clinicalTime' },
      });
    }
    expect(
      parseClinicalRecord({
        ...clone(weight),
        supersedes: { recordId: weight.id, reason: 'typo fixed' },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'supersedes.recordId' },
    });
  });

  it('refuses a schema version other than the current one of the kind', () => {
    expect(parseClinicalRecord({ ...clone(weight), schemaVersion: 0 })).toMatchObject({
      ok: false,
      error: { field: 'schemaVersion' },
    });
    const newer = parseClinicalRecord({ ...clone(weight), schemaVersion: 2 });
    expect(newer).toMatchObject({ ok: false, error: { field: 'schemaVersion' } });
    if (!newer.ok) expect(newer.error.message).toMatch(/newer version of the app/);
  });
});

describe('numbers are finite, bounded and never coerced', () => {
  const all = oneOfEach();
  const numericPaths: [ClinicalRecord['kind'], string][] = [
    ['weight', 'weightKg'],
    ['dose-plan', 'ketamineDoseMg'],
    ['dose-plan', 'ketaminePumpRateMlPerH'],
    ['dose-plan', 'propofolRateMgPerKgPerH'],
    ['drug-given', 'doseMg'],
    ['baseline-vitals', 'systolicMmHg'],
    ['observation', 'spo2Percent'],
    ['patient', 'baselineNrs'],
    ['liver-test', 'altUPerL'],
    ['discharge', 'aldreteScore'],
  ];
  const bad = fc.oneof(
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      -0.001,
      1e12,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
    ),
    fc.constantFrom('70', '70,5', '', null, true, [], {}, undefined),
    fc.double({ min: 1e6, max: 1e300, noNaN: true }),
    fc.double({ min: -1e300, max: -1000, noNaN: true }),
  );

  it.each(numericPaths)(
    '%s.%s refuses NaN, Infinity, negatives, strings and huge values',
    (kind, field) => {
      const base = all.find((r) => r.kind === kind) as ClinicalRecord;
      fc.assert(
        fc.property(bad, (value) => {
          const r = clone(base);
          r.payload[field] = value;
          const result = parseClinicalRecord(r);
          return !result.ok && result.error.field.startsWith('payload.');
        }),
      );
    },
  );

  it('weightKg: bounds 0 (exclusive) to 500 kg (inclusive)', () => {
    const w = all.find((r) => r.kind === 'weight') as ClinicalRecord;
    const at = (kg: number) => {
      const r = clone(w);
      r.payload.weightKg = kg;
      return parseClinicalRecord(r).ok;
    };
    expect([at(0), at(Number.MIN_VALUE), at(499.9), at(500), at(500.01)]).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('painImprovementPercent: -100 (twice as bad) to 100 (pain gone)', () => {
    const o = all.find((r) => r.kind === 'outcome-answer') as ClinicalRecord;
    const at = (v: unknown) => {
      const r = clone(o);
      r.payload.painImprovementPercent = v;
      return parseClinicalRecord(r).ok;
    };
    expect([
      at(-100.01),
      at(-100),
      at(0),
      at(43.85),
      at(100),
      at(100.01),
      at(Number.NaN),
      at('50'),
    ]).toEqual([false, true, true, true, true, false, false, false]);
  });

  it('RASS -5..4, NRS 0..10, whole numbers only', () => {
    const obs = all.find((r) => r.kind === 'observation') as ClinicalRecord;
    const rass = (v: number) => {
      const r = clone(obs);
      r.payload.rass = v;
      return parseClinicalRecord(r).ok;
    };
    expect([rass(-6), rass(-5), rass(4), rass(5), rass(0.5)]).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    const patient = all.find((r) => r.kind === 'patient') as ClinicalRecord;
    const nrs = (v: number) => {
      const r = clone(patient);
      r.payload.baselineNrs = v;
      return parseClinicalRecord(r);
    };
    expect([nrs(-1).ok, nrs(0).ok, nrs(10).ok, nrs(11).ok]).toEqual([false, true, true, false]);
    expect(nrs(6.5)).toMatchObject({ ok: false, error: { code: 'not-an-integer' } });
  });
});
