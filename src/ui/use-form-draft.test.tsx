import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../db/drafts.ts';
import { makeBedside, renderWithBedside } from '../../tests/support/render-bedside.tsx';
import { useFormDraft } from './use-form-draft.ts';

function Form() {
  const draft = useFormDraft('test-form', 'session-1', { text: '' });
  return (
    <div>
      <label>
        Text
        <input value={draft.value.text} onChange={(e) => draft.set({ text: e.target.value })} />
      </label>
      <button type="button" onClick={draft.clear}>
        Saved
      </button>
    </div>
  );
}

describe('useFormDraft', () => {
  it('saves what was typed after the debounce, restores it on reopening, and clears it', async () => {
    const bedside = makeBedside();
    const user = userEvent.setup();
    const first = renderWithBedside(<Form />, bedside);
    await user.type(screen.getByLabelText('Text'), '72,5');
    await waitFor(async () =>
      expect((await loadDraft(bedside.db, 'test-form', 'session-1'))?.value).toEqual({
        text: '72,5',
      }),
    );
    first.unmount();

    renderWithBedside(<Form />, bedside);
    await waitFor(() => expect(screen.getByLabelText('Text')).toHaveValue('72,5'));
    await user.click(screen.getByRole('button', { name: 'Saved' }));
    expect(screen.getByLabelText('Text')).toHaveValue('');
    await waitFor(async () =>
      expect(await loadDraft(bedside.db, 'test-form', 'session-1')).toBeUndefined(),
    );
  });

  it('saves at once when the form closes before the debounce', async () => {
    const bedside = makeBedside();
    const user = userEvent.setup();
    const view = renderWithBedside(<Form />, bedside);
    await user.type(screen.getByLabelText('Text'), '7');
    view.unmount();
    await waitFor(async () =>
      expect((await loadDraft(bedside.db, 'test-form', 'session-1'))?.value).toEqual({ text: '7' }),
    );
  });
});
