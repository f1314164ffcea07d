/**
 * Layout of the lock screen once a name is chosen: who (name, role, what to do, "Someone
 * else") beside the keypad in landscape, above it in portrait.
 */
import type { ReactNode } from 'react';
import type { LockMessages } from './messages.ts';

type Props = {
  readonly title: string;
  readonly hint: string | null;
  readonly onBack: () => void;
  readonly t: LockMessages;
  readonly children: ReactNode;
};

export function PersonPanel({ title, hint, onBack, t, children }: Props) {
  return (
    <div className="lock-person">
      <div className="lock-person__who stack">
        <h2 className="lock-person__title">{title}</h2>
        {hint ? <p className="field__hint">{hint}</p> : null}
        <button type="button" className="btn btn--large lock-person__back" onClick={onBack}>
          {t.someoneElse}
        </button>
      </div>
      <div className="lock-person__pad">{children}</div>
    </div>
  );
}
