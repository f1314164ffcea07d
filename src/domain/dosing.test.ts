import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDose, type DosePlan, type DosePlanInput } from './dosing.ts';
import { configureProtocol } from './protocol-config.ts';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from './protocols/s-ketamine-template.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import { expectOk } from './result.ts';

const base: DosePlanInput = {
  protocol: RACEMIC_KETAMINE_V1,
  sessionNumber: 1,
  doseMg: 75,
  weightKg: 70,
  ketamineProductId: 'ketalar-50',
  propofolProductId: 'propolipid-1',
  finalVolumeMl: DEFAULT_CENTER_SETTINGS.ketaminePreparationFinalVolumeMl,
};
const plan = (over: Partial<DosePlanInput> = {}) => planDose({ ...base, ...over });
const codeOf = (over: Partial<DosePlanInput>) => {
  const r = plan(over);
  return r.ok ? 'ok' : r.error.code;
};
const NUMERIC_FIELDS = [
  'weightKg',
  'infusionDurationH',
  'ketamineProductConcentrationMgPerMl',
  'ketamineDoseMg',
  'ketamineRateMgPerH',
  'ketamineRateMgPerKgPerH',
  'ketamineStockVolumeMl',
  'preparationFinalVolumeMl',
  'ketaminePreparedConcentrationMgPerMl',
  'ketaminePumpRateMlPerH',
  'propofolProductConcentrationMgPerMl',
  'propofolRateMgPerKgPerH',
  'propofolRateMgPerH',
  'propofolPumpRateMlPerH',
  'propofolTotalMg',
  'propofolTotalMl',
] as const satisfies readonly (keyof DosePlan)[];

describe('planDose: protocol.md section 3 worked examples', () => {
  it('75 mg over 4 h: 18.75 mg/h, 1.5 mL of 50 mg/mL, 50 mL at 1.5 mg/mL, 12.5 mL/h', () => {
    const p = expectOk(plan());
    expect(p.ketamineDoseMg).toBe(75);
    expect(p.infusionDurationH).toBe(4);
    expect(p.ketamineRateMgPerH).toBe(18.75);
    expect(p.ketamineStockVolumeMl).toBe(1.5);
    expect(p.preparationFinalVolumeMl).toBe(50);
    expect(p.ketaminePreparedConcentrationMgPerMl).toBe(1.5);
    expect(p.ketaminePumpRateMlPerH).toBe(12.5);
    expect(p.ketamineRateMgPerKgPerH).toBe(18.75 / 70);
    expect(p.ketamineProductId).toBe('ketalar-50');
    expect(p.ketamineProductConcentrationMgPerMl).toBe(50);
    expect(p.protocolKey).toBe('kit-racemic@1.0.0');
    expect(p.sessionNumber).toBe(1);
  });

  it('150 mg over 4 h: 37.5 mg/h, 3.0 mL stock, 3.0 mg/mL, 12.5 mL/h', () => {
    const p = expectOk(plan({ sessionNumber: 2, doseMg: 150 }));
    expect(p.ketamineRateMgPerH).toBe(37.5);
    expect(p.ketamineStockVolumeMl).toBe(3);
    expect(p.ketaminePreparedConcentrationMgPerMl).toBe(3);
    expect(p.ketaminePumpRateMlPerH).toBe(12.5);
  });

  it('propofol 1 mg/kg/h x 70 kg: 70 mg/h = 7.0 mL/h of 10 mg/mL, 280 mg = 28 mL over 4 h', () => {
    const p = expectOk(plan());
    expect(p.weightKg).toBe(70);
    expect(p.propofolRateMgPerKgPerH).toBe(1);
    expect(p.propofolRateMgPerH).toBe(70);
    expect(p.propofolPumpRateMlPerH).toBe(7);
    expect(p.propofolTotalMg).toBe(280);
    expect(p.propofolTotalMl).toBe(28);
    expect(p.propofolProductConcentrationMgPerMl).toBe(10);
  });

  it('propofol 70 mg/h of the 20 mg/mL (2 %) product is 3.5 mL/h, 14 mL over 4 h', () => {
    const p = expectOk(plan({ propofolProductId: 'propolipid-2' }));
    expect(p.propofolPumpRateMlPerH).toBe(3.5);
    expect(p.propofolTotalMl).toBe(14);
    expect(p.propofolTotalMg).toBe(280);
  });

  it('shows its work step by step, with expressions a nurse can redo by hand', () => {
    const p = expectOk(plan());
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('ketamine-rate')).toEqual({
      id: 'ketamine-rate',
      label: 'Ketamine rate',
      expression: '75 mg ÷ 4 h',
      value: 18.75,
      unit: 'mg/h',
    });
    expect(step('ketamine-stock-volume')?.expression).toBe('75 mg ÷ 50 mg/mL');
    expect(step('ketamine-prepared-concentration')?.expression).toBe('75 mg ÷ 50 mL final volume');
    expect(step('ketamine-pump-rate')).toMatchObject({
      expression: '50 mL ÷ 4 h',
      value: 12.5,
      unit: 'mL/h',
    });
    expect(step('propofol-rate')).toMatchObject({
      expression: '1 mg/kg/h × 70 kg',
      value: 70,
      unit: 'mg/h',
    });
    expect(step('propofol-pump-rate')).toMatchObject({
      expression: '70 mg/h ÷ 10 mg/mL',
      value: 7,
      unit: 'mL/h',
    });
    expect(step('propofol-total-mg')).toMatchObject({ value: 280, unit: 'mg' });
    expect(step('propofol-total-ml')).toMatchObject({
      expression: '7 mL/h × 4 h',
      value: 28,
      unit: 'mL',
    });
    expect(step('propofol-rate-per-kg')).toMatchObject({ value: 1, unit: 'mg/kg/h' });
    expect(p.steps).toHaveLength(11);
  });

  it('keeps values unrounded: 73.3 kg gives 7.33 mL/h, not 7.3 (rounding is for the pump only)', () => {
    const p = expectOk(plan({ weightKg: 73.3 }));
    expect(p.propofolRateMgPerH).toBe(73.3);
    expect(p.propofolPumpRateMlPerH).toBe(73.3 / 10);
    expect(p.propofolPumpRateMlPerH).not.toBe(7.3);
    const step = p.steps.find((s) => s.id === 'propofol-total-ml');
    expect(step?.expression).toBe('7.33 mL/h × 4 h');
  });
});

