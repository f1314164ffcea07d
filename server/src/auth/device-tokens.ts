/**
 * Device tokens checked with a short memory: a tablet's sync is a burst of requests (a push,
 * then pulls until up to date), and looking its token up in the database for each one was
 * about a twentieth of the server's CPU when 50 tablets synced at once
 * (bench/server/tablets.ts).
 *
 * Revocation stays immediate: revoking through this object (the admin route does) forgets the
 * device as soon as the revocation is committed, and a lookup that was already running when
 * the device was revoked is not remembered (the generation check below), so no request that
 * arrives after the revoke answer gets in. Only valid, unrevoked devices are remembered;
 * unknown and revoked tokens are looked up every time.
 *
 * A revocation made outside this process (by hand in SQL, or by a second server on the same
 * PostgreSQL) is not seen here: it takes effect when the remembered entry expires, at most
 * DEVICE_TOKEN_MEMORY_MS later. That bound is why entries expire at all.
 */
import type { CenterDb } from '../db/types.ts';
import type { AuthenticatedDevice } from './devices.ts';
import { findDeviceByTokenHash, revokeDevice } from './devices.ts';
import { sha256Hex } from './tokens.ts';

export const DEVICE_TOKEN_MEMORY_MS = 5_000;
/** Far more than a center's tablets; only tokens of enrolled devices are ever kept. */
const MAX_REMEMBERED = 1_000;

export type TokenCheck =
  | { readonly ok: true; readonly device: AuthenticatedDevice }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' };

export type DeviceTokens = {
  check(token: string): Promise<TokenCheck>;
  /** Revokes the device (devices.ts revokeDevice) and forgets its token. */
  revoke(deviceId: string, now: Date): Promise<{ readonly revokedAt: string } | null>;
};

type Remembered = { readonly device: AuthenticatedDevice; readonly until: number };

export function createDeviceTokens(
  db: CenterDb,
  /** Monotonic milliseconds; tests pass their own. */
  monotonicMs: () => number = () => performance.now(),
): DeviceTokens {
  const remembered = new Map<string, Remembered>();
  // Bumped by every revocation: a lookup that started before it must not be remembered.
  let generation = 0;

  const forget = (deviceId: string) => {
    generation += 1;
    for (const [hash, entry] of remembered)
      if (entry.device.id === deviceId) remembered.delete(hash);
  };

  return {
    async check(token) {
      const hash = sha256Hex(token);
      const kept = remembered.get(hash);
      if (kept !== undefined && kept.until > monotonicMs())
        return { ok: true, device: kept.device };
      remembered.delete(hash);
      const startedAt = generation;
      const found = await findDeviceByTokenHash(db.reader, hash);
      if (found === null) return { ok: false, reason: 'unknown' };
      if (found.revoked) return { ok: false, reason: 'revoked' };
      if (startedAt === generation && remembered.size < MAX_REMEMBERED)
        remembered.set(hash, {
          device: found.device,
          until: monotonicMs() + DEVICE_TOKEN_MEMORY_MS,
        });
      return { ok: true, device: found.device };
    },
    async revoke(deviceId, now) {
      const revoked = await revokeDevice(db.kysely, deviceId, now);
      // After the commit: every lookup from here on reads the revocation; one still running
      // (it may have read before the commit) started in an older generation.
      forget(deviceId);
      return revoked;
    },
  };
}
