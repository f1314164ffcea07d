/**
 * The history of the center settings, read from `settings-version` records (protocol.md:
 * "the app must show which values are in force"; issue 5: "every change is a new version
 * with author and time"). Records are never edited: each change is a new record with the next
 * version number whose `supersedes` names the version it replaces, with the reason.
 */
import { protocolKey, type ProtocolDefinition } from './protocols/types.ts';
import type { RecordOfKind } from './records.ts';
import type { CenterSettings } from './settings.ts';

export type SettingsVersionRecord = RecordOfKind<'settings-version'>;

/** One changed value: dotted path in CenterSettings, before and after (null: absent). */
export type SettingChange = {
  readonly path: string;
  readonly before: number | string | null;
  readonly after: number | string | null;
};

export type HistoryEntry = {
  readonly record: SettingsVersionRecord;
  readonly version: number;
  /** Null for the first stored version (nothing to compare with). */
  readonly changes: readonly SettingChange[] | null;
  readonly protocolsAdded: readonly ProtocolDefinition[];
  readonly protocolsRemoved: readonly string[];
  /** Another record carries the same version number (two tablets changed settings offline). */
  readonly duplicateVersion: boolean;
};

type Leaf = number | string;

function leaves(node: unknown, prefix: string, out: Map<string, Leaf>): Map<string, Leaf> {
  if (typeof node === 'number' || typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node))
      leaves(value, prefix === '' ? key : `${prefix}.${key}`, out);
  }
  return out;
}

/**
 * Every value that differs between two settings versions, by dotted path (the version number
 * itself excluded), in `after`'s field order then fields only `before` had. Generic over the
 * settings shape, so a field added by a later app version shows up without changes here.
 */
export function settingsChanges(before: CenterSettings, after: CenterSettings): SettingChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: SettingChange[] = [];
  for (const [path, value] of b) {
    if (path !== 'version' && a.get(path) !== value)
      changes.push({ path, before: a.get(path) ?? null, after: value });
  }
  for (const [path, value] of a) {
    if (path !== 'version' && !b.has(path)) changes.push({ path, before: value, after: null });
  }
  return changes;
}

const byVersionThenTime = (x: SettingsVersionRecord, y: SettingsVersionRecord) =>
  x.payload.settings.version - y.payload.settings.version ||
  (x.clinicalTime < y.clinicalTime
    ? -1
    : x.clinicalTime > y.clinicalTime
      ? 1
      : x.id < y.id
        ? -1
        : 1);

/**
 * The version in force: the highest version number; of two records with the same number, the
 * later one (the same rule as src/app/center-config.ts). Null when none is stored (the
 * built-in defaults, version 1, are in force).
 */
export function latestSettingsRecord(
  records: readonly SettingsVersionRecord[],
): SettingsVersionRecord | null {
  return [...records].sort(byVersionThenTime).at(-1) ?? null;
}

/** Oldest first: each version with what changed against the one before it. */
export function settingsHistory(records: readonly SettingsVersionRecord[]): HistoryEntry[] {
  const sorted = [...records].sort(byVersionThenTime);
  const counts = new Map<number, number>();
  for (const r of sorted)
    counts.set(r.payload.settings.version, (counts.get(r.payload.settings.version) ?? 0) + 1);
  return sorted.map((record, i) => {
    const previous = i === 0 ? null : (sorted[i - 1] ?? null);
    const keysBefore = new Set((previous?.payload.protocols ?? []).map(protocolKey));
    const after = record.payload.protocols ?? [];
    const keysAfter = new Set(after.map(protocolKey));
    return {
      record,
      version: record.payload.settings.version,
      changes: previous
        ? settingsChanges(previous.payload.settings, record.payload.settings)
        : null,
      protocolsAdded: previous ? after.filter((p) => !keysBefore.has(protocolKey(p))) : after,
      protocolsRemoved: [...keysBefore].filter((k) => !keysAfter.has(k)),
      duplicateVersion: (counts.get(record.payload.settings.version) ?? 0) > 1,
    };
  });
}

/**
 * Version string for a newly center-configured definition of protocol `id`: the next major
 * version after every stored one ("1.0.0" first). New doses are a new version, never an edit,
 * so sessions that ran under the old doses keep pointing at them.
 */
export function nextProtocolVersion(
  protocols: readonly Pick<ProtocolDefinition, 'id' | 'version'>[],
  id: string,
): string {
  const majors = protocols
    .filter((p) => p.id === id)
    .map((p) => Number.parseInt(p.version.split('.')[0] ?? '', 10))
    .filter((n) => Number.isInteger(n) && n >= 0);
  return `${Math.max(0, ...majors) + 1}.0.0`;
}
