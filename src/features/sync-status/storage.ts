/**
 * The browser storage that holds this tablet's records: persistent or not, and how much of the
 * quota is used (StorageManager: navigator.storage.persist / persisted / estimate).
 *
 * Why it matters: a non-persistent origin may be cleared by the browser when the device runs
 * low on space, which would lose every record not yet synced. Chromium grants persistence
 * without asking to an installed app; Firefox asks the person. Where the API is missing (old
 * WebViews, tests) every answer is null ("not known"), never a guess.
 */

/** The part of `navigator` used here (lets tests pass a double). */
export type StorageNavigator = {
  readonly storage?: {
    persist?: () => Promise<boolean>;
    persisted?: () => Promise<boolean>;
    estimate?: () => Promise<{ usage?: number; quota?: number }>;
  };
};

export type StorageInfo = {
  /** The browser will not clear it to make room; null when not known. */
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
};

/** From this share of the quota on, the sync screen warns (a full tablet saves nothing). */
export const STORAGE_WARNING_SHARE = 0.8;

/** Asks for persistent storage (once granted it stays); true/false, null where unsupported. */
export async function requestPersistentStorage(nav: StorageNavigator): Promise<boolean | null> {
  const storage = nav.storage;
  if (storage?.persist === undefined) return null;
  try {
    if (storage.persisted !== undefined && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

const finiteOrNull = (n: unknown): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;

export async function readStorageInfo(nav: StorageNavigator): Promise<StorageInfo> {
  const storage = nav.storage;
  let persisted: boolean | null = null;
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    if (storage?.persisted !== undefined) persisted = await storage.persisted();
  } catch {
    persisted = null;
  }
  try {
    if (storage?.estimate !== undefined) {
      const estimate = await storage.estimate();
      usageBytes = finiteOrNull(estimate.usage);
      quotaBytes = finiteOrNull(estimate.quota);
    }
  } catch {
    // Unknown stays null.
  }
  return { persisted, usageBytes, quotaBytes };
}

/** Used share of the quota, 0..1; null when either number is unknown or the quota is 0. */
export function usageShare(info: StorageInfo): number | null {
  if (info.usageBytes === null || info.quotaBytes === null || info.quotaBytes === 0) return null;
  return info.usageBytes / info.quotaBytes;
}

export type ByteUnit = 'kB' | 'MB' | 'GB';

/** Bytes in the largest decimal unit that keeps the number at least 1 (kB at the least). */
export function bytesInUnit(bytes: number): { readonly value: number; readonly unit: ByteUnit } {
  if (bytes >= 1e9) return { value: bytes / 1e9, unit: 'GB' };
  if (bytes >= 1e6) return { value: bytes / 1e6, unit: 'MB' };
  return { value: bytes / 1e3, unit: 'kB' };
}
