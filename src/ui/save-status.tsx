/**
 * Tells the nurse plainly whether an entry is stored on the tablet. "Saved" appears only after
 * the IndexedDB transaction committed; a storage error keeps the entry on screen with a retry.
 */
export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'error'; readonly message: string };

type Props = {
  readonly state: SaveState;
  readonly labels: { saving: string; saved: string; retry: string };
  readonly onRetry?: () => void;
};

export function SaveStatus({ state, labels, onRetry }: Props) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') {
    return (
      <p className="field__hint" role="status">
        {labels.saving}
      </p>
    );
  }
  if (state.kind === 'saved') {
    return (
      <p className="badge badge--ok" role="status">
        ✓ {labels.saved}
      </p>
    );
  }
  return (
    <div className="notice notice--urgent row" role="alert">
      <span>{state.message}</span>
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          {labels.retry}
        </button>
      ) : null}
    </div>
  );
}
