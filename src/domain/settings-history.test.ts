import { describe, expect, it } from 'vitest';
import { configureProtocol } from './protocol-config.ts';
import { S_KETAMINE_TEMPLATE } from './protocols/s-ketamine-template.ts';
import { expectOk } from './result.ts';
import {
  latestSettingsRecord,
  nextProtocolVersion,
  settingsChanges,
  settingsHistory,
  type SettingsVersionRecord,
} from './settings-history.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from './settings.ts';

const base = DEFAULT_CENTER_SETTINGS;
let n = 0;
function versionRecord(
  settings: CenterSettings,
  clinicalTime: string,
  protocols?: SettingsVersionRecord['payload']['protocols'],
): SettingsVersionRecord {
  n += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    schemaVersion: 1,
    kind: 'settings-version',
    patientId: null,
    sessionId: null,
    authorStaffId: 'admin-1',
    deviceId: 'tablet-1',
    clinicalTime,
    deviceTime: clinicalTime,
    protocolKey: settings.activeProtocolKey,
    settingsVersion: settings.version,
    supersedes: null,
    payload: protocols ? { settings, protocols } : { settings },
  };
}

const sKetamine = expectOk(
  configureProtocol(
    S_KETAMINE_TEMPLATE,
    {
      version: '1.0.0',
      testDoseMg: '25',
      fullDoseMg: '50',
      product: { id: 'esketamine-5', name: 'Esketamine 5 mg/mL', concentrationMgPerMl: '5' },
    },
    base.limits,
  ),
);

describe('settingsChanges', () => {
  it('lists changed values by path, not the version number', () => {
    const after: CenterSettings = {
      ...base,
      version: 2,
      observationIntervalMin: 10,
      thresholds: { ...base.thresholds, systolicAboveMmHg: 170 },
    };
    expect(settingsChanges(base, after)).toEqual([
      { path: 'observationIntervalMin', before: 15, after: 10 },
      { path: 'thresholds.systolicAboveMmHg', before: 180, after: 170 },
    ]);
    expect(settingsChanges(base, { ...base, version: 7 })).toEqual([]);
  });

  it('shows a field one version has and the other lacks (added by a later app version)', () => {
    // A snapshot stored before auto-lock existed, read without the schema's default.
    const { autoLockMinutes: _, ...older } = base;
    const before = older as CenterSettings;
    expect(settingsChanges(before, base)).toEqual([
      { path: 'autoLockMinutes', before: null, after: base.autoLockMinutes },
    ]);
    expect(settingsChanges(base, before)).toEqual([
      { path: 'autoLockMinutes', before: base.autoLockMinutes, after: null },
    ]);
  });
});

describe('settingsHistory and latestSettingsRecord', () => {
  const v1 = versionRecord(base, '2026-03-01T08:00:00.000Z');
  const v2 = versionRecord(
    { ...base, version: 2, observationIntervalMin: 10 },
    '2026-03-02T08:00:00.000Z',
  );
  const v3 = versionRecord(
    { ...base, version: 3, observationIntervalMin: 10, activeProtocolKey: 'kit-s-ketamine@1.0.0' },
    '2026-03-03T08:00:00.000Z',
    [sKetamine],
  );

  it('orders by version and diffs each against the one before', () => {
    const history = settingsHistory([v3, v1, v2]);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
    expect(history[0]?.changes).toBeNull();
    expect(history[1]?.changes).toEqual([
      { path: 'observationIntervalMin', before: 15, after: 10 },
    ]);
    expect(history[2]?.changes).toEqual([
      {
        path: 'activeProtocolKey',
        before: 'kit-racemic@1.0.0',
        after: 'kit-s-ketamine@1.0.0',
      },
    ]);
    expect(history[2]?.protocolsAdded.map((p) => p.version)).toEqual(['1.0.0']);
    expect(history.some((h) => h.duplicateVersion)).toBe(false);
  });

  it('picks the highest version, the later record on a tie, and flags the tie', () => {
    expect(latestSettingsRecord([v2, v3, v1])?.id).toBe(v3.id);
    expect(latestSettingsRecord([])).toBeNull();
    const rival = versionRecord({ ...base, version: 3 }, '2026-03-03T09:00:00.000Z');
    expect(latestSettingsRecord([rival, v3, v1])?.id).toBe(rival.id);
    const history = settingsHistory([v1, v3, rival]);
    expect(history.filter((h) => h.duplicateVersion).map((h) => h.record.id)).toEqual([
      v3.id,
      rival.id,
    ]);
  });
});

describe('nextProtocolVersion', () => {
  it('is 1.0.0 first, then the next major version after every stored one', () => {
    expect(nextProtocolVersion([], 'kit-s-ketamine')).toBe('1.0.0');
    expect(nextProtocolVersion([S_KETAMINE_TEMPLATE], 'kit-s-ketamine')).toBe('1.0.0');
    expect(
      nextProtocolVersion(
        [sKetamine, { id: 'kit-s-ketamine', version: '3.1.0' }, { id: 'other', version: '9.0.0' }],
        'kit-s-ketamine',
      ),
    ).toBe('4.0.0');
  });
});
