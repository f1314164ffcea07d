import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDoubleCheck, type DoubleCheckEntry, type FieldCheck } from './double-check.ts';
import { planDose, type DosePlanInput } from './dosing.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { expectOk } from './result.ts';
import { mlPerH } from './units.ts';

const makePlan = (over: Partial<DosePlanInput> = {}) =>
  expectOk(
    planDose({
      protocol: RACEMIC_KETAMINE_V1,
      sessionNumber: 1,
      doseMg: 75,
      weightKg: 70,
      ketamineProductId: 'ketalar-50',
      propofolProductId: 'propolipid-1',
      finalVolumeMl: 50,
      ...over,
    }),
  );
const plan = makePlan(); // ketamine 12.5 mL/h (18.75 mg/h), propofol 7.0 mL/h (70 mg/h of 10 mg/mL)
const good: DoubleCheckEntry = {
  ketaminePumpRateMlPerH: '12,5',
  propofolPumpRateMlPerH: '7',
  ketamineProductId: 'ketalar-50',
  propofolProductId: 'propolipid-1',
};
const check = (over: Partial<DoubleCheckEntry>, p = plan) =>
  expectOk(compareDoubleCheck(p, { ...good, ...over }, RACEMIC_KETAMINE_V1));
const field = (over: Partial<DoubleCheckEntry>, name: FieldCheck['field'], p = plan) => {
  const f = check(over, p).fields.find((x) => x.field === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};

describe('compareDoubleCheck (ISMP independent double check)', () => {
  it('matches the plan entered with a comma, a point, or as numbers', () => {
    expect(check({}).matches).toBe(true);
    expect(check({ ketaminePumpRateMlPerH: '12.5', propofolPumpRateMlPerH: '7.0' }).matches).toBe(
      true,
    );
    expect(check({ ketaminePumpRateMlPerH: 12.5, propofolPumpRateMlPerH: 7 }).matches).toBe(true);
  });

  it('compares with the pump entry value: plan 7.33 mL/h (73.3 kg) matches 7.3', () => {
    const p = makePlan({ weightKg: 73.3 });
    expect(check({ propofolPumpRateMlPerH: '7,3' }, p).matches).toBe(true);
    expect(field({ propofolPumpRateMlPerH: '7,4' }, 'propofolPumpRateMlPerH', p).status).toBe(
      'mismatch',
    );
  });

  it('names a suspected 10x decimal error in the ketamine rate (125 or 1.3 for 12.5 mL/h)', () => {
    for (const entered of ['125', '1,3']) {
      const f = field({ ketaminePumpRateMlPerH: entered }, 'ketaminePumpRateMlPerH');
      expect(f.status).toBe('mismatch');
      expect(f.suspected).toContain('decimal-10x');
      expect(f.expected).toBe(12.5);
      expect(f.message).toContain('plan 12.5 mL/h');
      expect(f.message).toContain('10x decimal error');
      expect(f.message).toContain('Do not start the pump');
    }
    expect(check({ ketaminePumpRateMlPerH: '125' }).matches).toBe(false);
  });

  it('names a 10x decimal error in the propofol rate (0.7 for 7.0 mL/h)', () => {
    const f = field({ propofolPumpRateMlPerH: '0,7' }, 'propofolPumpRateMlPerH');
    expect(f.suspected).toEqual(['decimal-10x']);
    expect(f.message).toContain('entered 0.7 mL/h');
  });

  it('names mg taken as mL (70 mg/h entered as 70 mL/h; also 10x for 10 mg/mL)', () => {
    const f = field({ propofolPumpRateMlPerH: '70' }, 'propofolPumpRateMlPerH');
    expect(f.suspected).toEqual(['decimal-10x', 'mg-as-ml']);
    expect(f.message).toContain('mg taken as mL');
    const k = field({ ketaminePumpRateMlPerH: '18,8' }, 'ketaminePumpRateMlPerH');
    expect(k.suspected).toEqual(['mg-as-ml']);
  });

  it('names mg taken as mL on the 2 % product where it is not also 10x (70 for 3.5 mL/h)', () => {
    const p = makePlan({ propofolProductId: 'propolipid-2' });
    const f = field(
      { propofolPumpRateMlPerH: '70', propofolProductId: 'propolipid-2' },
      'propofolPumpRateMlPerH',
      p,
    );
    expect(f.suspected).toEqual(['mg-as-ml']);
  });

  it('names a wrong concentration: 3.5 mL/h is the rate for 20 mg/mL, the plan is 10 mg/mL', () => {
    const f = field({ propofolPumpRateMlPerH: '3,5' }, 'propofolPumpRateMlPerH');
    expect(f.suspected).toEqual(['wrong-concentration']);
    const p = makePlan({ propofolProductId: 'propolipid-2' });
    const g = field(
      { propofolPumpRateMlPerH: '7', propofolProductId: 'propolipid-2' },
      'propofolPumpRateMlPerH',
      p,
    );
    expect(g.suspected).toEqual(['wrong-concentration']);
  });

  it('names a rate computed for undiluted stock (18.75 mg/h of 50 mg/mL = 0.4 mL/h)', () => {
    const f = field({ ketaminePumpRateMlPerH: '0,4' }, 'ketaminePumpRateMlPerH');
    expect(f.suspected).toEqual(['stock-not-diluted']);
  });

  it('reports a plain mismatch without a guess when no known error fits', () => {
    const f = field({ ketaminePumpRateMlPerH: '13' }, 'ketaminePumpRateMlPerH');
    expect(f).toMatchObject({ status: 'mismatch', expected: 12.5, entered: 13, suspected: [] });
  });

  it('flags another product picked, naming both, with the concentration difference', () => {
    const f = field({ propofolProductId: 'propolipid-2' }, 'propofolProductId');
    expect(f.status).toBe('mismatch');
    expect(f.suspected).toEqual(['wrong-product', 'wrong-concentration']);
    expect(f.message).toContain('Propolipid 1 % (10 mg/mL)');
    expect(f.message).toContain('Propolipid 2 % (20 mg/mL)');
  });

  it('refuses a product that is not on the list for that drug', () => {
    expect(field({ ketamineProductId: 'propolipid-1' }, 'ketamineProductId').status).toBe(
      'invalid',
    );
    expect(field({ propofolProductId: 'x' }, 'propofolProductId').status).toBe('invalid');
  });

  it.each([[''], ['abc'], ['12,55'], ['12.5 mL/h'], [Number.NaN], [-12.5], [0], [null], [{}]])(
    'marks entry %s invalid, never a match',
    (bad) => {
      const r = check({ ketaminePumpRateMlPerH: bad });
      expect(r.matches).toBe(false);
      const f = r.fields[0];
      expect(f?.status).toBe('invalid');
      expect(f?.entered).toBeNull();
      expect(f?.error?.field).toBe('ketaminePumpRateMlPerH');
    },
  );

  it('returns an error when the plan has no valid pump entry', () => {
    const broken = { ...plan, propofolPumpRateMlPerH: mlPerH(Number.NaN) };
    expect(compareDoubleCheck(broken, good, RACEMIC_KETAMINE_V1).ok).toBe(false);
  });

  it('property: only the exact pump entry value matches (any other 0.1 step does not)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (tenths) => {
        const r = check({ ketaminePumpRateMlPerH: (tenths / 10).toFixed(1) });
        return r.matches === (tenths === 125);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: no bad input ever matches', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything().filter((v) => typeof v !== 'number' && typeof v !== 'string'),
          fc.string().filter((s) => s.trim().replace(',', '.') !== '12.5'),
          fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -12.5, 125, 1.25),
        ),
        (bad) => !check({ ketaminePumpRateMlPerH: bad }).matches,
      ),
      { numRuns: 5000 },
    );
  });
});
