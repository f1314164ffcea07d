/**
 * Storage failures in words a nurse can act on. Every write in src/db returns a WriteResult
 * (never throws); reads reject with a StorageError. The technical error stays in `cause`
 * for logs; `message` is what the screen shows, and always says whether anything was saved.
 */
import type { DomainError } from '../domain/result.ts';

export type StorageErrorReason =
  'quota-exceeded' | 'duplicate-id' | 'database-closed' | 'unavailable' | 'unknown';

const MESSAGES: { readonly [R in StorageErrorReason]: string } = {
  'quota-exceeded':
    "The tablet's storage is full, so nothing was saved. Free space on the tablet or sync with the center, then retry.",
  'duplicate-id':
    'This entry was already saved, so nothing was changed. To change a saved entry, record a correction.',
  'database-closed':
    'The app was updated in another tab or window, so nothing was saved. Reload this page, then retry.',
  unavailable:
    "The tablet's storage cannot be opened, so nothing was saved. Reload the page; if it keeps happening, call support.",
  unknown:
    'Saving on the tablet failed, so nothing was saved. Retry; if it keeps happening, call support.',
};

/** The same in Dutch (nl-BE): screens show it through ui/i18n.ts errorText. */
const MESSAGES_NL: { readonly [R in StorageErrorReason]: string } = {
  'quota-exceeded':
    'De opslag van de tablet is vol, dus er werd niets bewaard. Maak ruimte vrij op de tablet of synchroniseer met het centrum, en probeer opnieuw.',
  'duplicate-id':
    'Deze invoer was al bewaard, dus er werd niets gewijzigd. Om een bewaarde invoer te wijzigen, registreert u een correctie.',
  'database-closed':
    'De app werd bijgewerkt in een ander tabblad of venster, dus er werd niets bewaard. Herlaad deze pagina en probeer opnieuw.',
  unavailable:
    'De opslag van de tablet kan niet geopend worden, dus er werd niets bewaard. Herlaad de pagina; als het blijft gebeuren, bel de ondersteuning.',
  unknown:
    'Bewaren op de tablet is mislukt, dus er werd niets bewaard. Probeer opnieuw; als het blijft gebeuren, bel de ondersteuning.',
};

export class StorageError extends Error {
  readonly type = 'storage' as const;
  readonly reason: StorageErrorReason;
  /** Dutch text of the standard message (absent when a specific message was given). */
  readonly messageNl?: string;

  constructor(reason: StorageErrorReason, cause?: unknown, message: string = MESSAGES[reason]) {
    super(message, { cause });
    this.name = 'StorageError';
    this.reason = reason;
    if (message === MESSAGES[reason]) this.messageNl = MESSAGES_NL[reason];
  }
}

/** A record refused by its schema before anything was written. */
export type InvalidRecordError = {
  readonly type: 'invalid-record';
  readonly error: DomainError;
  readonly message: string;
};

export type RecordWriteError = InvalidRecordError | StorageError;

export type WriteResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RecordWriteError };

export const invalidRecord = (error: DomainError): { ok: false; error: InvalidRecordError } => ({
  ok: false,
  error: { type: 'invalid-record', error, message: `${error.message} Nothing was saved.` },
});

/** Error names (DOMException, Dexie) anywhere in the chain Dexie wraps them in. */
function names(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? [e.name] : [];
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [
    ...own,
    ...names(e.inner, depth + 1),
    ...names(e.cause, depth + 1),
    ...failures.flatMap((f) => names(f, depth + 1)),
  ];
}

/** Classifies any error from IndexedDB/Dexie as a StorageError (returned, not thrown). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const n = names(error);
  const reason: StorageErrorReason = n.includes('QuotaExceededError')
    ? 'quota-exceeded'
    : n.includes('ConstraintError')
      ? 'duplicate-id'
      : n.some((x) => x === 'DatabaseClosedError' || x === 'VersionChangeError')
        ? 'database-closed'
        : n.some(
              (x) =>
                x === 'OpenFailedError' ||
                x === 'InvalidStateError' ||
                x === 'MissingAPIError' ||
                x === 'VersionError',
            )
          ? 'unavailable'
          : 'unknown';
  return new StorageError(reason, error);
}

/** Runs a read; any failure becomes a StorageError (rejected). */
export async function readOrThrow<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw toStorageError(error);
  }
}
