import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RACEMIC_KETAMINE_V1 } from './protocols/racemic-ketamine-v1.ts';
import { centerSettingsSchema } from './records/snapshots.ts';
import { fieldsOf, SETTING_FIELDS, settingValue } from './settings-fields.ts';
import {
  settingsToInput,
  validateCenterSettings,
  validateChangeReason,
  validateSettingValue,
} from './settings-validation.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';

const base = DEFAULT_CENTER_SETTINGS;
const protocols = [RACEMIC_KETAMINE_V1];
const input = (changes: Record<string, unknown> = {}) => ({ ...settingsToInput(base), ...changes });
const errorsOf = (changes: Record<string, unknown>) => {
  const r = validateCenterSettings(input(changes), base, protocols);
  return r.ok ? [] : r.errors;
};

describe('the settings catalogue', () => {
  it('has every protocol.md default inside its range and every range inside the record schema', () => {
    for (const field of fieldsOf(base)) {
      const value = settingValue(base, field.path);
      expect(value, field.path).toBeGreaterThanOrEqual(field.min);
      expect(value, field.path).toBeLessThanOrEqual(field.max);
    }
    // Both ends of every range can be stored (one field at a time, the rest at defaults).
    for (const field of fieldsOf(base)) {
      for (const v of [field.min, field.max]) {
        const r = validateSettingValue(field, v);
        expect(r.ok, `${field.path}=${v}`).toBe(true);
      }
    }
  });

  it('covers every numeric setting of CenterSettings except the version', () => {
    const paths = new Set(SETTING_FIELDS.map((f) => f.path));
    const numeric = Object.entries(base).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? Object.keys(v as object).map((leaf) => `${k}.${leaf}`)
        : typeof v === 'number' && k !== 'version'
          ? [k]
          : [],
    );
    for (const path of numeric) expect(paths.has(path), path).toBe(true);
  });
});

describe('validateSettingValue at every boundary', () => {
  for (const field of fieldsOf(base)) {
    const step = field.integer ? 1 : 0.1;
    it(`${field.path}: inside, on and just outside ${field.min}-${field.max} ${field.unit}`, () => {
      expect(validateSettingValue(field, String(field.min)).ok).toBe(true);
      expect(validateSettingValue(field, String(field.max)).ok).toBe(true);
      expect(validateSettingValue(field, field.min + step).ok).toBe(true);
      const below = validateSettingValue(field, field.min - step);
      const above = validateSettingValue(field, field.max + step);
      expect(below.ok ? null : below.error.code).toMatch(/below-hard-limit|not-positive|negative/);
      expect(above.ok ? null : above.error.code).toBe('above-hard-limit');
    });
  }

  it('names the field, the value and the allowed range', () => {
    const field = SETTING_FIELDS.find((f) => f.path === 'observationIntervalMin');
    if (!field) throw new Error('missing field');
    const r = validateSettingValue(field, '45');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'above-hard-limit',
        field: 'observationIntervalMin',
        message:
          'Observation interval: 45 min is above the allowed 5–30 min. Enter a value from 5 to 30 min.',
        messageNl:
          'Observatie-interval: 45 min ligt boven het toegelaten bereik 5–30 min. Vul een waarde in van 5 tot 30 min.',
      },
    });
  });

  it('gives every field a Dutch label and unit for the Dutch messages', () => {
    for (const f of SETTING_FIELDS) {
      expect(f.labelNl, f.path).not.toBe(f.label);
      expect(f.unitNl, f.path).not.toMatch(/^(days|weeks|points)$/);
    }
    const days = SETTING_FIELDS.find((f) => f.path === 'nextSessionProposedDays');
    if (!days) throw new Error('missing field');
    const r = validateSettingValue(days, '6');
    expect(r.ok ? null : r.error.messageNl).toBe(
      'Volgende sessie voorgesteld na: 6 dagen ligt onder het toegelaten bereik 7–84 dagen. Vul een waarde in van 7 tot 84 dagen.',
    );
  });

  it('accepts a decimal comma and refuses a fraction where whole numbers are required', () => {
    const volume = SETTING_FIELDS.find((f) => f.path === 'ketaminePreparationFinalVolumeMl');
    const days = SETTING_FIELDS.find((f) => f.path === 'nextSessionProposedDays');
    if (!volume || !days) throw new Error('missing field');
    expect(validateSettingValue(volume, '47,5')).toEqual({ ok: true, value: 47.5 });
    const r = validateSettingValue(days, '28,5');
    expect(r.ok ? null : r.error.code).toBe('not-an-integer');
  });
});

