import { describe, expect, it } from 'vitest';
import { parseClinicalRecord, type ClinicalRecord } from '../records.ts';
import { createRecordFactory } from './builders.ts';

type Loose = Record<string, unknown> & { payload: Record<string, unknown> };
function fieldAfter(r: ClinicalRecord, edit: (p: Record<string, unknown>) => void): string {
  const x = structuredClone(r) as unknown as Loose;
  edit(x.payload);
  const result = parseClinicalRecord(x);
  return result.ok ? 'ok' : result.error.field;
}

const f = createRecordFactory();
const course = f.course(f.patient());
const s1 = f.session(course, { sessionNumber: 1 });
const s2 = f.session(course, { sessionNumber: 2 });
const w70 = f.weight(s1, { weightKg: 70 });
const plan1 = f.dosePlan(s1, w70);
const plan2 = f.dosePlan(s2, f.weight(s2, { weightKg: 70 }));

describe('dose plan: protocol.md worked examples are valid records', () => {
  it('session 1: 75 mg -> 18.75 mg/h, 1.5 mL stock, 1.5 mg/mL, 12.5 mL/h; propofol 70 mg/h = 7 mL/h, 280 mg = 28 mL', () => {
    expect(plan1.payload).toMatchObject({
      ketamineDoseMg: 75,
      ketamineRateMgPerH: 18.75,
      ketamineStockVolumeMl: 1.5,
      ketaminePreparedConcentrationMgPerMl: 1.5,
      ketaminePumpRateMlPerH: 12.5,
      propofolRateMgPerH: 70,
      propofolPumpRateMlPerH: 7,
      propofolTotalMg: 280,
      propofolTotalMl: 28,
      pumpEntry: { ketamineMlPerH: 12.5, propofolMlPerH: 7 },
      deviation: { isDeviation: false },
    });
  });
  it('session 2: 150 mg -> 37.5 mg/h, 3.0 mL stock, 3.0 mg/mL', () => {
    expect(plan2.payload).toMatchObject({
      ketamineDoseMg: 150,
      ketamineRateMgPerH: 37.5,
      ketamineStockVolumeMl: 3,
      ketaminePreparedConcentrationMgPerMl: 3,
    });
  });
  it('propofol 2 % (20 mg/mL): 3.5 mL/h at 70 kg', () => {
    const p = structuredClone(plan1) as unknown as Loose;
    Object.assign(p.payload, {
      propofolProductId: 'propolipid-2',
      propofolConcentrationMgPerMl: 20,
      propofolPumpRateMlPerH: 3.5,
      propofolTotalMl: 14,
      pumpEntry: { ketamineMlPerH: 12.5, propofolMlPerH: 3.5 },
    });
    expect(parseClinicalRecord(p).ok).toBe(true);
  });
});

