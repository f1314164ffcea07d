/**
 * Test support: the lock gate around a small "app" (a header with the switch button and a form
 * with a Note field), rendered with the bedside test context.
 */
import { vi } from 'vitest';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import type { Bedside } from '../../ui/bedside-context.tsx';
import { LockButton } from './lock-button.tsx';
import { LockGate } from './lock-gate.tsx';
import { INITIAL_LOCK_STATE, useLockStore } from './lock-store.ts';

export function resetLockStore(): void {
  sessionStorage.clear();
  useLockStore.setState({ ...INITIAL_LOCK_STATE });
}

/** As if `staffId` had unlocked the tablet at `atMs` (device time, Date.now()). */
export function startUnlocked(staffId: string, atMs: number = Date.now()): void {
  useLockStore.setState({ unlockedStaffId: staffId, lastStaffId: staffId, lastActivityMs: atMs });
}

export function renderGate(bedside: Bedside = makeBedside()) {
  const onUnlock = vi.fn();
  const view = renderWithBedside(
    <LockGate onUnlock={onUnlock}>
      <header>
        <LockButton />
      </header>
      <main>
        <label>
          Note
          <input type="text" name="note" />
        </label>
      </main>
    </LockGate>,
    bedside,
  );
  return { ...view, bedside, onUnlock };
}