describe('planDose: products are picked, never typed', () => {
  it.each([
    [{ ketamineProductId: 'ketalar-10' }, 'ketamineProductId'],
    [{ ketamineProductId: 'propolipid-1' }, 'ketamineProductId'],
    [{ propofolProductId: 'ketalar-50' }, 'propofolProductId'],
    [{ propofolProductId: '' }, 'propofolProductId'],
    [{ propofolProductId: 10 as unknown as string }, 'propofolProductId'],
  ])('refuses %s as invalid-choice', (over, field) => {
    const r = plan(over);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-choice');
      expect(r.error.field).toBe(field);
      expect(r.error.message).toContain('Pick the');
      expect(r.error.messageNl).toContain('uit de lijst van het protocol');
    }
  });
});

describe('planDose: unconfigured S-ketamine protocol', () => {
  it('refuses the S-ketamine template (doses null, no product) with protocol-not-configured', () => {
    expect(codeOf({ protocol: S_KETAMINE_TEMPLATE, ketamineProductId: 'anything' })).toBe(
      'protocol-not-configured',
    );
  });

  it('plans with the center-entered product once configured', () => {
    const configured = expectOk(
      configureProtocol(
        S_KETAMINE_TEMPLATE,
        {
          version: '1.0.0',
          testDoseMg: 40, // test values only, not a recommendation
          fullDoseMg: 80,
          product: { id: 's-ket-25', name: 'S-ketamine 25 mg/mL (test)', concentrationMgPerMl: 25 },
        },
        DEFAULT_CENTER_SETTINGS.limits,
      ),
    );
    const p = expectOk(plan({ protocol: configured, doseMg: 40, ketamineProductId: 's-ket-25' }));
    expect(p.ketamineStockVolumeMl).toBe(1.6);
    expect(p.protocolKey).toBe('kit-s-ketamine@1.0.0');
  });
});

