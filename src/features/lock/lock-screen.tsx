/**
 * The screen over a locked tablet: choose your name, then type your PIN (or choose one the
 * first time). After an automatic lock it opens on the PIN pad of the person who was using
 * the tablet, with "Someone else" one tap away.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { useNow } from '../../ui/use-now.ts';
import type { LockReason } from './lock-store.ts';
import { messages } from './messages.ts';
import { LockIcon } from './lock-icon.tsx';
import { SetPinForm } from './set-pin-form.tsx';
import { StaffChooser } from './staff-chooser.tsx';
import { UnlockForm } from './unlock-form.tsx';

type Props = {
  /** Active staff of this tablet (never empty: an empty tablet is not locked). */
  readonly staff: readonly StaffMember[];
  readonly reason: LockReason;
  readonly lastStaffId: string | null;
  readonly autoLockMinutes: number;
  readonly onUnlock: (staffId: string) => void;
};

export function LockScreen({ staff, reason, lastStaffId, autoLockMinutes, onUnlock }: Props) {
  const t = useMessages(messages);
  const { db } = useBedside();
  const now = useNow();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [chosenId, setChosenId] = useState<string | null>(() =>
    reason === 'idle' && staff.some((s) => s.staffId === lastStaffId) ? lastStaffId : null,
  );
  const rows = useLiveQuery(() => db.staffPins.toArray(), [db]);
  const pins = useMemo(() => new Map((rows ?? []).map((r) => [r.staffId, r])), [rows]);
  const person = staff.find((s) => s.staffId === chosenId) ?? null;

  // Focus into the lock screen (the app beneath is inert), unless the PIN field took it.
  useEffect(() => {
    if (!dialogRef.current?.contains(document.activeElement)) dialogRef.current?.focus();
  }, [person]);

  const back = () => setChosenId(null);
  const unlock = () => person && onUnlock(person.staffId);
  const idleHint = reason === 'idle' ? fill(t.autoLocked, { minutes: autoLockMinutes }) : null;

  return (
    <div
      ref={dialogRef}
      className="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      tabIndex={-1}
    >
      <div className="lock-screen__inner stack">
        <h1 id="lock-title" className="lock-screen__title">
          <LockIcon />
          {t.lockedTitle}
        </h1>
        {rows === undefined ? null : person === null ? (
          <>
            {idleHint ? <p className="field__hint">{idleHint}</p> : null}
            <StaffChooser staff={staff} pins={pins} now={now} onChoose={setChosenId} t={t} />
          </>
        ) : pins.has(person.staffId) ? (
          <UnlockForm person={person} onUnlocked={unlock} onBack={back} hint={idleHint} t={t} />
        ) : (
          <SetPinForm person={person} onUnlocked={unlock} onBack={back} t={t} />
        )}
      </div>
    </div>
  );
}
