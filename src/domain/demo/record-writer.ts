/**
 * Writes synthetic records the way the tablet does: every base field of records/base.ts, a
 * UUIDv7 id at the record's own time, and (for the study center) validation by the real
 * `parseClinicalRecord`, so a demo record is exactly as acceptable as a bedside one.
 */
import {
  parseClinicalRecord,
  RECORD_KIND_INFO,
  type ClinicalRecord,
  type PayloadOf,
  type RecordKind,
  type RecordOfKind,
} from '../records.ts';
import { protocolKey, type ProtocolDefinition } from '../protocols/types.ts';
import type { DomainError } from '../result.ts';
import type { CenterSettings } from '../settings.ts';
import type { Prng } from './prng.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number) =>
  HEX[(x >>> 24) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;

/**
 * A UUIDv7 (RFC 9562 section 5.7) at `ms` with random bits from `rng`: the same layout as
 * ids.ts `newRecordId` (48-bit ms | ver 7 | 12 random bits | variant 0b10 | 62 random bits),
 * written out here because the benchmark center makes ~250,000 of them (about 5x faster).
 */
export function demoRecordId(ms: number, rng: Prng): string {
  const t =
    Math.floor(ms / 65_536)
      .toString(16)
      .padStart(8, '0') + (ms % 65_536).toString(16).padStart(4, '0');
  const a = Math.floor(rng() * 4096);
  const b = ((Math.floor(rng() * 16_384) | 0x8000) >>> 0).toString(16);
  const c = hex32(Math.floor(rng() * 4_294_967_296));
  const d = Math.floor(rng() * 65_536)
    .toString(16)
    .padStart(4, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${a.toString(16).padStart(3, '0')}-${b}-${c}${d}`;
}

export type Owner = { readonly patientId: string | null; readonly sessionId: string | null };

export type WriteExtra = {
  /** Pre-made id (patient and session records use their own id as patientId / sessionId). */
  readonly id?: string;
  readonly supersedes?: { readonly recordId: string; readonly reason: string };
  readonly deviceId?: string;
};

export type RecordWriter = {
  readonly records: ClinicalRecord[];
  /** New UUIDv7 for a record at `ms` (Unix ms). */
  newId(ms: number): string;
  write<K extends RecordKind>(
    kind: K,
    owner: Owner,
    payload: PayloadOf<K>,
    ms: number,
    author: string,
    extra?: WriteExtra,
  ): RecordOfKind<K>;
  /** The first record that failed validation, if any (a bug in the generator). */
  firstError(): DomainError | null;
};

export type WriterConfig = {
  readonly rng: Prng;
  readonly settings: CenterSettings;
  readonly protocol: ProtocolDefinition;
  /** Validate every record with parseClinicalRecord (slower; on for the study center). */
  readonly validate: boolean;
  readonly deviceId: string;
};

/** A writer collecting records in the order they are written. */
export function createRecordWriter(config: WriterConfig): RecordWriter {
  const key = protocolKey(config.protocol);
  const records: ClinicalRecord[] = [];
  let error: DomainError | null = null;
  const newId = (ms: number) => demoRecordId(ms, config.rng);
  return {
    records,
    newId,
    write(kind, owner, payload, ms, author, extra = {}) {
      const at = new Date(ms).toISOString();
      const record = {
        id: extra.id ?? newId(ms),
        schemaVersion: RECORD_KIND_INFO[kind].schemaVersion,
        kind,
        patientId: owner.patientId,
        sessionId: owner.sessionId,
        authorStaffId: author,
        deviceId: extra.deviceId ?? config.deviceId,
        clinicalTime: at,
        deviceTime: at,
        protocolKey: key,
        settingsVersion: config.settings.version,
        supersedes: extra.supersedes ?? null,
        payload,
      } as unknown as RecordOfKind<typeof kind>;
      if (config.validate && error === null) {
        const parsed = parseClinicalRecord(record);
        if (!parsed.ok) error = parsed.error;
      }
      records.push(record);
      return record;
    },
    firstError: () => error,
  };
}
