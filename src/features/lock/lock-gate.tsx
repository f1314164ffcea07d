/**
 * The tablet's lock (issue 4, "Staff, devices and access"). Wraps the whole app: while locked,
 * a full-screen lock screen covers it and the app beneath is `inert` and `aria-hidden`, but it
 * stays mounted, so a half-typed form, an open step or a running infusion clock are exactly as
 * they were after the next unlock (nothing is unmounted, nothing is saved or discarded).
 *
 * - Unlock: tap your name, type your PIN (src/db/staff-pins.ts, salted PBKDF2). The first time
 *   on this tablet a person chooses their PIN, typed twice. 5 wrong PINs lock that person out
 *   for 5 minutes (domain/pin-policy.ts); the screen says from when they can try again.
 * - The person who unlocks becomes the one recording (`onUnlock`, wired to "Recording as").
 * - Quick switch: "Switch user / Lock" in the header (LockButton) locks at once.
 * - Auto-lock after `settings.autoLockMinutes` without a touch or key press (use-idle-lock.ts).
 * - A reload of the same tab within that time stays unlocked (lock-store.ts, sessionStorage);
 *   a new tab or a later reload starts locked.
 *
 * A tablet with no active staff is NOT locked: nobody could unlock it, and an administrator
 * setting up a new tablet must reach the staff screen to add the first people (the app shows
 * the staff screen whenever the list is empty). Nothing clinical can be recorded meanwhile,
 * because records need an active staff member "Recording as". From the moment the first person
 * is added the tablet locks, and that person chooses their PIN on the lock screen; they unlock
 * and add the others, who each choose their own PIN at their first unlock. The same holds if
 * every staff member is deactivated. Known limit: until someone has chosen a PIN on this
 * tablet, anyone at the tablet can choose it for them; an administrator can clear a PIN only
 * by removing the staffPins row (no screen for it yet).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { DEFAULT_AUTO_LOCK_MIN } from '../../domain/settings.ts';
import { useBedside } from '../../ui/bedside-context.tsx';
import { LockScreen } from './lock-screen.tsx';
import { useLockStore } from './lock-store.ts';
import { useIdleLock } from './use-idle-lock.ts';
import './lock.css';

type Props = {
  readonly children: ReactNode;
  /** Someone unlocked: they are now the one recording. */
  readonly onUnlock: (staffId: string) => void;
};

export function LockGate({ children, onUnlock }: Props) {
  const { staff, settings } = useBedside();
  const active = staff.filter((s) => s.active);
  const unlockedId = useLockStore((s) => s.unlockedStaffId);
  const reason = useLockStore((s) => s.reason);
  const lastStaffId = useLockStore((s) => s.lastStaffId);
  const locked = active.length > 0 && !active.some((s) => s.staffId === unlockedId);
  const minutes =
    Number.isFinite(settings.autoLockMinutes) && settings.autoLockMinutes > 0
      ? settings.autoLockMinutes
      : DEFAULT_AUTO_LOCK_MIN;
  useIdleLock(!locked && active.length > 0, minutes * 60_000, () =>
    useLockStore.getState().lock('idle'),
  );

  // Give the focus back where it was (e.g. the field being typed in) after an unlock.
  const lastFocus = useRef<HTMLElement | null>(null);
  const wasLocked = useRef(locked);
  useEffect(() => {
    if (wasLocked.current && !locked && lastFocus.current?.isConnected)
      lastFocus.current.focus({ preventScroll: true });
    wasLocked.current = locked;
  }, [locked]);

  const unlock = (staffId: string) => {
    useLockStore.getState().unlock(staffId, Date.now());
    onUnlock(staffId);
  };

  return (
    <>
      <div
        className="lock-gate__content"
        inert={locked}
        aria-hidden={locked || undefined}
        onFocus={(e) => {
          if (e.target instanceof HTMLElement) lastFocus.current = e.target;
        }}
      >
        {children}
      </div>
      {locked ? (
        <LockScreen
          staff={active}
          reason={reason}
          lastStaffId={lastStaffId}
          autoLockMinutes={minutes}
          onUnlock={unlock}
        />
      ) : null}
    </>
  );
}
