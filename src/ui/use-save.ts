/**
 * Runs a write and exposes its state for <SaveStatus>: "Saved" only after the IndexedDB
 * transaction committed; on a storage or schema error the message a nurse can act on, and the
 * caller keeps the entry on screen so it can be retried.
 */
import { useCallback, useState } from 'react';
import type { RecordWriteError, WriteResult } from '../db/errors.ts';
import { errorText, type ErrorTexts } from './i18n.ts';
import { usePreferences } from './preferences.ts';
import type { SaveState } from './save-status.tsx';

/** The error is kept as given and put in words at render, so its text follows a language switch. */
type State =
  Exclude<SaveState, { kind: 'error' }> | { readonly kind: 'error'; readonly error: ErrorTexts };

/**
 * A record refused by its schema carries the domain's error: its Dutch text, when given, ends
 * like the English one with "nothing was saved". Storage errors have only their English text.
 */
export function writeErrorTexts(error: RecordWriteError): ErrorTexts {
  if (error.type !== 'invalid-record' || error.error.messageNl === undefined) return error;
  return { message: error.message, messageNl: `${error.error.messageNl} Er werd niets bewaard.` };
}

export function useSave() {
  const locale = usePreferences((s) => s.locale);
  const [inner, setState] = useState<State>({ kind: 'idle' });
  const run = useCallback(async <T>(write: () => Promise<WriteResult<T>>): Promise<T | null> => {
    setState({ kind: 'saving' });
    try {
      const result = await write();
      if (result.ok) {
        setState({ kind: 'saved', at: new Date().toISOString() });
        return result.value;
      }
      setState({ kind: 'error', error: writeErrorTexts(result.error) });
      return null;
    } catch (error) {
      // Writes return results; anything thrown is unexpected, but the nurse must still see it.
      setState({
        kind: 'error',
        error: {
          message: `Saving failed, nothing was saved: ${String(error)}`,
          messageNl: `Bewaren mislukt, er werd niets bewaard: ${String(error)}`,
        },
      });
      return null;
    }
  }, []);
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  const state: SaveState =
    inner.kind === 'error' ? { kind: 'error', message: errorText(inner.error, locale) } : inner;
  /** Shows a refusal found before writing: a domain error, or a text already in words. */
  const fail = (error: ErrorTexts | string) =>
    setState({ kind: 'error', error: typeof error === 'string' ? { message: error } : error });
  return { state, run, reset, fail };
}
