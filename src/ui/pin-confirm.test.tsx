import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeBedside, renderWithBedside, seedPin } from '../../tests/support/render-bedside.tsx';
import { PinConfirm } from './pin-confirm.tsx';

async function setup(props: { disabled?: boolean; staffId?: string | null } = {}) {
  const bedside = makeBedside();
  await seedPin(bedside.db, 'dr-jan', '2580');
  const onConfirmed = vi.fn(() => Promise.resolve());
  renderWithBedside(
    <PinConfirm
      staffId={props.staffId === undefined ? 'dr-jan' : props.staffId}
      staffName="Dr. Jan Vermeulen"
      pinLabel="PIN of Dr. Jan Vermeulen"
      confirmLabel="Sign"
      disabled={props.disabled ?? false}
      onConfirmed={onConfirmed}
    />,
    bedside,
  );
  return { bedside, onConfirmed, user: userEvent.setup() };
}

describe('PinConfirm', () => {
  it('runs the act only after the right PIN; a wrong one is counted and does nothing', async () => {
    const { bedside, onConfirmed, user } = await setup();
    await user.type(screen.getByLabelText('PIN of Dr. Jan Vermeulen'), '2581');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong PIN. Tries left before a 5-minute lockout: 4.',
    );
    expect(onConfirmed).not.toHaveBeenCalled();
    expect((await bedside.db.staffPins.get('dr-jan'))?.failedAttempts).toBe(1);

    await user.type(screen.getByLabelText('PIN of Dr. Jan Vermeulen'), '2580{Enter}');
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('PIN of Dr. Jan Vermeulen')).toHaveValue('');
  });

  it('does nothing while disabled or when nobody is chosen', async () => {
    const { user, onConfirmed } = await setup({ disabled: true });
    await user.type(screen.getByLabelText('PIN of Dr. Jan Vermeulen'), '2580{Enter}');
    expect(screen.getByRole('button', { name: 'Sign' })).toBeDisabled();
    expect(onConfirmed).not.toHaveBeenCalled();
  });

  it('without a chosen person there is no PIN field and the button is disabled', async () => {
    await setup({ staffId: null });
    expect(screen.queryByLabelText(/PIN of/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign' })).toBeDisabled();
  });
});
