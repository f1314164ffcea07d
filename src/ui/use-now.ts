/**
 * The UI's clock. Elapsed and due times are always computed from stored timestamps and this
 * `now`; the interval only re-renders, it never counts, so a sleeping tablet loses no time.
 * It reads the bedside clock (the device clock in the app, a controllable clock in tests).
 */
import { useEffect, useState } from 'react';
import { useBedside } from './bedside-context.tsx';

export function useNow(tickMs = 1000): Date {
  const { clock } = useBedside();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const tick = () => setNow(clock.now());
    const id = window.setInterval(tick, tickMs);
    // Waking from sleep: catch up at once rather than on the next tick.
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [clock, tickMs]);
  return now;
}
