/**
 * The center configuration in force on this tablet, derived from stored records: the latest
 * settings version (or the built-in defaults, version 1) and its protocols, and the staff
 * list (latest record per staff id).
 */
import { RACEMIC_KETAMINE_V1 } from '../domain/protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from '../domain/protocols/s-ketamine-template.ts';
import { protocolKey, type ProtocolDefinition } from '../domain/protocols/types.ts';
import type { RecordOfKind } from '../domain/records.ts';
import { DEFAULT_CENTER_SETTINGS, type CenterSettings } from '../domain/settings.ts';
import type { StaffMember } from '../ui/bedside-context.tsx';

export type CenterConfig = {
  readonly settings: CenterSettings;
  readonly protocols: readonly ProtocolDefinition[];
  readonly activeProtocol: ProtocolDefinition;
};

export function centerConfigFrom(
  versions: readonly RecordOfKind<'settings-version'>[],
): CenterConfig {
  const latest = [...versions]
    .sort((a, b) => a.payload.settings.version - b.payload.settings.version)
    .at(-1);
  const settings = latest?.payload.settings ?? DEFAULT_CENTER_SETTINGS;
  const configured = latest?.payload.protocols ?? [];
  const protocols = [RACEMIC_KETAMINE_V1, ...configured];
  const activeProtocol =
    protocols.find((p) => protocolKey(p) === settings.activeProtocolKey) ?? RACEMIC_KETAMINE_V1;
  const shown = configured.some((p) => p.id === S_KETAMINE_TEMPLATE.id)
    ? protocols
    : [...protocols, S_KETAMINE_TEMPLATE];
  return { settings, protocols: shown, activeProtocol };
}

export function staffFrom(records: readonly RecordOfKind<'staff-member'>[]): StaffMember[] {
  const byId = new Map<string, StaffMember>();
  for (const r of records) byId.set(r.payload.staffId, r.payload); // ordered by clinical time
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