describe('validateCenterSettings', () => {
  it('returns the defaults unchanged (same version) for the defaults as typed', () => {
    const r = validateCenterSettings(input(), base, protocols);
    expect(r).toEqual({ ok: true, value: base });
  });

  it('returns a changed value and keeps everything else, without editing the settings in force', () => {
    const r = validateCenterSettings(
      input({ observationIntervalMin: '10', 'thresholds.systolicAboveMmHg': '170' }),
      base,
      protocols,
    );
    if (!r.ok) throw new Error(r.errors[0]?.message);
    expect(r.value.observationIntervalMin).toBe(10);
    expect(r.value.thresholds.systolicAboveMmHg).toBe(170);
    expect(r.value.thresholds.systolicBelowMmHg).toBe(90);
    expect(r.value.version).toBe(1);
    expect(base.observationIntervalMin).toBe(15);
    expect(centerSettingsSchema.safeParse(r.value).success).toBe(true);
  });

  it('reports every refused field at once', () => {
    const errors = errorsOf({ observationIntervalMin: '45', lostToFollowUpWeeks: 'abc' });
    expect(errors.map((e) => e.field)).toEqual(['observationIntervalMin', 'lostToFollowUpWeeks']);
  });

  it('refuses an SpO2 urgent level above the warning level', () => {
    const errors = errorsOf({
      'thresholds.spo2WarningAtOrBelowPercent': '90',
      'thresholds.spo2UrgentAtOrBelowPercent': '91',
    });
    expect(errors.map((e) => e.field)).toEqual(['thresholds.spo2UrgentAtOrBelowPercent']);
    // On the boundary (equal) it is allowed.
    expect(errorsOf({ 'thresholds.spo2UrgentAtOrBelowPercent': '92' })).toEqual([]);
  });

  it('refuses soft weight limits outside the hard ones (on the boundary allowed)', () => {
    expect(errorsOf({ 'limits.weightHardMinKg': '41' }).map((e) => e.field)).toEqual([
      'limits.weightSoftMinKg',
    ]);
    expect(errorsOf({ 'limits.weightHardMinKg': '40' })).toEqual([]);
    expect(errorsOf({ 'limits.weightHardMaxKg': '150' })).toEqual([]);
    expect(errorsOf({ 'limits.weightSoftMaxKg': '200', 'limits.weightHardMaxKg': '199' })).toEqual([
      expect.objectContaining({ field: 'limits.weightSoftMaxKg' }),
    ]);
  });

  it('refuses a warning interval longer than the proposed interval', () => {
    expect(errorsOf({ nextSessionWarnBelowDays: '29' })[0]?.field).toBe('nextSessionWarnBelowDays');
    expect(errorsOf({ nextSessionWarnBelowDays: '28' })).toEqual([]);
  });

  it('refuses a ketamine hard maximum below the protocol full dose (150 mg)', () => {
    const errors = errorsOf({ 'limits.ketamineHardMaxMg': '149' });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'below-hard-limit', field: 'limits.ketamineHardMaxMg' }),
    ]);
    expect(errors[0]?.message).toContain('150 mg');
    expect(errorsOf({ 'limits.ketamineHardMaxMg': '150' })).toEqual([]);
    // Without protocols in use the range alone decides.
    const r = validateCenterSettings(input({ 'limits.ketamineHardMaxMg': '100' }), base, []);
    expect(r.ok).toBe(true);
  });

  it('refuses input that is not an object of entries', () => {
    for (const bad of [null, undefined, 'x', 42, []]) {
      const r = validateCenterSettings(bad, base, protocols);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses every bad value in any field, never returning settings (property)', () => {
    const fields = fieldsOf(base);
    const bad = fc.oneof(
      fc.constantFrom(Number.NaN, Infinity, -Infinity, '', '  ', 'abc', '1e3x', '--5', null),
      fc.double({ max: -1e-9, noNaN: true }),
      fc.double({ min: 1e4, noNaN: true }),
      fc.string().filter((s) => !/^\s*[-+]?(\d+[.,]?\d*|[.,]\d+)\s*$/.test(s)),
      fc.constant({}),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), bad, (field, value) => {
        const r = validateCenterSettings(input({ [field.path]: value }), base, protocols);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field.path);
      }),
    );
  });

  it('any in-range value of one field either validates to exactly that value or names a cross-field problem (property)', () => {
    const fields = fieldsOf(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (field, t) => {
          const raw = field.min + t * (field.max - field.min);
          const value = field.integer ? Math.round(raw) : raw;
          const r = validateCenterSettings(input({ [field.path]: value }), base, protocols);
          if (r.ok) expect(settingValue(r.value, field.path)).toBe(value);
          else
            expect(
              r.errors.every((e) => e.code === 'implausible' || e.code === 'below-hard-limit'),
            ).toBe(true);
        },
      ),
    );
  });
});

describe('validateChangeReason', () => {
  it('needs 3 to 500 characters after trimming', () => {
    expect(validateChangeReason('  ok ').ok).toBe(false);
    expect(validateChangeReason(' abc ')).toEqual({ ok: true, value: 'abc' });
    expect(validateChangeReason('x'.repeat(500)).ok).toBe(true);
    expect(validateChangeReason('x'.repeat(501)).ok).toBe(false);
    expect(validateChangeReason(undefined).ok).toBe(false);
    expect(validateChangeReason(12345).ok).toBe(false);
  });
});
