/**
 * Who unlocked this tablet, as UI state (zustand). Kept in sessionStorage, not localStorage:
 * a reload of the same tab within the auto-lock time stays unlocked (an app update or a
 * crash does not force everyone to type their PIN again), but a new tab, a closed browser or a
 * reload after the inactivity time starts locked.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Why the lock screen is up: decides whether it offers the last person's PIN pad first. */
export type LockReason = 'start' | 'switch' | 'idle';

type LockState = {
  /** Who unlocked the tablet; null while it is locked. */
  unlockedStaffId: string | null;
  /** Device time (ms) of the last touch or key press while unlocked, saved at most every 10 s. */
  lastActivityMs: number;
  /** The last person who unlocked: offered first after an automatic lock. */
  lastStaffId: string | null;
  reason: LockReason;
  unlock: (staffId: string, nowMs: number) => void;
  lock: (reason: Exclude<LockReason, 'start'>) => void;
  /** Notes activity (throttled: sessionStorage is written at most every 10 s). */
  touch: (nowMs: number) => void;
};

const TOUCH_SAVE_EVERY_MS = 10_000;

export const INITIAL_LOCK_STATE = {
  unlockedStaffId: null,
  lastActivityMs: 0,
  lastStaffId: null,
  reason: 'start',
} as const satisfies Partial<LockState>;

export const useLockStore = create<LockState>()(
  persist(
    (set, get) => ({
      ...INITIAL_LOCK_STATE,
      unlock: (staffId, nowMs) =>
        set({ unlockedStaffId: staffId, lastStaffId: staffId, lastActivityMs: nowMs }),
      lock: (reason) => set({ unlockedStaffId: null, reason }),
      touch: (nowMs) => {
        if (nowMs - get().lastActivityMs >= TOUCH_SAVE_EVERY_MS) set({ lastActivityMs: nowMs });
      },
    }),
    {
      name: 'kit-lock',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({
        unlockedStaffId: s.unlockedStaffId,
        lastActivityMs: s.lastActivityMs,
        lastStaffId: s.lastStaffId,
      }),
    },
  ),
);
