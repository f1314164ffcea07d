import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePreferences } from '../ui/preferences.ts';
import { DisplayMenu } from './display-menu.tsx';

describe('header language and theme menu', () => {
  beforeEach(() => {
    usePreferences.setState({ locale: 'en', theme: 'dark' });
  });

  it('opens from one button and sets the language and the theme', async () => {
    const user = userEvent.setup();
    render(<DisplayMenu />);
    const button = screen.getByRole('button', { name: 'Language and theme' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'Language and theme' });
    expect(button).toHaveAttribute('aria-controls', panel.id);

    await user.click(screen.getByRole('switch', { name: 'Dark theme' }));
    expect(usePreferences.getState().theme).toBe('light');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'nl-BE');
    expect(usePreferences.getState().locale).toBe('nl-BE');
    // Its own words follow the language at once.
    expect(screen.getByRole('button', { name: 'Taal en thema' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Taal' })).toHaveValue('nl-BE');
    expect(screen.getByRole('switch', { name: 'Donker thema' })).not.toBeChecked();
  });

  it('closes with Escape, giving the focus back to its button', async () => {
    const user = userEvent.setup();
    render(<DisplayMenu />);
    await user.click(screen.getByRole('button', { name: 'Language and theme' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Language and theme' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Language and theme' })).toHaveFocus();
  });

  it('closes when the screen is touched elsewhere, and stays open while used', async () => {
    const user = userEvent.setup();
    render(
      <>
        <DisplayMenu />
        <p>Page</p>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Language and theme' }));
    await user.click(screen.getByRole('switch', { name: 'Dark theme' }));
    expect(screen.getByRole('group', { name: 'Language and theme' })).toBeInTheDocument();
    await user.click(screen.getByText('Page'));
    expect(screen.queryByRole('group', { name: 'Language and theme' })).not.toBeInTheDocument();
  });
});