describe('dose plan: fields that disagree are refused (known real errors)', () => {
  it('10x decimal error in a pump rate', () => {
    expect(fieldAfter(plan1, (p) => (p.ketaminePumpRateMlPerH = 125))).toBe(
      'payload.ketaminePumpRateMlPerH',
    );
    expect(fieldAfter(plan1, (p) => (p.propofolPumpRateMlPerH = 0.7))).toBe(
      'payload.propofolPumpRateMlPerH',
    );
  });
  it('pump entry more than half a pump step from the plan; on the step boundary it is accepted', () => {
    expect(
      fieldAfter(plan1, (p) => (p.pumpEntry = { ketamineMlPerH: 1.25, propofolMlPerH: 7 })),
    ).toBe('payload.pumpEntry.ketamineMlPerH');
    expect(
      fieldAfter(plan1, (p) => (p.pumpEntry = { ketamineMlPerH: 12.6, propofolMlPerH: 7 })),
    ).toBe('payload.pumpEntry.ketamineMlPerH');
    expect(
      fieldAfter(plan1, (p) => (p.pumpEntry = { ketamineMlPerH: 12.5, propofolMlPerH: 7.05 })),
    ).toBe('ok');
  });
  it('a vial of the wrong concentration (stock volume computed for 10 mg/mL)', () => {
    expect(fieldAfter(plan1, (p) => (p.ketamineProductConcentrationMgPerMl = 10))).toBe(
      'payload.ketamineStockVolumeMl',
    );
  });
  it('mg taken as mL (propofol pump rate equal to its mg/h)', () => {
    expect(fieldAfter(plan1, (p) => (p.propofolPumpRateMlPerH = 70))).toBe(
      'payload.propofolPumpRateMlPerH',
    );
  });
  it('weight that does not match the mg/kg/h', () => {
    expect(fieldAfter(plan1, (p) => (p.weightKg = 154))).toBe('payload.ketamineRateMgPerKgPerH');
  });
  it('a dose other than the protocol dose must be marked as a deviation', () => {
    const dev = f.dosePlan(s2, f.weight(s2), { ketamineDoseMg: 75 });
    expect(dev.payload.deviation.isDeviation).toBe(true);
    expect(fieldAfter(dev, (p) => (p.deviation = { isDeviation: false, reasons: [] }))).toBe(
      'payload.deviation.isDeviation',
    );
    expect(
      fieldAfter(
        plan1,
        (p) =>
          (p.findings = [{ severity: 'deviation', code: 'propofol-rate-deviation', message: 'x' }]),
      ),
    ).toBe('payload.deviation.isDeviation');
  });
  it('finding severities are hard, soft or deviation; overrides are named', () => {
    expect(
      fieldAfter(plan1, (p) => (p.findings = [{ severity: 'info', code: 'x', message: 'x' }])),
    ).toBe('payload.findings.0.severity');
    expect(
      fieldAfter(
        plan1,
        (p) => (p.overrides = [{ findingCode: 'weight-low', reason: 'Weighed twice' }]),
      ),
    ).toBe('payload.overrides.0.byStaffId');
    expect(
      fieldAfter(
        plan1,
        (p) =>
          (p.findings = [
            { severity: 'soft', code: 'weight-low', field: 'weightKg', message: 'Low' },
          ]),
      ),
    ).toBe('ok');
  });
  it('no zero, negative or non-finite plan value', () => {
    for (const field of [
      'ketamineDoseMg',
      'propofolTotalMl',
      'infusionDurationH',
      'preparationFinalVolumeMl',
    ]) {
      for (const v of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
        expect(fieldAfter(plan1, (p) => (p[field] = v))).toBe(`payload.${field}`);
    }
  });
});

describe('double check and sign-off', () => {
  it('matches is true exactly when there are no mismatches', () => {
    const ok = f.doubleCheck(plan1);
    expect(fieldAfter(ok, (p) => (p.matches = false))).toBe('payload.matches');
    const mismatch = {
      field: 'enteredKetamineMlPerH',
      expected: 12.5,
      entered: 125,
      suspectedError: 'suspected 10x decimal error',
    };
    expect(fieldAfter(ok, (p) => (p.mismatches = [mismatch]))).toBe('payload.matches');
    expect(
      fieldAfter(ok, (p) => {
        p.mismatches = [mismatch];
        p.matches = false;
        p.enteredKetamineMlPerH = 125;
      }),
    ).toBe('ok');
  });
  it('a sign-off names the dose plan it covers, in the anesthesiologist role', () => {
    const s = f.signOff(plan1);
    expect(s.payload.covers).toEqual({ kind: 'dose-plan', recordId: plan1.id });
    expect(fieldAfter(s, (p) => (p.covers = { kind: 'session', recordId: s1.id }))).toBe(
      'payload.covers.kind',
    );
    expect(fieldAfter(s, (p) => (p.role = 'nurse'))).toBe('payload.role');
    expect(fieldAfter(s, (p) => delete p.covers)).toBe('payload.covers');
  });
});
