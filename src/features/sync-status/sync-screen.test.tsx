import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { appendRecords } from '../../db/records-repo.ts';
import { outboxCount } from '../../db/sync-repo.ts';
import { loadDeviceAuth } from '../../sync/enrollment.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { json } from '../../../tests/sync/support/fake-center.ts';
import { sessionRecords } from '../../../tests/sync/support/tablet.ts';
import { SyncScreen } from './sync-screen.tsx';
import { testSyncClient } from './test-client.ts';
import { requestUrl } from '../../../tests/support/request-url.ts';

const TOKEN = 'secret-token-0123456789abcdefghijklmnopqrstuv';

describe('SyncScreen', () => {
  it('shows what waits and the error, and Retry sends everything once the center answers', async () => {
    const bedside = makeBedside();
    await appendRecords(bedside.db, sessionRecords('tablet-test', 2));
    const { client, center } = testSyncClient(bedside.db);
    center.override = () => {
      throw new TypeError('Failed to fetch');
    };
    renderWithBedside(
      <SyncScreen client={client} defaultServerUrl="http://center.test" />,
      bedside,
    );
    await act(() => client.sync());
    expect(screen.getByText('5 entries')).toBeInTheDocument();
    expect(screen.getByText('Never')).toBeInTheDocument();
    // The browser says online; the failed request says otherwise.
    expect(screen.getByText('Online, but the center does not answer')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'The center cannot be reached. Entries stay safe on this tablet',
    );
    expect(alert).toHaveTextContent('The tablet tries again by itself at');

    center.override = null;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    // The error clears when the push is answered; the sync (and so the disabled
    // button) ends only after the pull that follows it. Wait for both.
    await waitFor(() => {
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();
      expect(screen.getByText('0 entries')).toBeInTheDocument();
    });
    expect(screen.getByText('Online')).toBeInTheDocument();
    expect(center.stored).toHaveLength(5);
  });

  it('lists conflicts and refused entries with their reasons; Retry sends the refused ones again', async () => {
    const bedside = makeBedside();
    const [conflicting, ...mine] = sessionRecords('tablet-test', 0, 1);
    const refused = sessionRecords('tablet-test', 0, 2, 'nurse-new');
    await appendRecords(bedside.db, [conflicting!, ...mine, ...refused]);
    const { client, center } = testSyncClient(bedside.db);
    center.stored.push({ serverSeq: 1, record: { ...conflicting!, authorStaffId: 'other' } });
    center.unknownStaff.add('nurse-new');
    renderWithBedside(<SyncScreen client={client} defaultServerUrl="" />, bedside);
    await act(() => client.sync());

    const conflicts = screen.getByRole('region', { name: 'Entries in conflict' });
    expect(within(conflicts).getAllByRole('row')).toHaveLength(2);
    expect(conflicts).toHaveTextContent(conflicting!.id);
    expect(conflicts).toHaveTextContent(`record ${conflicting!.id} differs`);
    const failures = screen.getByRole('region', { name: 'Entries the center refused' });
    expect(within(failures).getAllByRole('row')).toHaveLength(4);
    expect(failures).toHaveTextContent('authorStaffId is not a staff member of this center');

    center.unknownStaff.clear(); // the admin added the staff member at the center
    await userEvent.click(screen.getByRole('button', { name: 'Retry refused entries' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Entries the center refused' })).toBeNull(),
    );
    expect(screen.getByRole('region', { name: 'Entries in conflict' })).toBeInTheDocument();
    await waitFor(async () => expect(await outboxCount(bedside.db)).toBe(0));
    expect(center.stored).toHaveLength(6);
    // The conflicting entry was never sent again: the center's copy is the one it had.
    expect(center.stored.filter((s) => s.record.id === conflicting!.id)).toEqual([
      { serverSeq: 1, record: { ...conflicting!, authorStaffId: 'other' } },
    ]);
    expect(await bedside.db.records.count()).toBe(6); // nothing dropped
  });

  it('warns when the tablet clock is more than 2 minutes off', async () => {
    const bedside = makeBedside();
    const { client, center } = testSyncClient(bedside.db);
    center.serverTime = '2026-03-02T10:35:00.000Z'; // the tablet (10:42) is 7 minutes ahead
    renderWithBedside(<SyncScreen client={client} defaultServerUrl="" />, bedside);
    await act(() => client.sync());
    expect(screen.getByRole('alert')).toHaveTextContent(
      "This tablet's clock is 7 minutes ahead of the center's clock.",
    );
  });

  it('enrolls the tablet with a one-time code; the token is stored, never shown', async () => {
    const bedside = makeBedside();
    const { client } = testSyncClient(bedside.db, { enrolled: false });
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(
        json(201, { serverTime: '2026-03-02T10:42:00.000Z', deviceId: 'dev-7', token: TOKEN }),
      ),
    );
    const onEnrolled = vi.fn();
    renderWithBedside(
      <SyncScreen
        client={client}
        defaultServerUrl="https://center.example"
        fetch={fetch}
        onEnrolled={onEnrolled}
      />,
      bedside,
    );
    await act(() => client.sync());
    expect(screen.getByLabelText('Server address')).toHaveValue('https://center.example');
    await userEvent.type(screen.getByLabelText('One-time code'), '7KQ2-M9XD-4TPV');
    await userEvent.type(screen.getByLabelText('Tablet name'), 'Chair 3');
    await userEvent.click(screen.getByRole('button', { name: 'Enroll this tablet' }));

    expect(
      await screen.findByText(
        'Enrolled. Entries made from now on carry this tablet’s new identity.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('This tablet is enrolled with the center as “Chair 3”.'),
    ).toBeInTheDocument();
    expect(onEnrolled).toHaveBeenCalledWith('dev-7');
    expect(requestUrl(fetch.mock.calls[0]![0])).toBe('https://center.example/api/devices/enroll');
    expect(await loadDeviceAuth(bedside.db)).toMatchObject({
      deviceId: 'dev-7',
      token: TOKEN,
      deviceName: 'Chair 3',
    });
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('says why an enrollment failed, next to the field to fix, and stores nothing', async () => {
    const bedside = makeBedside();
    const { client } = testSyncClient(bedside.db, { enrolled: false });
    const fetch = () =>
      Promise.resolve(
        json(400, {
          serverTime: '2026-03-02T10:42:00.000Z',
          error: { code: 'enrollment-code-used', message: 'used' },
        }),
      );
    renderWithBedside(<SyncScreen client={client} defaultServerUrl="" fetch={fetch} />, bedside);
    await userEvent.type(screen.getByLabelText('One-time code'), 'ABCD');
    await userEvent.type(screen.getByLabelText('Tablet name'), 'Chair 1');
    await userEvent.click(screen.getByRole('button', { name: 'Enroll this tablet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This code was already used: each code enrolls one tablet. Ask for a new one.',
    );
    expect(screen.getByLabelText('One-time code')).toHaveAttribute('aria-invalid', 'true');
    expect(await loadDeviceAuth(bedside.db)).toBeNull();
  });

  it('an enrolled tablet names itself and keeps enrolling again folded away', async () => {
    const bedside = makeBedside();
    await bedside.db.meta.put({
      key: 'deviceAuth',
      value: {
        deviceId: 'tablet-test',
        token: TOKEN,
        baseUrl: '',
        deviceName: 'Chair 2',
        enrolledAt: '2026-03-02T10:00:00.000Z',
      },
    });
    const { client } = testSyncClient(bedside.db);
    renderWithBedside(<SyncScreen client={client} defaultServerUrl="" />, bedside);
    await act(() => client.sync());
    expect(await screen.findByRole('heading', { name: 'Enrollment' })).toBeInTheDocument();
    expect(screen.getByText('This tablet is enrolled with the center as “Chair 2”.')).toBeVisible();
    expect(screen.getByText('Enroll again with a new code')).toBeVisible();
    expect(screen.getByLabelText('One-time code')).not.toBeVisible();
  });

  it('a tablet the center no longer accepts is told to enroll again', async () => {
    const bedside = makeBedside();
    const { client, center } = testSyncClient(bedside.db);
    center.override = () =>
      json(401, {
        serverTime: '2026-03-02T10:42:00.000Z',
        error: { code: 'device-revoked', message: 'revoked' },
      });
    renderWithBedside(<SyncScreen client={client} defaultServerUrl="" />, bedside);
    await act(() => client.sync());
    expect(screen.getByRole('alert')).toHaveTextContent('This tablet must be enrolled again');
    // The enrollment form is open, ready for a new code.
    expect(screen.getByLabelText('One-time code')).toBeVisible();
  });
});
