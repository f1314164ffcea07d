/**
 * First unlock of a staff member on this tablet: they choose a PIN and type it twice
 * (pin-policy.ts checkNewPin refuses 1111 or 1234 at the first entry, a different second entry
 * starts over). Saving hashes it (PBKDF2, ~0.1-1 s) and unlocks the tablet for them.
 */
import { useState } from 'react';
import { checkNewPin } from '../../domain/pin-policy.ts';
import { setStaffPin } from '../../db/staff-pins.ts';
import { useBedside, type StaffMember } from '../../ui/bedside-context.tsx';
import { fill, useErrorText, useMessages } from '../../ui/i18n.ts';
import { pinMessages, pinProblemText } from '../../ui/pin-messages.ts';
import type { LockMessages } from './messages.ts';
import { PersonPanel } from './person-panel.tsx';
import { PinPad } from './pin-pad.tsx';

type Props = {
  readonly person: StaffMember;
  readonly onUnlocked: () => void;
  readonly onBack: () => void;
  readonly t: LockMessages;
};

export function SetPinForm({ person, onUnlocked, onBack, t }: Props) {
  const { db, clock } = useBedside();
  const tp = useMessages(pinMessages);
  const errText = useErrorText();
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submitFirst = () => {
    const check = checkNewPin(pin, pin);
    setPin('');
    if (!check.ok) return setError(pinProblemText(check.problem, tp));
    setError(null);
    setFirst(pin);
  };

  const submitRepeat = async () => {
    if (first === null) return;
    setBusy(true);
    const outcome = await setStaffPin(db, person.staffId, first, pin, clock.now());
    setBusy(false);
    setPin('');
    if (outcome.kind === 'ok') return onUnlocked();
    setFirst(null);
    if (outcome.kind === 'invalid') setError(pinProblemText(outcome.problem, tp));
    else if (outcome.kind === 'already-set')
      setError(fill(t.alreadySet, { name: person.displayName }));
    else setError(errText(outcome.error));
  };

  const repeating = first !== null;
  return (
    <PersonPanel
      title={fill(repeating ? t.repeatTitle : t.setTitle, { name: person.displayName })}
      hint={t.setHint}
      onBack={onBack}
      t={t}
    >
      <PinPad
        // A new field for the second entry, so nothing of the first stays in it.
        key={repeating ? 'repeat' : 'first'}
        label={repeating ? t.repeatPinLabel : t.newPinLabel}
        value={pin}
        onChange={(value) => {
          setPin(value);
          setError(null);
        }}
        onSubmit={repeating ? () => void submitRepeat() : submitFirst}
        submitLabel={repeating ? t.savePin : t.next}
        disabled={busy}
        error={error}
        t={t}
      />
      {busy ? (
        <p className="field__hint" role="status">
          {t.savingPin}
        </p>
      ) : null}
    </PersonPanel>
  );
}
