/**
 * Whether the answer counts as a favorable outcome, labelled as the registry's definition
 * (protocol.md section 5; isFavorableOutcome): it informs, it does not decide anything here.
 */
import type { OutcomeMessages } from './messages.ts';

type Props = {
  readonly favorable: boolean | null;
  /** Why it cannot be decided (e.g. a stored value off the 0-100 % scale). */
  readonly error?: string | undefined;
  readonly t: OutcomeMessages;
};

export function FavorableNote({ favorable, error, t }: Props) {
  return (
    <section className="card stack" aria-labelledby="favorable-title">
      <h2 id="favorable-title">{t.favorableTitle}</h2>
      <p className="field__hint">{t.favorableDefinition}</p>
      <p
        className={`notice ${favorable === true ? 'notice--ok' : ''}`}
        data-testid="favorable"
        aria-live="polite"
      >
        {error ??
          (favorable === null ? t.favorablePending : favorable ? t.favorableYes : t.favorableNo)}
      </p>
    </section>
  );
}
