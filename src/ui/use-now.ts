/**
 * The UI's clock. Elapsed and due times are always computed from stored timestamps and this
 * `now`; the interval only re-renders, it never counts, so a sleeping tablet loses no time.
 */
import { useEffect, useState } from 'react';

export function useNow(tickMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = () => setNow(new Date());
    const id = window.setInterval(tick, tickMs);
    // Waking from sleep: catch up at once rather than on the next tick.
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [tickMs]);
  return now;
}
