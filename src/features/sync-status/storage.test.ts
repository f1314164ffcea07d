import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesInUnit,
  readStorageInfo,
  requestPersistentStorage,
  usageShare,
  type StorageNavigator,
} from './storage.ts';

const nav = (storage: StorageNavigator['storage']): StorageNavigator => ({ storage });

describe('requestPersistentStorage', () => {
  it('asks only when not yet persistent, and says null where the API is missing or fails', async () => {
    let asked = 0;
    const granted = nav({
      persisted: () => Promise.resolve(false),
      persist: () => {
        asked += 1;
        return Promise.resolve(true);
      },
    });
    expect(await requestPersistentStorage(granted)).toBe(true);
    expect(asked).toBe(1);
    const already = nav({
      persisted: () => Promise.resolve(true),
      persist: () => Promise.reject(new Error('must not ask')),
    });
    expect(await requestPersistentStorage(already)).toBe(true);
    expect(await requestPersistentStorage(nav(undefined))).toBeNull();
    expect(
      await requestPersistentStorage(nav({ persist: () => Promise.reject(new Error('x')) })),
    ).toBeNull();
    expect(await requestPersistentStorage(nav({ persist: () => Promise.resolve(false) }))).toBe(
      false,
    );
  });
});

describe('readStorageInfo', () => {
  it('reads usage, quota and persistence; anything missing or odd is null, never a guess', async () => {
    expect(
      await readStorageInfo(
        nav({
          persisted: () => Promise.resolve(true),
          estimate: () => Promise.resolve({ usage: 1_500_000, quota: 3_000_000_000 }),
        }),
      ),
    ).toEqual({ persisted: true, usageBytes: 1_500_000, quotaBytes: 3_000_000_000 });
    expect(await readStorageInfo(nav(undefined))).toEqual({
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    });
    expect(
      await readStorageInfo(
        nav({
          persisted: () => Promise.reject(new Error('x')),
          estimate: () => Promise.resolve({ usage: Number.NaN, quota: -1 }),
        }),
      ),
    ).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
  });
});

describe('usageShare and bytesInUnit', () => {
  it('gives the used share, or null when it cannot be known', () => {
    expect(usageShare({ persisted: null, usageBytes: 800, quotaBytes: 1000 })).toBe(0.8);
    expect(usageShare({ persisted: null, usageBytes: 800, quotaBytes: 0 })).toBeNull();
    expect(usageShare({ persisted: null, usageBytes: null, quotaBytes: 1000 })).toBeNull();
  });

  it('picks kB, MB or GB on the boundaries', () => {
    expect(bytesInUnit(999_999)).toEqual({ value: 999.999, unit: 'kB' });
    expect(bytesInUnit(1_000_000)).toEqual({ value: 1, unit: 'MB' });
    expect(bytesInUnit(999_999_999).unit).toBe('MB');
    expect(bytesInUnit(1_000_000_000)).toEqual({ value: 1, unit: 'GB' });
    expect(bytesInUnit(0)).toEqual({ value: 0, unit: 'kB' });
  });

  it('never changes the amount, only its unit', () => {
    const factor = { kB: 1e3, MB: 1e6, GB: 1e9 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (bytes) => {
        const { value, unit } = bytesInUnit(bytes);
        expect(value * factor[unit]).toBeCloseTo(bytes, 0);
        expect(unit === 'kB' || value >= 1).toBe(true);
      }),
    );
  });
});
