/**
 * "Type your PIN to confirm" for an act that must be done by one named person at the tablet,
 * whoever is recording (the dose sign-off by an anesthesiologist, issue 4). The PIN is checked
 * against this tablet's staffPins (src/db/staff-pins.ts): a wrong PIN counts towards the same
 * lockout as the lock screen (otherwise this field would be a way around it), and `onConfirmed`
 * runs only after a right PIN, so a wrong PIN does nothing.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { pinStateOf, verifyStaffPin } from '../db/staff-pins.ts';
import { useBedside } from './bedside-context.tsx';
import { fill, useMessages } from './i18n.ts';
import { formatLockoutTime, pinMessages, pinOutcomeText } from './pin-messages.ts';
import { usePreferences } from './preferences.ts';
import { useNow } from './use-now.ts';

type Props = {
  /** Whose PIN is asked; null while nobody is chosen (the button stays disabled). */
  readonly staffId: string | null;
  readonly staffName: string;
  /** Label of the PIN field, e.g. "PIN of Dr. Jan Vermeulen". */
  readonly pinLabel: string;
  readonly confirmLabel: string;
  /** Other conditions of the act are not met: nothing can be confirmed. */
  readonly disabled: boolean;
  /** Runs after a right PIN only. */
  readonly onConfirmed: () => Promise<void>;
};

export function PinConfirm({
  staffId,
  staffName,
  pinLabel,
  confirmLabel,
  disabled,
  onConfirmed,
}: Props) {
  const t = useMessages(pinMessages);
  const locale = usePreferences((s) => s.locale);
  const { db, clock } = useBedside();
  const inputId = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const row = useLiveQuery(
    async () => (staffId === null ? null : ((await db.staffPins.get(staffId)) ?? null)),
    [db, staffId],
  );
  const state = row === undefined ? null : pinStateOf(row ?? undefined, now);
  const blocked =
    state?.kind === 'none'
      ? fill(t.noPin, { name: staffName })
      : state?.kind === 'locked-out'
        ? fill(t.lockedOut, { name: staffName, time: formatLockoutTime(state.lockedUntil, locale) })
        : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (disabled || staffId === null || busy || blocked !== null) return;
    setBusy(true);
    const outcome = await verifyStaffPin(db, staffId, pin, clock.now());
    setPin('');
    setError(pinOutcomeText(outcome, staffName, t, locale));
    if (outcome.kind === 'ok') await onConfirmed();
    setBusy(false);
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {staffId !== null ? (
        <div className="field">
          <label htmlFor={inputId}>{pinLabel}</label>
          <input
            id={inputId}
            className="input input--number"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            disabled={blocked !== null}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setPin(e.target.value);
              setError(null);
            }}
          />
          {blocked ? (
            <span className="field__error" role="alert">
              {blocked}
            </span>
          ) : error ? (
            <span className="field__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
      {busy ? (
        <p className="field__hint" role="status">
          {t.checking}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn--primary btn--large"
        disabled={disabled || staffId === null || busy || blocked !== null}
      >
        {confirmLabel}
      </button>
    </form>
  );
}
