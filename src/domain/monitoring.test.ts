import { describe, expect, it } from 'vitest';
import { expectDutchTwin } from './test-support.ts';
import fc from 'fast-check';
import { assessVitals, type AlertLevel } from './monitoring.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import type { VitalField, Vitals } from './vitals.ts';

const T = DEFAULT_CENTER_SETTINGS.thresholds;
const calm: Vitals = {
  systolicMmHg: 130,
  diastolicMmHg: 80,
  heartRatePerMin: 80,
  spo2Percent: 98,
  respiratoryRatePerMin: 14,
};

function levelOf(field: VitalField, value: number, baseline: Vitals | null = null): AlertLevel {
  const v = { ...calm, [field]: value };
  if (field === 'systolicMmHg' && value <= v.diastolicMmHg) v.diastolicMmHg = value - 10;
  const r = assessVitals(v, baseline, T);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.findings.find((f) => f.vital === field)!.level;
}

describe('assessVitals absolute thresholds (protocol.md section 4), every boundary', () => {
  it.each([
    // SpO2 <= 92 warning, <= 90 urgent
    ['spo2Percent', 93, 'normal'],
    ['spo2Percent', 92, 'warning'],
    ['spo2Percent', 91, 'warning'],
    ['spo2Percent', 90, 'urgent'],
    ['spo2Percent', 89, 'urgent'],
    // SBP > 180 or < 90: urgent
    ['systolicMmHg', 179, 'normal'],
    ['systolicMmHg', 180, 'normal'],
    ['systolicMmHg', 181, 'urgent'],
    ['systolicMmHg', 91, 'normal'],
    ['systolicMmHg', 90, 'normal'],
    ['systolicMmHg', 89, 'urgent'],
    // DBP > 110: urgent
    ['diastolicMmHg', 109, 'normal'],
    ['diastolicMmHg', 110, 'normal'],
    ['diastolicMmHg', 111, 'urgent'],
    // HR > 120 warning, < 50 urgent
    ['heartRatePerMin', 119, 'normal'],
    ['heartRatePerMin', 120, 'normal'],
    ['heartRatePerMin', 121, 'warning'],
    ['heartRatePerMin', 51, 'normal'],
    ['heartRatePerMin', 50, 'normal'],
    ['heartRatePerMin', 49, 'urgent'],
    // RR < 10 urgent
    ['respiratoryRatePerMin', 11, 'normal'],
    ['respiratoryRatePerMin', 10, 'normal'],
    ['respiratoryRatePerMin', 9, 'urgent'],
  ] as const)('%s %d is %s', (field, value, level) => {
    expect(levelOf(field, value)).toBe(level);
  });

  it('reports SpO2 88 once, as urgent, with threshold and unit', () => {
    const r = assessVitals({ ...calm, spo2Percent: 88 }, null, T);
    const f = r.ok ? r.value.findings.find((x) => x.vital === 'spo2Percent') : undefined;
    expect(f?.reasons).toEqual([
      expect.objectContaining({ kind: 'absolute', level: 'urgent', threshold: 90, unit: '%' }),
    ]);
  });
  it('takes thresholds from the settings passed in, not from constants', () => {
    const r = assessVitals({ ...calm, spo2Percent: 94 }, null, {
      ...T,
      spo2WarningAtOrBelowPercent: 94,
    });
    expect(r.ok && r.value.level).toBe('warning');
  });
  it('has no RR finding when RR was not measured', () => {
    const r = assessVitals({ ...calm, respiratoryRatePerMin: null }, null, T);
    expect(r.ok && r.value.findings.map((f) => f.vital)).not.toContain('respiratoryRatePerMin');
  });
  it('gives the overall level as the worst finding', () => {
    const r = assessVitals({ ...calm, heartRatePerMin: 130, respiratoryRatePerMin: 8 }, null, T);
    expect(r.ok && r.value.level).toBe('urgent');
    const w = assessVitals({ ...calm, heartRatePerMin: 130 }, null, T);
    expect(w.ok && w.value.level).toBe('warning');
    const n = assessVitals(calm, calm, T);
    expect(n.ok && n.value.level).toBe('normal');
  });
});

