/**
 * Runs a write and exposes its state for <SaveStatus>: "Saved" only after the IndexedDB
 * transaction committed; on a storage or schema error the message a nurse can act on, and the
 * caller keeps the entry on screen so it can be retried.
 */
import { useCallback, useState } from 'react';
import type { WriteResult } from '../db/errors.ts';
import type { SaveState } from './save-status.tsx';

export function useSave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = useCallback(async <T>(write: () => Promise<WriteResult<T>>): Promise<T | null> => {
    setState({ kind: 'saving' });
    try {
      const result = await write();
      if (result.ok) {
        setState({ kind: 'saved', at: new Date().toISOString() });
        return result.value;
      }
      setState({ kind: 'error', message: result.error.message });
      return null;
    } catch (error) {
      // Writes return results; anything thrown is unexpected, but the nurse must still see it.
      setState({ kind: 'error', message: `Saving failed, nothing was saved: ${String(error)}` });
      return null;
    }
  }, []);
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, run, reset, fail: (message: string) => setState({ kind: 'error', message }) };
}
