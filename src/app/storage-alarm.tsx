/**
 * A full tablet saves nothing. Each form already shows its own storage error (ui/use-save.ts);
 * this keeps one notice under the header from the first "storage full" write until a write
 * succeeds again, on every screen, with the way out (sync, free space), so a nurse who moves on
 * from the form does not keep entering things that are not stored.
 */
import { create } from 'zustand';
import type { RecordOwner, RecordWriter, WriteContext, WriteOptions } from '../db/record-writer.ts';
import type { PayloadOf, RecordKind } from '../domain/records.ts';
import { useMessages } from '../ui/i18n.ts';
import { messages } from './messages.ts';
import { hrefFor } from './router.ts';

type StorageAlarm = { readonly full: boolean; readonly setFull: (full: boolean) => void };

export const useStorageAlarm = create<StorageAlarm>()((set) => ({
  full: false,
  setFull: (full) => set({ full }),
}));

/** The same writer, reporting each write's outcome to the alarm. */
export function withStorageAlarm(
  writer: RecordWriter,
  setFull: (full: boolean) => void = (full) => useStorageAlarm.getState().setFull(full),
): RecordWriter {
  async function write<K extends RecordKind>(
    kind: K,
    owner: RecordOwner,
    payload: PayloadOf<K>,
    context: WriteContext,
    options?: WriteOptions,
  ) {
    const result = await writer.write(kind, owner, payload, context, options);
    if (result.ok) setFull(false);
    else if (result.error.type === 'storage' && result.error.reason === 'quota-exceeded')
      setFull(true);
    return result;
  }
  return { ...writer, write };
}

export function StorageFullNotice() {
  const t = useMessages(messages);
  const full = useStorageAlarm((s) => s.full);
  if (!full) return null;
  return (
    <p className="notice notice--urgent" role="alert">
      {t.storageFull} <a href={hrefFor({ name: 'sync' })}>{t.navSync}</a>
    </p>
  );
}