describe('assessVitals change from baseline: strictly more than 30 %', () => {
  const base: Vitals = {
    systolicMmHg: 100,
    diastolicMmHg: 60,
    heartRatePerMin: 80,
    spo2Percent: 98,
    respiratoryRatePerMin: 20,
  };
  it.each([
    ['heartRatePerMin', 104, 'normal'], // exactly 30 % up: not flagged
    ['heartRatePerMin', 105, 'warning'],
    ['heartRatePerMin', 57, 'normal'],
    ['heartRatePerMin', 56, 'normal'], // exactly 30 % down: not flagged
    ['heartRatePerMin', 55, 'warning'],
    ['systolicMmHg', 130, 'normal'],
    ['systolicMmHg', 131, 'warning'],
    ['systolicMmHg', 70, 'urgent'], // 30 % down is not flagged, but < 90 is
    ['respiratoryRatePerMin', 26, 'normal'],
    ['respiratoryRatePerMin', 27, 'warning'],
  ] as const)('%s %d against baseline is %s', (field, value, level) => {
    expect(levelOf(field, value, base)).toBe(level);
  });
  it('decides exactly 30 % without rounding (HR baseline 60: 78 no, 79 yes; DBP 80: 104 no, 105 yes)', () => {
    const b = { ...calm, heartRatePerMin: 60 };
    expect(levelOf('heartRatePerMin', 78, b)).toBe('normal');
    expect(levelOf('heartRatePerMin', 79, b)).toBe('warning');
    const r = assessVitals({ ...calm, diastolicMmHg: 104 }, { ...calm, diastolicMmHg: 80 }, T);
    expect(r.ok && r.value.level).toBe('normal');
    const r2 = assessVitals({ ...calm, diastolicMmHg: 105 }, { ...calm, diastolicMmHg: 80 }, T);
    const f = r2.ok ? r2.value.findings.find((x) => x.vital === 'diastolicMmHg') : undefined;
    expect(f?.reasons[0]).toMatchObject({
      kind: 'baseline-change',
      threshold: 30,
      unit: '%',
      level: 'warning',
    });
    expect(f?.reasons[0]?.message).toMatch(/up 31 %/);
  });
  it('skips the baseline rule for RR when the baseline has none', () => {
    expect(levelOf('respiratoryRatePerMin', 30, { ...calm, respiratoryRatePerMin: null })).toBe(
      'normal',
    );
  });
});

describe('assessVitals refuses corrupted values instead of calling them normal', () => {
  it.each([NaN, Infinity, -5, 1000, 98.5])('SpO2 %p', (v) => {
    const r = assessVitals({ ...calm, spo2Percent: v }, null, T);
    expect(r.ok).toBe(false);
  });
  it('names a bad baseline field', () => {
    const r = assessVitals(calm, { ...calm, heartRatePerMin: NaN }, T);
    expect(!r.ok && r.error.field).toBe('baseline.heartRatePerMin');
    expect(!r.ok && r.error.message).toBe('Baseline: Heart rate is not a number.');
    expect(!r.ok && r.error.messageNl).toBe('Uitgangswaarde: Hartslag is geen getal.');
  });
  it('property: any numbers give an error or levels from the three, never a number as level', () => {
    const n = fc.oneof(fc.double(), fc.integer({ min: -10, max: 400 }));
    fc.assert(
      fc.property(n, n, n, n, fc.option(n), (s, d, h, o, rr) => {
        const r = assessVitals(
          {
            systolicMmHg: s,
            diastolicMmHg: d,
            heartRatePerMin: h,
            spo2Percent: o,
            respiratoryRatePerMin: rr,
          },
          calm,
          T,
        );
        if (!r.ok) return true;
        return (
          ['normal', 'warning', 'urgent'].includes(r.value.level) &&
          r.value.findings.every((f) => Number.isInteger(f.value))
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Dutch words of the findings (the Dutch monitoring and discharge screens)', () => {
  it('every reason carries Dutch text, with the same numbers', () => {
    const cases: Vitals[] = [
      { ...calm, systolicMmHg: 185, diastolicMmHg: 115, heartRatePerMin: 125, spo2Percent: 88 },
      { ...calm, systolicMmHg: 85, heartRatePerMin: 45, spo2Percent: 93, respiratoryRatePerMin: 7 },
    ];
    const reasons = cases.flatMap((v) => {
      const a = assessVitals(v, calm, T);
      if (!a.ok) throw new Error(a.error.message);
      return a.value.findings.flatMap((f) => f.reasons);
    });
    expect(new Set(reasons.map((r) => r.kind))).toEqual(new Set(['absolute', 'baseline-change']));
    expect(new Set(reasons.map((r) => r.level))).toEqual(new Set(['urgent', 'warning']));
    for (const r of reasons) expectDutchTwin(r);
    expect(reasons.map((r) => r.messageNl)).toContain(
      'SpO2 88 % is gelijk aan of lager dan 90 % (dringend).',
    );
  });
});
