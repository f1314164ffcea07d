import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendRecords } from '../db/records-repo.ts';
import { makeBedside, renderWithBedside } from '../../tests/support/render-bedside.tsx';
import { createFakeCenter } from '../../tests/sync/support/fake-center.ts';
import { sessionRecords } from '../../tests/sync/support/tablet.ts';
import { AppHeader } from './app-header.tsx';
import { SyncRoot } from './sync-root.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function enroll(bedside: ReturnType<typeof makeBedside>, token: string) {
  await bedside.db.meta.put({
    key: 'deviceAuth',
    value: {
      deviceId: 'tablet-test',
      token,
      baseUrl: '',
      deviceName: 'Chair 1',
      enrolledAt: '2026-03-02T08:00:00.000Z',
    },
  });
}

const badge = () => screen.getByRole('link', { name: /^Sync status:/ });

describe('SyncRoot with the header', () => {
  it('says "Not enrolled" on a new tablet, sends nothing, and links to the sync screen', async () => {
    const center = createFakeCenter();
    vi.stubGlobal('fetch', center.fetch);
    renderWithBedside(
      <SyncRoot>
        <AppHeader route={{ name: 'sync' }} />
      </SyncRoot>,
      makeBedside(),
    );
    await waitFor(() => expect(badge()).toHaveTextContent('Not enrolled'));
    expect(badge()).toHaveAttribute('href', '#/sync');
    expect(screen.getByRole('link', { name: 'Sync' })).toHaveAttribute('aria-current', 'page');
    expect(center.requests).toEqual([]);
  });

  it('shows the real reachability: no connection although the browser says online', async () => {
    const center = createFakeCenter();
    center.override = () => {
      throw new TypeError('Failed to fetch');
    };
    vi.stubGlobal('fetch', center.fetch);
    const bedside = makeBedside();
    await appendRecords(bedside.db, sessionRecords('tablet-test', 1));
    await enroll(bedside, center.token);
    expect(navigator.onLine).toBe(true);
    renderWithBedside(
      <SyncRoot>
        <AppHeader route={{ name: 'patients' }} />
      </SyncRoot>,
      bedside,
    );
    await waitFor(() =>
      expect(badge()).toHaveTextContent('No connection to the center · 4 waiting'),
    );
  });

  it('syncs at start once enrolled, and stops its triggers when unmounted', async () => {
    const center = createFakeCenter();
    vi.stubGlobal('fetch', center.fetch);
    const bedside = makeBedside();
    await appendRecords(bedside.db, sessionRecords('tablet-test', 1));
    await enroll(bedside, center.token);
    const { unmount } = renderWithBedside(
      <SyncRoot>
        <AppHeader route={{ name: 'patients' }} />
      </SyncRoot>,
      bedside,
    );
    await waitFor(() => expect(badge()).toHaveTextContent(/^Synced /));
    expect(center.stored).toHaveLength(4);
    unmount();
    const before = center.requests.length;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(center.requests).toHaveLength(before);
  });
});
