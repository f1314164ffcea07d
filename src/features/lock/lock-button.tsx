/** Header control: who is recording, and "Switch user / Lock" (locks at once; nothing is lost). */
import { useBedside } from '../../ui/bedside-context.tsx';
import { useMessages } from '../../ui/i18n.ts';
import { LockIcon } from './lock-icon.tsx';
import { useLockStore } from './lock-store.ts';
import { messages } from './messages.ts';

export function LockButton() {
  const t = useMessages(messages);
  const { actor, staff } = useBedside();
  // A tablet without active staff is never locked (lock-gate.tsx): nothing to switch to.
  if (!staff.some((s) => s.active)) return null;
  return (
    <div className="row lock-button">
      {actor ? (
        // A long name (up to 120 characters) ends in an ellipsis on screen, not in a third
        // header row; screen readers and the lock screen still have all of it.
        <span className="lock-button__who">
          <span className="field__hint lock-button__hint">{t.recordingAs} </span>
          <strong>{actor.displayName}</strong>
        </span>
      ) : null}
      <button type="button" className="btn" onClick={() => useLockStore.getState().lock('switch')}>
        <LockIcon />
        {/* Hidden on a portrait tablet to keep the header to two rows; still part of the name. */}
        <span>
          <span className="lock-button__switch">{t.switchUser} /</span> {t.lock}
        </span>
      </button>
    </div>
  );
}
