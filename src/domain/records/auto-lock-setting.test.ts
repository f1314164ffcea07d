import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClinicalRecord, type ClinicalRecord } from '../records.ts';
import {
  AUTO_LOCK_BOUNDS_MIN,
  DEFAULT_AUTO_LOCK_MIN,
  DEFAULT_CENTER_SETTINGS,
} from '../settings.ts';
import { createRecordFactory } from './builders.ts';

const f = createRecordFactory();
const session = f.session(f.course(f.patient()));
const settingsRecord = f.settingsVersion();

type Loose = { payload: Record<string, Record<string, unknown>> };
/** The record with its settings' autoLockMinutes replaced (undefined: removed). */
function withAutoLock(record: ClinicalRecord, field: string, value: unknown) {
  const copy = structuredClone(record) as unknown as Loose;
  const settings = copy.payload[field]!;
  if (value === undefined) delete settings.autoLockMinutes;
  else settings.autoLockMinutes = value;
  return parseClinicalRecord(copy);
}

describe('autoLockMinutes in stored settings (issue 4)', () => {
  it('defaults to 5 minutes', () => {
    expect(DEFAULT_CENTER_SETTINGS.autoLockMinutes).toBe(5);
    expect(DEFAULT_AUTO_LOCK_MIN).toBe(5);
  });

  it('settings stored before it existed still parse, with the default', () => {
    for (const [record, field] of [
      [session, 'settingsSnapshot'],
      [settingsRecord, 'settings'],
    ] as const) {
      const parsed = withAutoLock(record, field, undefined);
      expect(parsed.ok).toBe(true);
      if (parsed.ok && parsed.value.kind === 'settings-version')
        expect(parsed.value.payload.settings.autoLockMinutes).toBe(5);
      if (parsed.ok && parsed.value.kind === 'session')
        expect(parsed.value.payload.settingsSnapshot.autoLockMinutes).toBe(5);
    }
  });

  it('accepts whole minutes 1 to 60 and refuses just outside, fractions and non-numbers', () => {
    const field = (value: unknown) => {
      const r = withAutoLock(settingsRecord, 'settings', value);
      return r.ok ? 'ok' : r.error.field;
    };
    expect(AUTO_LOCK_BOUNDS_MIN).toEqual({ min: 1, max: 60 });
    expect(field(1)).toBe('ok');
    expect(field(60)).toBe('ok');
    for (const bad of [0, 61, 1.5, -5, Number.NaN, Number.POSITIVE_INFINITY, '5', null])
      expect(field(bad), String(bad)).toBe('payload.settings.autoLockMinutes');
  });

  it('never accepts a value outside 1-60 whole minutes (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (value === undefined) return;
        const r = withAutoLock(settingsRecord, 'settings', value);
        if (r.ok)
          expect(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 60).toBe(
            true,
          );
      }),
    );
  });
});
