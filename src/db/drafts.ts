/**
 * Unsaved forms survive a reload or a sleeping tablet: a draft is UI state (never a clinical
 * record, never synced), keyed by form and session, overwritten on every save and cleared when
 * the form's record is appended.
 */
import type { KitDatabase } from './database.ts';
import { readOrThrow, toStorageError, type WriteResult } from './errors.ts';

/** `${formId}:${sessionId}`; `-` stands for "no session" (e.g. the new-patient form). */
export const draftKey = (formId: string, sessionId: string | null) =>
  `${formId}:${sessionId ?? '-'}`;

/**
 * Saves (replaces) the draft of `formId` for `sessionId`. `value` must be structured-
 * cloneable (plain data); `updatedAt` is the device time from the app clock (ISO instant).
 */
export async function saveDraft(
  db: KitDatabase,
  formId: string,
  sessionId: string | null,
  value: unknown,
  updatedAt: string,
): Promise<WriteResult<void>> {
  try {
    await db.drafts.put({ key: draftKey(formId, sessionId), formId, sessionId, value, updatedAt });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}

/** The saved draft value and when it was saved, or undefined. */
export function loadDraft<T = unknown>(
  db: KitDatabase,
  formId: string,
  sessionId: string | null,
): Promise<{ readonly value: T; readonly updatedAt: string } | undefined> {
  return readOrThrow(async () => {
    const row = await db.drafts.get(draftKey(formId, sessionId));
    return row === undefined ? undefined : { value: row.value as T, updatedAt: row.updatedAt };
  });
}

export async function clearDraft(
  db: KitDatabase,
  formId: string,
  sessionId: string | null,
): Promise<WriteResult<void>> {
  try {
    await db.drafts.delete(draftKey(formId, sessionId));
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: toStorageError(error) };
  }
}
