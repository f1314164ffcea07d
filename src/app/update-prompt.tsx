/**
 * A new app version is offered, never applied by itself: with registerType 'prompt' the
 * waiting service worker takes over only when a person taps "Update now", and the button is
 * only offered when `canUpdateNow` (no session running, no unsaved input).
 */
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useMessages } from '../ui/i18n.ts';
import { messages } from './messages.ts';

export function UpdatePrompt({ canUpdateNow }: { canUpdateNow: boolean }) {
  const t = useMessages(messages);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <div className="notice notice--ok row" role="status" aria-live="polite">
      <span>{t.updateReady}</span>
      {canUpdateNow ? (
        <>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void updateServiceWorker(true)}
          >
            {t.updateNow}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setNeedRefresh(false)}>
            {t.updateLater}
          </button>
        </>
      ) : (
        <span className="field__hint">{t.updateBlocked}</span>
      )}
    </div>
  );
}
