import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseQuantity,
  mgPerHourFrom,
  mg,
  mgPerH,
  hours,
  mlPerHourOf,
  mgPerMl,
  decimalsOf,
} from './units.ts';

const weight = { field: 'weightKg', label: 'Weight', unit: 'kg' } as const;

describe('parseQuantity', () => {
  it('accepts a decimal comma and a decimal point alike', () => {
    expect(parseQuantity('70,5', weight)).toEqual({ ok: true, value: 70.5 });
    expect(parseQuantity('70.5', weight)).toEqual({ ok: true, value: 70.5 });
  });
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'not-a-number'],
    ['70kg', 'not-a-number'],
    ['1.000,5', 'not-a-number'],
    ['-3', 'negative'],
    ['0', 'not-positive'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-finite'],
    [null, 'required'],
    [{}, 'not-a-number'],
  ])('refuses %p with %s', (input, code) => {
    const result = parseQuantity(input, weight);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe('weightKg');
    }
  });
  it('refuses more decimals than allowed instead of rounding', () => {
    const r = parseQuantity('70.55', { ...weight, maxDecimals: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('too-many-decimals');
  });
  it('gives every refusal in Dutch too, with the Dutch label and unit when given', () => {
    const nl = { ...weight, labelNl: 'Gewicht' };
    const texts = (input: unknown, options: Parameters<typeof parseQuantity>[1] = nl) => {
      const r = parseQuantity(input, options);
      return r.ok ? null : { en: r.error.message, nl: r.error.messageNl };
    };
    expect(texts('')).toEqual({
      en: 'Weight is required (in kg).',
      nl: 'Gewicht is verplicht (in kg).',
    });
    expect(texts('70kg')?.nl).toBe(
      'Gewicht "70kg" is geen getal. Typ alleen cijfers, in kg, met één komma of punt als decimaalteken.',
    );
    expect(texts('-3')?.nl).toBe('Gewicht kan niet negatief zijn.');
    expect(texts('0')?.nl).toBe('Gewicht moet meer dan 0 kg zijn.');
    expect(texts('70.55', { ...nl, maxDecimals: 1 })?.nl).toBe(
      'Gewicht heeft meer dan 1 cijfer na de komma; vul de waarde in zoals gemeten, er wordt niets voor u afgerond.',
    );
    expect(texts('7.555', { ...nl, maxDecimals: 2 })?.nl).toContain(
      'meer dan 2 cijfers na de komma',
    );
    expect(
      texts('2,5', {
        field: 'n',
        label: 'Count',
        labelNl: 'Aantal',
        unit: 'doses',
        unitNl: 'dosissen',
        integer: true,
      })?.nl,
    ).toBe('Aantal moet een geheel getal zijn (in dosissen).');
    // Without a Dutch label the caller's label is used (screens pass their own translation).
    expect(texts('', weight)?.nl).toBe('Weight is verplicht (in kg).');
  });
  it('never returns a non-finite or negative number, whatever the string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseQuantity(s, weight);
        return !r.ok || (Number.isFinite(r.value) && r.value > 0);
      }),
      { numRuns: 5000 },
    );
  });
  it('round-trips every positive finite double written with a comma', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), (n) => {
        const text = String(n);
        fc.pre(!text.includes('e'));
        const r = parseQuantity(text.replace('.', ','), weight);
        return r.ok && r.value === n;
      }),
    );
  });
});

describe('conversions', () => {
  it('ketamine 75 mg over 4 h is 18.75 mg/h (protocol.md section 3)', () => {
    expect(mgPerHourFrom(mg(75), hours(4))).toBe(18.75);
  });
  it('propofol 70 mg/h of 10 mg/mL is 7 mL/h', () => {
    expect(mlPerHourOf(mgPerH(70), mgPerMl(10))).toBe(7);
  });
  it('counts decimals', () => {
    expect(decimalsOf(7)).toBe(0);
    expect(decimalsOf(7.25)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
  });
});
