import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isFavorableOutcome,
  resolvePainType,
  validateBaselineNrs,
  validateDiscontinuation,
  validatePainImprovement,
} from './outcomes.ts';

describe('isFavorableOutcome [protocol]: >= 50 % and not stopped for lack of effect', () => {
  it.each([
    [49.9, null, false],
    [50, null, true],
    [50.1, null, true],
    [100, 'lack-of-effect', false],
    [60, 'side-effects', true],
    [60, 'other', true],
    [0, null, false],
    [null, null, false],
  ] as const)('%p %% with %p -> %p', (painReductionPercent, discontinuationReason, favorable) => {
    expect(isFavorableOutcome({ painReductionPercent, discontinuationReason })).toEqual({
      ok: true,
      value: favorable,
    });
  });
  it.each([NaN, Infinity, -1, 100.1])(
    'refuses a corrupted reduction %p instead of answering "no"',
    (p) => {
      const r = isFavorableOutcome({ painReductionPercent: p, discontinuationReason: null });
      expect(!r.ok && r.error.field).toBe('painReductionPercent');
    },
  );
  it('reproduces the paper: 23 of 45 favorable is 51.1 %', () => {
    const records = [
      ...Array.from({ length: 23 }, () => ({
        painReductionPercent: 70,
        discontinuationReason: null,
      })),
      ...Array.from({ length: 22 }, () => ({
        painReductionPercent: 20,
        discontinuationReason: 'lack-of-effect' as const,
      })),
    ];
    const favorable = records.filter((r) => {
      const x = isFavorableOutcome(r);
      return x.ok && x.value;
    }).length;
    expect(favorable).toBe(23);
    expect(((favorable / 45) * 100).toFixed(1)).toBe('51.1');
  });
});

describe('validatePainImprovement: 0-100 % plus a separate "worse" flag', () => {
  it.each([
    ['0', false, 0],
    ['100', false, 100],
    ['43,5', false, 43.5],
    ['0', true, 0],
  ] as const)('accepts %p (worse %p)', (improvementPercent, worse, value) => {
    expect(validatePainImprovement({ improvementPercent, worse })).toEqual({
      ok: true,
      value: { improvementPercent: value, worse },
    });
  });
  it.each([
    ['100.1', false, 'above-hard-limit'],
    ['-10', false, 'negative'],
    ['43,55', false, 'too-many-decimals'],
    ['', false, 'required'],
    ['30', true, 'invalid-choice'],
    ['30', 'yes', 'invalid-choice'],
  ] as const)('refuses %p (worse %p) with %s', (improvementPercent, worse, code) => {
    const r = validatePainImprovement({ improvementPercent, worse });
    expect(!r.ok && r.error.code).toBe(code);
  });
  it('property: a stored improvement is always a finite number 0-100', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), fc.boolean(), (p, worse) => {
        const r = validatePainImprovement({ improvementPercent: p, worse });
        return (
          !r.ok ||
          (Number.isFinite(r.value.improvementPercent) &&
            r.value.improvementPercent >= 0 &&
            r.value.improvementPercent <= 100)
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validateBaselineNrs: whole number 0-10', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    [7, 7],
  ] as const)('accepts %p', (input, v) => {
    expect(validateBaselineNrs(input)).toEqual({ ok: true, value: v });
  });
  it.each([
    ['11', 'above-hard-limit'],
    ['-1', 'negative'],
    ['5,5', 'not-an-integer'],
    [NaN, 'not-a-number'],
    [null, 'required'],
  ] as const)('refuses %p (%s)', (input, code) => {
    const r = validateBaselineNrs(input);
    expect(!r.ok && r.error).toMatchObject({ code, field: 'baselineNrs' });
  });
});

describe('validateDiscontinuation', () => {
  it('accepts the paper reasons with a count of administrations', () => {
    expect(
      validateDiscontinuation({ reason: 'lack-of-effect', afterAdministrations: '3' }),
    ).toEqual({
      ok: true,
      value: { reason: 'lack-of-effect', otherText: null, afterAdministrations: 3 },
    });
    expect(
      validateDiscontinuation({
        reason: 'other',
        otherText: ' moved abroad ',
        afterAdministrations: 1,
      }),
    ).toEqual({
      ok: true,
      value: { reason: 'other', otherText: 'moved abroad', afterAdministrations: 1 },
    });
  });
  it.each([
    [{ reason: 'boredom', afterAdministrations: 1 }, 'reason'],
    [{ reason: 'other', afterAdministrations: 1 }, 'otherText'],
    [{ reason: 'side-effects', afterAdministrations: 0 }, 'afterAdministrations'],
    [{ reason: 'side-effects', afterAdministrations: 1.5 }, 'afterAdministrations'],
  ])('refuses %j (field %s)', (input, field) => {
    const r = validateDiscontinuation(input);
    expect(!r.ok && r.error.field).toBe(field);
  });
});

describe('resolvePainType: two physicians, external decides on disagreement, all kept', () => {
  const p1 = { staffId: 'dr-a', painType: 'neuropathic' } as const;
  const p2same = { staffId: 'dr-b', painType: 'neuropathic' } as const;
  const p2diff = { staffId: 'dr-b', painType: 'nociplastic' } as const;
  const ext = { staffId: 'dr-x', painType: 'nociplastic' } as const;
  it('agreed', () => {
    const r = resolvePainType({ physician1: p1, physician2: p2same, external: null });
    expect(r.ok && r.value).toMatchObject({ status: 'agreed', painType: 'neuropathic' });
  });
  it('needs an external physician when they disagree', () => {
    const r = resolvePainType({ physician1: p1, physician2: p2diff, external: null });
    expect(r.ok && r.value).toMatchObject({ status: 'needs-external', painType: null });
  });
  it('takes the external decision and keeps all three opinions', () => {
    const opinions = { physician1: p1, physician2: p2diff, external: ext };
    expect(resolvePainType(opinions)).toEqual({
      ok: true,
      value: { status: 'decided-by-external', painType: 'nociplastic', opinions },
    });
  });
  it('waits for both physicians', () => {
    const r = resolvePainType({ physician1: p1, physician2: null, external: null });
    expect(r.ok && r.value.status).toBe('needs-opinions');
  });
  it('refuses the same physician twice, an unknown type and an unnamed opinion', () => {
    expect(
      resolvePainType({
        physician1: p1,
        physician2: { ...p2diff, staffId: 'dr-a' },
        external: null,
      }).ok,
    ).toBe(false);
    expect(
      resolvePainType({ physician1: p1, physician2: p2diff, external: { ...ext, staffId: 'dr-b' } })
        .ok,
    ).toBe(false);
    expect(
      resolvePainType({
        physician1: p1,
        physician2: { staffId: 'dr-b', painType: 'visceral' as never },
        external: null,
      }).ok,
    ).toBe(false);
    expect(
      resolvePainType({ physician1: { ...p1, staffId: ' ' }, physician2: p2same, external: null })
        .ok,
    ).toBe(false);
  });
});
