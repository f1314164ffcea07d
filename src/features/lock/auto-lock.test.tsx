import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBedside, seedPin } from '../../../tests/support/render-bedside.tsx';
import { DEFAULT_CENTER_SETTINGS } from '../../domain/settings.ts';
import { renderGate, resetLockStore, startUnlocked } from './test-harness.tsx';

const MIN = 60_000;
// setImmediate stays real: fake-indexeddb schedules its work with it.
const fakeTimers = () =>
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const isLocked = () => screen.queryByRole('dialog', { name: 'Tablet locked' }) !== null;

beforeEach(resetLockStore);
afterEach(() => vi.useRealTimers());

describe('auto-lock after inactivity', () => {
  it('locks after 5 min without a touch, keeps the typed value, and the same nurse unlocks', async () => {
    const bedside = makeBedside();
    await seedPin(bedside.db, 'nurse-an', '2580');
    fakeTimers();
    startUnlocked('nurse-an');
    renderGate(bedside);
    const field = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.pointerDown(field);
    fireEvent.change(field, { target: { value: 'BP 128/82, half typed' } });

    advance(4 * MIN);
    fireEvent.keyDown(field, { key: 'a' }); // activity: the 5 minutes start again
    advance(4 * MIN + 59_000);
    expect(isLocked()).toBe(false);
    advance(1000);
    expect(isLocked()).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Note' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('BP 128/82, half typed');

    // Let the lock screen's database query finish before handing back the real timers.
    await act(() => vi.advanceTimersByTimeAsync(1000));
    vi.useRealTimers();
    // It opens on the PIN pad of the person who was using the tablet.
    expect(await screen.findByRole('heading', { name: 'PIN for An Peeters' })).toBeInTheDocument();
    expect(
      screen.getByText('Locked after 5 min without use. Nothing typed was lost.'),
    ).toBeVisible();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('PIN'), '2580{Enter}');
    await waitFor(() => expect(isLocked()).toBe(false));
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('BP 128/82, half typed');
  });

  it('uses the center setting autoLockMinutes', () => {
    fakeTimers();
    startUnlocked('nurse-an');
    renderGate(makeBedside({ settings: { ...DEFAULT_CENTER_SETTINGS, autoLockMinutes: 2 } }));
    advance(2 * MIN - 1);
    expect(isLocked()).toBe(false);
    advance(1);
    expect(isLocked()).toBe(true);
  });

  it('locks at once when the tablet wakes after sleeping past the limit', () => {
    fakeTimers();
    startUnlocked('nurse-an');
    renderGate();
    // The device slept: the clock moved on but no timer ran.
    vi.setSystemTime(Date.now() + 30 * MIN);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(isLocked()).toBe(true);
  });

  it('a reload within the limit stays unlocked; a reload after it starts locked', () => {
    fakeTimers();
    startUnlocked('nurse-an', Date.now() - 4 * MIN);
    const first = renderGate();
    expect(isLocked()).toBe(false);
    first.unmount();
    startUnlocked('nurse-an', Date.now() - 6 * MIN);
    renderGate();
    expect(isLocked()).toBe(true);
  });
});
