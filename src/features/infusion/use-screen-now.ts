/**
 * `useNow()` plus a fresh reading right after this screen writes an event: the ticking `now`
 * can be up to a tick older than the event just stored, and the timeline rightly refuses an
 * event "later than now". Both are readings of the same bedside clock; nothing counts.
 */
import { useCallback, useState } from 'react';
import { useBedside } from '../../ui/bedside-context.tsx';
import { useNow } from '../../ui/use-now.ts';

export function useScreenNow(): { readonly now: Date; readonly refresh: () => void } {
  const { clock } = useBedside();
  const ticked = useNow();
  const [fresh, setFresh] = useState<Date | null>(null);
  const refresh = useCallback(() => setFresh(clock.now()), [clock]);
  const now = fresh !== null && fresh.getTime() > ticked.getTime() ? fresh : ticked;
  return { now, refresh };
}
