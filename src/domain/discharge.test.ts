import { describe, expect, it } from 'vitest';
import { expectDutchTwin } from './test-support.ts';
import fc from 'fast-check';
import { assessDischarge, type DischargeInput } from './discharge.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import type { Vitals } from './vitals.ts';

const at = (hhmmss: string) => `2026-03-02T${hhmmss}.000Z`;
const baseline: Vitals = {
  systolicMmHg: 130,
  diastolicMmHg: 80,
  heartRatePerMin: 70,
  spo2Percent: 98,
  respiratoryRatePerMin: 14,
};
const ready: DischargeInput = {
  aldrete: 10,
  lastVitals: {
    systolicMmHg: 135,
    diastolicMmHg: 82,
    heartRatePerMin: 74,
    spo2Percent: 97,
    respiratoryRatePerMin: 14,
  },
  lastVitalsAt: at('13:25:00'),
  baseline,
  escortPresent: true,
  noDrivingAdviceGiven: true,
  infusionEndedAt: at('13:00:00'),
  now: new Date(at('13:30:00')),
  settings: DEFAULT_CENTER_SETTINGS,
};
const codes = (input: DischargeInput) => assessDischarge(input).unmet.map((u) => u.code);

describe('assessDischarge (protocol.md section 4, Discharge [default])', () => {
  it('is ready when every criterion is met', () => {
    expect(assessDischarge(ready)).toEqual({ ready: true, unmet: [] });
  });
  it('Aldrete: 9 is enough, 8 is not, missing is not', () => {
    expect(codes({ ...ready, aldrete: 9 })).toEqual([]);
    expect(codes({ ...ready, aldrete: 8 })).toEqual(['aldrete-too-low']);
    expect(codes({ ...ready, aldrete: null })).toEqual(['aldrete-missing']);
    expect(codes({ ...ready, aldrete: 11 })).toEqual(['invalid-input']);
    expect(codes({ ...ready, aldrete: NaN })).toEqual(['invalid-input']);
  });
  it('follows the settings passed in (minimum Aldrete 10)', () => {
    expect(
      codes({
        ...ready,
        aldrete: 9,
        settings: { ...DEFAULT_CENTER_SETTINGS, dischargeMinAldrete: 10 },
      }),
    ).toEqual(['aldrete-too-low']);
  });
  it('vitals within 20 % of baseline: exactly 20 % is within, one more is not', () => {
    const hr = (h: number) => ({
      ...ready,
      lastVitals: { ...ready.lastVitals!, heartRatePerMin: h },
    });
    expect(codes(hr(84))).toEqual([]); // 70 + 20 %
    expect(codes(hr(85))).toEqual(['vitals-outside-baseline']);
    expect(codes(hr(56))).toEqual([]); // 70 - 20 %
    expect(codes(hr(55))).toEqual(['vitals-outside-baseline']);
    const u = assessDischarge(hr(85)).unmet[0];
    expect(u?.field).toBe('lastVitals.heartRatePerMin');
    expect(u?.message).toMatch(/21 % from baseline 70/);
  });
  it('does not let a dangerous value through the 20 % rule (SpO2 98 -> 80 is "within 20 %")', () => {
    const r = assessDischarge({ ...ready, lastVitals: { ...ready.lastVitals!, spo2Percent: 80 } });
    expect(r.ready).toBe(false);
    expect(r.unmet.map((u) => u.code)).toEqual(['vitals-alert']);
  });
  it('needs vitals taken at or after the infusion end', () => {
    expect(codes({ ...ready, lastVitalsAt: at('13:00:00') })).toEqual([]);
    expect(codes({ ...ready, lastVitalsAt: at('12:59:00') })).toEqual([
      'vitals-before-infusion-end',
    ]);
    expect(codes({ ...ready, lastVitalsAt: at('13:31:00') })).toEqual(['invalid-input']);
    expect(codes({ ...ready, lastVitalsAt: null })).toEqual(['invalid-input']);
  });
  it('minimum observation 30 min after the end: on the minute is met, a second less is not', () => {
    expect(codes({ ...ready, now: new Date(at('13:30:00')) })).toEqual([]);
    const r = assessDischarge({ ...ready, now: new Date(at('13:29:59')) });
    expect(r.unmet.map((u) => u.code)).toEqual(['observation-too-short']);
    expect(r.unmet[0]?.message).toMatch(/Observed 29 min.*minimum is 30 min.*about 1 min/);
  });
  it('a sleeping tablet: the same record is ready one hour later', () => {
    const early = { ...ready, now: new Date(at('13:10:00')), lastVitalsAt: at('13:05:00') };
    expect(codes(early)).toEqual(['observation-too-short']);
    expect(codes({ ...early, now: new Date(at('14:10:00')) })).toEqual([]);
  });
  it('lists every unmet item at once', () => {
    expect(
      codes({
        ...ready,
        escortPresent: false,
        noDrivingAdviceGiven: false,
        infusionEndedAt: null,
        lastVitals: null,
        baseline: null,
      }),
    ).toEqual([
      'infusion-not-ended',
      'vitals-missing',
      'baseline-missing',
      'escort-absent',
      'no-driving-advice-missing',
    ]);
  });
  it('fails closed on unreadable input', () => {
    expect(codes({ ...ready, now: new Date('nope') })).toContain('invalid-input');
    expect(codes({ ...ready, infusionEndedAt: '13:00' })).toContain('invalid-input');
    expect(codes({ ...ready, infusionEndedAt: at('13:31:00') })).toContain('invalid-input');
    expect(codes({ ...ready, baseline: { ...baseline, systolicMmHg: NaN } })).toEqual([
      'invalid-input',
    ]);
    expect(codes({ ...ready, escortPresent: 'yes' as unknown as boolean })).toEqual([
      'escort-absent',
    ]);
  });
  it('property: ready only if every criterion holds; any single broken one makes it not ready', () => {
    const breakers: ((i: DischargeInput) => DischargeInput)[] = [
      (i) => ({ ...i, aldrete: 8 }),
      (i) => ({ ...i, escortPresent: false }),
      (i) => ({ ...i, noDrivingAdviceGiven: false }),
      (i) => ({ ...i, infusionEndedAt: null }),
      (i) => ({ ...i, lastVitals: { ...i.lastVitals!, systolicMmHg: 200 } }),
      (i) => ({ ...i, now: new Date(at('13:10:00')), lastVitalsAt: at('13:05:00') }),
    ];
    fc.assert(
      fc.property(fc.subarray(breakers, { minLength: 1 }), (bs) => {
        const input = bs.reduce((acc, b) => b(acc), ready);
        const r = assessDischarge(input);
        return !r.ready && r.unmet.length >= 1;
      }),
    );
  });
  it('property: garbage Aldrete totals never make it ready', () => {
    fc.assert(
      fc.property(fc.anything(), (a) => {
        fc.pre(!(Number.isInteger(a) && (a as number) >= 9 && (a as number) <= 10));
        return !assessDischarge({ ...ready, aldrete: a as number }).ready;
      }),
    );
  });
});

