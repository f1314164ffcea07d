/**
 * Reading and writing the center's settings versions. The screen reads the stored versions
 * itself (live), not only the settings handed down by the app, so a second change right after
 * the first builds on the version just stored.
 *
 * Writing never edits: a change is a new `settings-version` record numbered one above every
 * stored version, whose `supersedes` names the version in force with the administrator's
 * reason (the record schema has no other place for a reason, and "supersedes, with a reason"
 * is exactly what a new version does). When nothing is stored yet, the built-in defaults in
 * force are first written as version 1, so the very first change also has a version to
 * supersede and the reason is kept.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { WriteResult } from '../../db/errors.ts';
import type { RecordWriter } from '../../db/record-writer.ts';
import { recordsOfKind } from '../../db/records-repo.ts';
import { RACEMIC_KETAMINE_V1 } from '../../domain/protocols/racemic-ketamine-v1.ts';
import type { ProtocolDefinition } from '../../domain/protocols/types.ts';
import { latestSettingsRecord, type SettingsVersionRecord } from '../../domain/settings-history.ts';
import type { CenterSettings } from '../../domain/settings.ts';
import { useBedside } from '../../ui/bedside-context.tsx';

export type SettingsVersions = {
  readonly records: readonly SettingsVersionRecord[];
  readonly latest: SettingsVersionRecord | null;
  /** The settings in force (latest stored version, else the app's built-in defaults). */
  readonly current: CenterSettings;
  /** Center-configured protocols carried by the version in force. */
  readonly configured: readonly ProtocolDefinition[];
  /** Every protocol in use for new or running courses: published ones and configured ones. */
  readonly inUse: readonly ProtocolDefinition[];
  /** Every protocol definition any version ever carried (for numbering a new one). */
  readonly everConfigured: readonly ProtocolDefinition[];
  readonly nextVersion: number;
};

export function useSettingsVersions(): SettingsVersions | undefined {
  const { db, settings } = useBedside();
  const records = useLiveQuery(() => recordsOfKind(db, 'settings-version'), [db]);
  if (records === undefined) return undefined;
  const latest = latestSettingsRecord(records);
  const current = latest?.payload.settings ?? settings;
  const configured = latest?.payload.protocols ?? [];
  const maxVersion = Math.max(current.version, ...records.map((r) => r.payload.settings.version));
  return {
    records,
    latest,
    current,
    configured,
    inUse: [RACEMIC_KETAMINE_V1, ...configured],
    everConfigured: records.flatMap((r) => r.payload.protocols ?? []),
    nextVersion: maxVersion + 1,
  };
}

const CENTER = { patientId: null, sessionId: null } as const;

export type NewVersion = {
  /** The new values (their `version` is replaced by the next number). */
  readonly settings: CenterSettings;
  readonly protocols: readonly ProtocolDefinition[];
  readonly reason: string;
  readonly authorStaffId: string;
};

/** Writes the next version (and, on a tablet with none stored, version 1 first). */
export async function writeSettingsVersion(
  writer: RecordWriter,
  versions: SettingsVersions,
  change: NewVersion,
): Promise<WriteResult<SettingsVersionRecord>> {
  let previous = versions.latest;
  if (previous === null) {
    const baseline = await writer.write(
      'settings-version',
      CENTER,
      { settings: versions.current },
      {
        authorStaffId: change.authorStaffId,
        protocolKey: versions.current.activeProtocolKey,
        settingsVersion: versions.current.version,
      },
    );
    if (!baseline.ok) return baseline;
    previous = baseline.value;
  }
  const settings = { ...change.settings, version: versions.nextVersion };
  const payload =
    change.protocols.length > 0 ? { settings, protocols: [...change.protocols] } : { settings };
  return writer.write(
    'settings-version',
    CENTER,
    payload,
    {
      authorStaffId: change.authorStaffId,
      protocolKey: settings.activeProtocolKey,
      settingsVersion: settings.version,
    },
    { supersedes: { recordId: previous.id, reason: change.reason } },
  );
}
