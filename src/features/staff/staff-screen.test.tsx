import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recordsOfKind } from '../../db/records-repo.ts';
import { makeBedside, renderWithBedside } from '../../../tests/support/render-bedside.tsx';
import { StaffScreen } from './staff-screen.tsx';

describe('StaffScreen', () => {
  it('adds a staff member as a staff-member record authored by who is recording', async () => {
    const onAdded = vi.fn();
    const bedside = makeBedside();
    renderWithBedside(<StaffScreen onAdded={onAdded} />, bedside);
    await userEvent.type(screen.getByLabelText('Name'), 'Els Maes');
    await userEvent.type(screen.getByLabelText('Staff id (center code)'), 'nurse-els');
    await userEvent.click(screen.getByRole('radio', { name: 'Nurse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add staff member' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith('nurse-els'));
    const [stored] = await recordsOfKind(bedside.db, 'staff-member');
    expect(stored?.payload).toEqual({
      staffId: 'nurse-els',
      displayName: 'Els Maes',
      role: 'nurse',
      active: true,
    });
    expect(stored?.authorStaffId).toBe('nurse-an');
    expect(stored?.deviceId).toBe('tablet-test');
    expect(await screen.findByRole('status')).toHaveTextContent('Saved on this tablet');
  });

  it('refuses an empty form with specific messages and stores nothing', async () => {
    const bedside = makeBedside();
    renderWithBedside(<StaffScreen onAdded={() => {}} />, bedside);
    await userEvent.click(screen.getByRole('button', { name: 'Add staff member' }));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      'Enter the name as it should appear on records.',
      'Enter the center staff id: letters, digits, dots or dashes.',
      'Choose the role.',
    ]);
    expect(await recordsOfKind(bedside.db, 'staff-member')).toHaveLength(0);
  });

  it('refuses a staff id that is already on the list', async () => {
    const bedside = makeBedside();
    renderWithBedside(<StaffScreen onAdded={() => {}} />, bedside);
    await userEvent.type(screen.getByLabelText('Name'), 'Another An');
    await userEvent.type(screen.getByLabelText('Staff id (center code)'), 'nurse-an');
    await userEvent.click(screen.getByRole('radio', { name: 'Nurse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This staff id is already on the list.');
    expect(await recordsOfKind(bedside.db, 'staff-member')).toHaveLength(0);
  });
});