describe('Dutch words of the unmet criteria (the Dutch discharge screen)', () => {
  it('every unmet criterion carries Dutch text, with the same numbers', () => {
    const vitals = ready.lastVitals as Vitals;
    const inputs: DischargeInput[] = [
      { ...ready, aldrete: null, escortPresent: false, noDrivingAdviceGiven: false },
      { ...ready, aldrete: 8, now: new Date(at('13:10:00')), lastVitalsAt: at('13:05:00') },
      { ...ready, aldrete: 11, infusionEndedAt: null },
      { ...ready, infusionEndedAt: at('14:00:00') },
      { ...ready, infusionEndedAt: 'yesterday' },
      { ...ready, lastVitals: null, baseline: null },
      {
        ...ready,
        lastVitals: { ...vitals, spo2Percent: 150 },
        baseline: { ...baseline, heartRatePerMin: 900 },
      },
      { ...ready, lastVitalsAt: at('13:45:00') },
      { ...ready, lastVitalsAt: at('12:55:00') },
      { ...ready, lastVitalsAt: 'noon' },
      { ...ready, lastVitals: { ...vitals, spo2Percent: 88, heartRatePerMin: 95 } },
      { ...ready, now: new Date('not a date') },
    ];
    const unmet = inputs.flatMap((input) => assessDischarge(input).unmet);
    expect(new Set(unmet.map((u) => u.code))).toEqual(
      new Set([
        'invalid-input',
        'aldrete-missing',
        'aldrete-too-low',
        'vitals-missing',
        'baseline-missing',
        'vitals-before-infusion-end',
        'vitals-outside-baseline',
        'vitals-alert',
        'escort-absent',
        'no-driving-advice-missing',
        'infusion-not-ended',
        'observation-too-short',
      ]),
    );
    for (const u of unmet) expectDutchTwin(u);
  });
});
