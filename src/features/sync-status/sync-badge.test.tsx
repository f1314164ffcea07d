import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { formatTime } from '../../ui/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { sessionRecords } from '../../../tests/sync/support/tablet.ts';
import { SyncBadge } from './sync-badge.tsx';
import { testSyncClient } from './test-client.ts';

afterEach(() => {
  usePreferences.setState({ locale: 'en' });
});

describe('SyncBadge', () => {
  it('offline: says how many entries wait, in English and Dutch', async () => {
    const bedside = makeBedside({ startIso: '2026-03-02T10:43:00.000Z' });
    await appendRecords(bedside.db, sessionRecords('tablet-test', 9));
    const { client } = testSyncClient(bedside.db, { online: false });
    await client.refresh();
    renderWithBedside(<SyncBadge client={client} />, bedside);
    expect(screen.getByRole('status')).toHaveTextContent('Offline · 12 waiting');
    act(() => {
      usePreferences.setState({ locale: 'nl-BE' });
    });
    expect(screen.getByRole('status')).toHaveTextContent('Offline · 12 wachtend');
  });

  it('after a sync: "Synced" with the time, as a link to the sync screen', async () => {
    const bedside = makeBedside({ startIso: '2026-03-02T10:43:00.000Z' });
    await appendRecords(bedside.db, sessionRecords('tablet-test', 1));
    const { client, center } = testSyncClient(bedside.db);
    renderWithBedside(<SyncBadge client={client} href="#/sync" />, bedside);
    expect(screen.getByRole('link')).toHaveTextContent('Not synced yet');
    await act(() => client.sync());
    expect(center.stored).toHaveLength(4);
    const link = screen.getByRole('link', { name: /Sync status/ });
    expect(link).toHaveTextContent(`Synced ${formatTime('2026-03-02T10:42:00.000Z', 'en')}`);
    expect(link).toHaveAttribute('href', '#/sync');
  });

  it('an entry the center refused: "Sync problem", also while offline', async () => {
    const bedside = makeBedside();
    await appendRecords(bedside.db, sessionRecords('tablet-test', 0, 3, 'nurse-gone'));
    const { client, center } = testSyncClient(bedside.db);
    center.unknownStaff.add('nurse-gone');
    renderWithBedside(<SyncBadge client={client} />, bedside);
    await act(() => client.sync());
    act(() => client.setOnline(false));
    expect(screen.getByRole('status')).toHaveTextContent('Sync problem');
  });
});
