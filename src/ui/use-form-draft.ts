/**
 * A half-filled form that survives a reload or a sleeping tablet (db/drafts.ts): the value is
 * loaded once when the form opens, saved ~300 ms after the last change (and at once when the
 * form closes), and cleared after the form's record is stored. A draft is UI state only: never
 * a clinical record, never synced.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../db/drafts.ts';
import { useBedside } from './bedside-context.tsx';

export const DRAFT_DEBOUNCE_MS = 300;

export type FormDraft<T> = {
  readonly value: T;
  /** Replaces the value (or updates it from the previous one) and schedules the draft save. */
  readonly set: (next: T | ((previous: T) => T)) => void;
  /** Back to `initial` and the stored draft removed (call after the record was saved). */
  readonly clear: () => void;
  /** False until the stored draft (if any) has been read. */
  readonly loaded: boolean;
};

/**
 * `formId` names the form, `sessionId` the session it belongs to (null: none). `initial` must
 * be plain data; a stored draft replaces it when found. A draft that cannot be read or saved
 * is ignored: the form still works, it only would not survive a reload.
 */
export function useFormDraft<T>(
  formId: string,
  sessionId: string | null,
  initial: T,
): FormDraft<T> {
  const { db, clock } = useBedside();
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  const initialRef = useRef(initial);
  const current = useRef<T>(initial);
  const pending = useRef<{ timer: number; value: T } | null>(null);

  useEffect(() => {
    let live = true;
    loadDraft<T>(db, formId, sessionId).then(
      (draft) => {
        if (!live) return;
        if (draft !== undefined && pending.current === null) {
          current.current = draft.value;
          setValue(draft.value);
        }
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [db, formId, sessionId]);

  const flush = useCallback(() => {
    const p = pending.current;
    if (p === null) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    void saveDraft(db, formId, sessionId, p.value, clock.nowIso());
  }, [db, clock, formId, sessionId]);

  // Closing the form (navigation, unmount) saves what was typed at once.
  useEffect(() => flush, [flush]);

  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      const v = typeof next === 'function' ? (next as (p: T) => T)(current.current) : next;
      current.current = v;
      setValue(v);
      if (pending.current) window.clearTimeout(pending.current.timer);
      pending.current = { timer: window.setTimeout(flush, DRAFT_DEBOUNCE_MS), value: v };
    },
    [flush],
  );

  const clear = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
    current.current = initialRef.current;
    setValue(initialRef.current);
    void clearDraft(db, formId, sessionId);
  }, [db, formId, sessionId]);

  return { value, set, clear, loaded };
}
