import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseVital, parseVitals, VITAL_ENTRY_BOUNDS, type VitalField } from './vitals.ts';

const good = {
  systolicMmHg: '128',
  diastolicMmHg: '76',
  heartRatePerMin: '72',
  spo2Percent: '98',
  respiratoryRatePerMin: '14',
};

describe('parseVitals', () => {
  it('parses a typed entry into whole numbers with units in the field names', () => {
    expect(parseVitals(good)).toEqual({
      ok: true,
      value: {
        systolicMmHg: 128,
        diastolicMmHg: 76,
        heartRatePerMin: 72,
        spo2Percent: 98,
        respiratoryRatePerMin: 14,
      },
    });
  });
  it.each([undefined, null, '', '  '])('leaves RR empty (null) when it is %p', (rr) => {
    const r = parseVitals({ ...good, respiratoryRatePerMin: rr });
    expect(r.ok && r.value.respiratoryRatePerMin).toBe(null);
  });
  it.each(['systolicMmHg', 'diastolicMmHg', 'heartRatePerMin', 'spo2Percent'] as const)(
    'requires %s',
    (field) => {
      const r = parseVitals({ ...good, [field]: '' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'required', field });
    },
  );
  it('refuses a decimal where monitors show whole numbers ("9,8" typed for 98)', () => {
    const r = parseVitals({ ...good, spo2Percent: '9,8' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'not-an-integer', field: 'spo2Percent' });
  });
  it('accepts a whole number written with a decimal comma and zero', () => {
    const r = parseVitals({ ...good, heartRatePerMin: '72,0' });
    expect(r.ok && r.value.heartRatePerMin).toBe(72);
  });
  it.each([
    ['systolicMmHg', '1200'],
    ['heartRatePerMin', '720'],
    ['spo2Percent', '980'],
    ['spo2Percent', '9'],
    ['diastolicMmHg', '8'],
    ['heartRatePerMin', '11'],
  ] as const)('catches the extra/lost digit %s = %s', (field, value) => {
    const r = parseVitals({ ...good, [field]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'implausible', field });
      expect(r.error.message).toMatch(/call the anesthesiologist/);
      expect(r.error.messageNl).toContain(`${VITAL_ENTRY_BOUNDS[field].labelNl} ${value} `);
      expect(r.error.messageNl).toMatch(/verwittig dan nu de anesthesist/);
    }
  });
  it('says it in Dutch with the value and unit: heart rate 720 /min', () => {
    const r = parseVitals({ ...good, heartRatePerMin: '720' });
    expect(r.ok ? null : r.error.messageNl).toBe(
      'Hartslag 720 /min ligt buiten wat een monitor kan tonen voor een patiënt in de stoel (20-250 /min). ' +
        'Lees de monitor opnieuw af en typ de waarde opnieuw; als de monitor dit echt toont, verwittig dan nu de anesthesist.',
    );
    const decimal = parseVitals({ ...good, spo2Percent: '9,8' });
    expect(decimal.ok ? null : decimal.error.messageNl).toBe(
      'SpO2 moet een geheel getal zijn (in %).',
    );
  });
  it('refuses diastolic equal to or above systolic (swapped fields), accepts one below', () => {
    for (const [sbp, dbp, okExpected] of [
      [80, 120, false],
      [100, 100, false],
      [100, 99, true],
    ] as const) {
      const r = parseVitals({ ...good, systolicMmHg: sbp, diastolicMmHg: dbp });
      expect(r.ok).toBe(okExpected);
      if (!r.ok) {
        expect(r.error.field).toBe('diastolicMmHg');
        expect(r.error.messageNl).toContain(
          `De diastolische druk ${dbp} mmHg ligt niet onder de systolische druk ${sbp} mmHg.`,
        );
      }
    }
  });
});

describe('entry plausibility bounds: just outside, on, just inside', () => {
  const fields = Object.keys(VITAL_ENTRY_BOUNDS) as VitalField[];
  it.each(fields)('%s', (field) => {
    const { min, max } = VITAL_ENTRY_BOUNDS[field];
    expect(parseVital(field, min - 1).ok).toBe(false);
    expect(parseVital(field, min)).toEqual({ ok: true, value: min });
    expect(parseVital(field, min + 1).ok).toBe(true);
    expect(parseVital(field, max - 1).ok).toBe(true);
    expect(parseVital(field, max)).toEqual({ ok: true, value: max });
    expect(parseVital(field, max + 1).ok).toBe(false);
  });
  it('documents the agreed bounds', () => {
    const b = VITAL_ENTRY_BOUNDS;
    expect([
      b.systolicMmHg.min,
      b.systolicMmHg.max,
      b.diastolicMmHg.min,
      b.diastolicMmHg.max,
    ]).toEqual([40, 300, 20, 200]);
    expect([
      b.heartRatePerMin.min,
      b.heartRatePerMin.max,
      b.spo2Percent.min,
      b.spo2Percent.max,
    ]).toEqual([20, 250, 50, 100]);
    expect([b.respiratoryRatePerMin.min, b.respiratoryRatePerMin.max]).toEqual([2, 60]);
  });
});

describe('property: bad input never becomes a number', () => {
  const anyInput = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, {}, [], true),
  );
  it('every parsed value is a whole number inside its bounds, or the entry is refused', () => {
    fc.assert(
      fc.property(anyInput, anyInput, anyInput, anyInput, anyInput, (s, d, h, o, r) => {
        const res = parseVitals({
          systolicMmHg: s,
          diastolicMmHg: d,
          heartRatePerMin: h,
          spo2Percent: o,
          respiratoryRatePerMin: r,
        });
        if (!res.ok) return typeof res.error.message === 'string' && res.error.message.length > 0;
        return (
          (Object.keys(VITAL_ENTRY_BOUNDS) as VitalField[]).every((f) => {
            const v = res.value[f];
            if (v === null) return f === 'respiratoryRatePerMin';
            return (
              Number.isInteger(v) &&
              v >= VITAL_ENTRY_BOUNDS[f].min &&
              v <= VITAL_ENTRY_BOUNDS[f].max
            );
          }) && res.value.diastolicMmHg < res.value.systolicMmHg
        );
      }),
      { numRuns: 3000 },
    );
  });
});
