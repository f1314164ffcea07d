import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { StorageSection } from './storage-section.tsx';
import type { StorageNavigator } from './storage.ts';

function fakeStorage(usage: number, quota: number, persisted: boolean) {
  const state = { persisted, asked: 0 };
  const nav: StorageNavigator = {
    storage: {
      persisted: () => Promise.resolve(state.persisted),
      persist: () => {
        state.asked += 1;
        state.persisted = true;
        return Promise.resolve(true);
      },
      estimate: () => Promise.resolve({ usage, quota }),
    },
  };
  return { nav, state };
}

describe('StorageSection', () => {
  it('shows usage and quota; a person can ask again to keep the storage', async () => {
    const { nav, state } = fakeStorage(2_500_000, 1_200_000_000, false);
    renderWithBedside(<StorageSection nav={nav} />, makeBedside());
    expect(await screen.findByText('2.5 MB of 1.2 GB (0.2 %)')).toBeInTheDocument();
    expect(screen.getByText(/No: the browser may clear it/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Ask to keep the storage' }));
    expect(state.asked).toBe(1);
    expect(await screen.findByText(/Yes: the browser will not clear it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask to keep the storage' })).toBeNull();
  });

  it('warns from 80 % of the quota, not below', async () => {
    const below = fakeStorage(799, 1000, true);
    const { unmount } = renderWithBedside(<StorageSection nav={below.nav} />, makeBedside());
    await screen.findByText(/79.9 %/);
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    const at = fakeStorage(800, 1000, true);
    renderWithBedside(<StorageSection nav={at.nav} />, makeBedside());
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('storage is nearly full (80 % used)'),
    );
  });

  it('shows a tiny share as "< 0.1 %", never as 0', async () => {
    const { nav } = fakeStorage(2_600_000, 5_400_000_000, true);
    renderWithBedside(<StorageSection nav={nav} />, makeBedside());
    expect(await screen.findByText('2.6 MB of 5.4 GB (< 0.1 %)')).toBeInTheDocument();
  });

  it('says "not known" where the browser has no storage API', async () => {
    renderWithBedside(<StorageSection nav={{}} />, makeBedside());
    await waitFor(() => expect(screen.getAllByText('Not known in this browser')).toHaveLength(2));
  });
});
