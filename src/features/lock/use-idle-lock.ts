/**
 * Auto-lock after inactivity. Any touch, pen, mouse press, key press or wheel anywhere on the
 * page is activity. One timer is scheduled for the moment the tablet would become idle; events
 * only move a timestamp, so a busy screen costs nothing. Elapsed time is taken from the device
 * clock (Date.now), not counted by the timer, so a tablet that slept past the limit locks the
 * moment it wakes (visibilitychange), even if the timer was suspended while it slept.
 */
import { useEffect, useRef } from 'react';
import { useLockStore } from './lock-store.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** While `enabled`, calls `onIdle` once `timeoutMs` pass without activity. */
export function useIdleLock(enabled: boolean, timeoutMs: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    const store = useLockStore.getState();
    // After a reload, count from the last activity saved before it.
    let last = store.lastActivityMs > 0 ? Math.min(store.lastActivityMs, Date.now()) : Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - last;
      if (idleFor >= timeoutMs) {
        useLockStore.setState({ lastActivityMs: last });
        onIdleRef.current();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(check, timeoutMs - idleFor);
    };
    const onActivity = () => {
      last = Date.now();
      useLockStore.getState().touch(last);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
      else useLockStore.setState({ lastActivityMs: last });
    };

    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    check();
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS)
        window.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, timeoutMs]);
}
