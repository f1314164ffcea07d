import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { StorageError, type WriteResult } from '../db/errors.ts';
import type { RecordWriter } from '../db/record-writer.ts';
import { makeBedside, renderWithBedside } from '../../tests/support/render-bedside.tsx';
import { StorageFullNotice, useStorageAlarm, withStorageAlarm } from './storage-alarm.tsx';

/** A writer answering each write with the next scripted result. */
function scriptedWriter(results: WriteResult<never>[]): RecordWriter {
  return {
    newId: () => 'id',
    write: () => Promise.resolve(results.shift() as never),
  };
}

const full: WriteResult<never> = {
  ok: false,
  error: new StorageError('quota-exceeded', new DOMException('full', 'QuotaExceededError')),
};
const closed: WriteResult<never> = { ok: false, error: new StorageError('database-closed') };
const saved = { ok: true, value: {} } as WriteResult<never>;

const write = (writer: RecordWriter) =>
  writer.write(
    'staff-member',
    { patientId: null, sessionId: null },
    { staffId: 'x', displayName: 'X', role: 'nurse', active: true },
    { authorStaffId: 'x', protocolKey: 'p@1', settingsVersion: 1 },
  );

beforeEach(() => useStorageAlarm.setState({ full: false }));

describe('storage alarm', () => {
  it('raises on a "storage full" write, on every screen, until a write succeeds again', async () => {
    const writer = withStorageAlarm(scriptedWriter([closed, full, full, saved]));
    renderWithBedside(<StorageFullNotice />, makeBedside());
    expect(await act(() => write(writer))).toBe(closed);
    expect(screen.queryByRole('alert')).toBeNull();

    expect(await act(() => write(writer))).toBe(full);
    expect(screen.getByRole('alert')).toHaveTextContent('storage is full');
    expect(screen.getByRole('link', { name: 'Sync' })).toHaveAttribute('href', '#/sync');
    await act(() => write(writer));
    expect(screen.getByRole('alert')).toBeInTheDocument();

    await act(() => write(writer));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
