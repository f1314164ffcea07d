import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { errorText } from '../ui/i18n.ts';
import { StorageError, toStorageError } from './errors.ts';

describe('toStorageError', () => {
  it('classifies storage full, duplicate id, closed database, unavailable storage and anything else', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(toStorageError(quota).reason).toBe('quota-exceeded');
    expect(toStorageError(new Dexie.AbortError('aborted', quota)).reason).toBe('quota-exceeded');
    expect(
      toStorageError(new Dexie.BulkError('bulk', [new DOMException('dup', 'ConstraintError')]))
        .reason,
    ).toBe('duplicate-id');
    expect(toStorageError(new Dexie.DatabaseClosedError()).reason).toBe('database-closed');
    expect(toStorageError(new Dexie.OpenFailedError('no idb')).reason).toBe('unavailable');
    expect(toStorageError(new Error('weird')).reason).toBe('unknown');
    expect(toStorageError('string thrown').reason).toBe('unknown');
  });

  it('says it in Dutch too, on a Dutch screen', () => {
    const full = toStorageError(new DOMException('quota', 'QuotaExceededError'));
    expect(full.messageNl).toMatch(/^De opslag van de tablet is vol, dus er werd niets bewaard/);
    expect(errorText(full, 'nl-BE')).toBe(full.messageNl);
    expect(errorText(full, 'en')).toBe(full.message);
    // A specific message has no standard translation: the English text is shown as given.
    expect(new StorageError('unknown', null, 'Record x cannot be read.').messageNl).toBeUndefined();
  });

  it('keeps the technical cause and says nothing was saved', () => {
    const cause = new DOMException('quota', 'QuotaExceededError');
    const e = toStorageError(cause);
    expect(e).toBeInstanceOf(StorageError);
    expect(e.type).toBe('storage');
    expect(e.cause).toBe(cause);
    expect(e.message).toMatch(/storage is full.*nothing was saved.*free space.*sync.*retry/i);
    expect(toStorageError(e)).toBe(e);
  });
});