describe('planDose: bad input never yields a number', () => {
  it.each([
    [{ doseMg: '' }, 'required'],
    [{ doseMg: 'abc' }, 'not-a-number'],
    [{ doseMg: -75 }, 'negative'],
    [{ doseMg: 0 }, 'not-positive'],
    [{ weightKg: Number.NaN }, 'not-a-number'],
    [{ weightKg: Infinity }, 'not-finite'],
    [{ finalVolumeMl: null }, 'required'],
    [{ sessionNumber: 1.5 }, 'not-an-integer'],
    [{ sessionNumber: 0 }, 'not-positive'],
    [{ propofolRateMgPerKgPerH: 0 }, 'not-positive'],
    [{ doseMg: 150, finalVolumeMl: 2 }, 'implausible'],
    [{ doseMg: 1e308, weightKg: 1e-300, finalVolumeMl: 1e308 }, 'implausible'],
  ])('%s -> %s', (over, code) => {
    expect(codeOf(over)).toBe(code);
  });

  it('says what is wrong in Dutch too, with the same numbers and units', () => {
    const nl = (over: Parameters<typeof plan>[0]) => {
      const r = plan(over);
      return r.ok ? null : (r.error.messageNl ?? null);
    };
    expect(nl({ doseMg: '' })).toBe('Dosis ketamine is verplicht (in mg).');
    expect(nl({ weightKg: -70 })).toBe('Gewicht kan niet negatief zijn.');
    expect(nl({ sessionNumber: 1.5 })).toBe(
      'Sessienummer moet een geheel getal zijn (in sessies).',
    );
    expect(nl({ doseMg: 150, finalVolumeMl: 2 })).toBe(
      '150 mg vraagt 3 mL Ketalar 50 mg/mL, meer dan het eindvolume van 2 mL; controleer de dosis en het eindvolume.',
    );
  });

  const bad = fc.oneof(
    fc.anything().filter((v) => typeof v !== 'number' && typeof v !== 'string'),
    fc.string().filter((s) => !/^\s*[+]?(\d+\.?\d*|\.\d+)\s*$/.test(s.replace(',', '.'))),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0),
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  );

  it('property: a bad dose, weight, volume or propofol rate is always refused', () => {
    fc.assert(
      fc.property(
        bad,
        fc.constantFrom(
          'doseMg',
          'weightKg',
          'finalVolumeMl',
          'propofolRateMgPerKgPerH',
          'sessionNumber',
        ),
        // An absent propofol rate means "the protocol's" (optional field), so it is not bad there.
        (value, key) =>
          (key === 'propofolRateMgPerKgPerH' && value === undefined) || !plan({ [key]: value }).ok,
      ),
      { numRuns: 5000 },
    );
  });

  it('property: any accepted plan, even from huge or tiny numbers, has only finite positive numbers', () => {
    const any = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
    fc.assert(
      fc.property(any, any, any, (doseMg, weightKg, finalVolumeMl) => {
        const r = plan({ doseMg, weightKg, finalVolumeMl });
        if (!r.ok) return true;
        return (
          NUMERIC_FIELDS.every((f) => Number.isFinite(r.value[f]) && r.value[f] > 0) &&
          r.value.steps.every((s) => Number.isFinite(s.value) && s.value > 0)
        );
      }),
      { numRuns: 5000 },
    );
  });
});

describe('planDose: never rounded (property)', () => {
  const eps = (x: number) => Math.abs(x) * 8 * Number.EPSILON;

  it('propofol mL/h x concentration equals mg/h and totals agree, for random weights and products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 3000 }),
        fc.constantFrom('propolipid-1', 'propolipid-2'),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        (tenthsKg, propofolProductId, rate) => {
          const weightKg = tenthsKg / 10;
          const p = expectOk(plan({ weightKg, propofolProductId, propofolRateMgPerKgPerH: rate }));
          const c = p.propofolProductConcentrationMgPerMl;
          return (
            Math.abs(p.propofolPumpRateMlPerH * c - p.propofolRateMgPerH) <=
              eps(p.propofolRateMgPerH) &&
            Math.abs(p.propofolTotalMl * c - p.propofolTotalMg) <= eps(p.propofolTotalMg) &&
            Math.abs(p.propofolRateMgPerH - rate * weightKg) <= eps(p.propofolRateMgPerH) &&
            p.propofolRateMgPerKgPerH === rate
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('ketamine stock mL x concentration is the dose, rate x duration is the dose, for random doses', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 30, max: 300, noNaN: true }),
        fc.integer({ min: 20, max: 500 }),
        (doseMg, weightKg, finalVolumeMl) => {
          const p = expectOk(plan({ doseMg, weightKg, finalVolumeMl }));
          return (
            p.ketamineDoseMg === doseMg &&
            p.weightKg === weightKg &&
            Math.abs(p.ketamineStockVolumeMl * 50 - doseMg) <= eps(doseMg) &&
            Math.abs(p.ketamineRateMgPerH * 4 - doseMg) <= eps(doseMg) &&
            Math.abs(p.ketaminePreparedConcentrationMgPerMl * finalVolumeMl - doseMg) <=
              eps(doseMg) &&
            Math.abs(p.ketamineRateMgPerKgPerH * weightKg * 4 - doseMg) <= eps(doseMg) &&
            p.ketaminePumpRateMlPerH === finalVolumeMl / 4
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
