/**
 * A form whose every change is kept as a draft in IndexedDB (src/db/drafts.ts), so a reload,
 * a crash or a sleeping tablet returns everything typed. Saves are debounced (~300 ms) and
 * flushed at once when the form unmounts; the draft is cleared after the record is saved.
 * Until the stored draft is read, `value` is undefined (the form is not shown yet, so nothing
 * typed can be overwritten by the restore).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../../db/drafts.ts';
import { useBedside } from '../../ui/bedside-context.tsx';

export const DRAFT_DEBOUNCE_MS = 300;

export type Draft<T> = {
  /** undefined while the stored draft is being read. */
  readonly value: T | undefined;
  /** True when the value came from a stored draft. */
  readonly restored: boolean;
  readonly update: (change: (current: T) => T) => void;
  /** Writes a pending change now instead of after the debounce (e.g. save progress). */
  readonly flush: () => void;
  /** Clears the stored draft and resets the form to `initial()`. */
  readonly clear: () => Promise<void>;
};

export function useDraft<T>(formId: string, sessionId: string | null, initial: () => T): Draft<T> {
  const { db, clock } = useBedside();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const latest = useRef<T | undefined>(undefined);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const initialRef = useRef(initial);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current || latest.current === undefined) return;
    dirty.current = false;
    // A failed draft save is not a lost record: the form stays on screen; ignore the result.
    void saveDraft(db, formId, sessionId, latest.current, clock.nowIso());
  }, [db, clock, formId, sessionId]);

  useEffect(() => {
    let live = true;
    loadDraft<T>(db, formId, sessionId)
      .then((stored) => {
        if (!live) return;
        const start = stored?.value ?? initialRef.current();
        latest.current = start;
        setRestored(stored !== undefined);
        setValue(start);
      })
      .catch(() => {
        // Unreadable draft storage: start empty rather than block the form.
        if (!live) return;
        latest.current = initialRef.current();
        setValue(latest.current);
      });
    return () => {
      live = false;
      flush();
    };
  }, [db, formId, sessionId, flush]);

  const update = useCallback(
    (change: (current: T) => T) => {
      const current = latest.current;
      if (current === undefined) return;
      const next = change(current);
      latest.current = next;
      dirty.current = true;
      setValue(next);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DRAFT_DEBOUNCE_MS);
    },
    [flush],
  );

  const clear = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    const fresh = initialRef.current();
    latest.current = fresh;
    setValue(fresh);
    setRestored(false);
    await clearDraft(db, formId, sessionId);
  }, [db, formId, sessionId]);

  return { value, restored, update, flush, clear };
}
