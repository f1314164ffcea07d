/**
 * PIN entry for a person who has a PIN on this tablet. Wrong PINs are counted in the database
 * (src/db/staff-pins.ts), so the count survives a reload and is shared with the sign-off PIN;
 * while locked out the keypad is disabled and the screen says from when to try again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { pinStateOf, verifyStaffPin } from '../../db/staff-pins.ts';
import type { StaffMember } from '../../ui/bedside-context.tsx';
import { useBedside } from '../../ui/bedside-context.tsx';
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatLockoutTime, pinMessages, pinOutcomeText } from '../../ui/pin-messages.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import type { LockMessages } from './messages.ts';
import { PersonPanel } from './person-panel.tsx';
import { PinPad } from './pin-pad.tsx';

type Props = {
  readonly person: StaffMember;
  readonly onUnlocked: () => void;
  readonly onBack: () => void;
  /** A line above the keypad, e.g. "Locked after 5 min without use". */
  readonly hint: string | null;
  readonly t: LockMessages;
};

export function UnlockForm({ person, onUnlocked, onBack, hint, t }: Props) {
  const { db, clock } = useBedside();
  const tp = useMessages(pinMessages);
  const locale = usePreferences((s) => s.locale);
  const now = useNow();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const row = useLiveQuery(() => db.staffPins.get(person.staffId), [db, person.staffId]);
  const state = pinStateOf(row, now);
  const lockedOut =
    state.kind === 'locked-out'
      ? fill(tp.lockedOut, {
          name: person.displayName,
          time: formatLockoutTime(state.lockedUntil, locale),
        })
      : null;

  const submit = async () => {
    setBusy(true);
    const outcome = await verifyStaffPin(db, person.staffId, pin, clock.now());
    setBusy(false);
    setPin('');
    if (outcome.kind === 'ok') onUnlocked();
    // A lockout is shown from the stored row (and disappears by itself when it ends).
    else if (outcome.kind === 'locked-out' || (outcome.kind === 'wrong' && outcome.lockedUntil))
      setError(null);
    else setError(pinOutcomeText(outcome, person.displayName, tp, locale));
  };

  return (
    <PersonPanel
      title={fill(t.pinFor, { name: person.displayName })}
      hint={hint}
      onBack={onBack}
      t={t}
    >
      <PinPad
        label={t.pinLabel}
        value={pin}
        onChange={(value) => {
          setPin(value);
          setError(null);
        }}
        onSubmit={() => void submit()}
        submitLabel={t.unlock}
        disabled={busy || lockedOut !== null}
        error={lockedOut ?? error}
        t={t}
      />
      {busy ? (
        <p className="field__hint" role="status">
          {tp.checking}
        </p>
      ) : null}
    </PersonPanel>
  );
}
