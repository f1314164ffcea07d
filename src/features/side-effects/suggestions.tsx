/**
 * The catalog's suggested responses for one side effect, labelled as suggestions decided by
 * the anesthesiologist, each with its source ([protocol] = used in the source study,
 * [center default] = this product's default). Tapping one fills the response (and, for a
 * drug, the drug and route; the dose is typed as actually given).
 */
import type { SuggestedResponse } from '../../domain/side-effects.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';

type Props = {
  readonly suggestions: readonly SuggestedResponse[];
  readonly onUse: (s: SuggestedResponse) => void;
};

export function Suggestions({ suggestions, onUse }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <section
      className="notice stack"
      aria-labelledby="se-suggestions-title"
      style={{ gap: '0.5rem' }}
    >
      <h4 id="se-suggestions-title" style={{ margin: 0 }}>
        {t.suggestionHeading}
      </h4>
      <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0, gap: '0.5rem' }}>
        {suggestions.map((s) => {
          const text = locale === 'nl-BE' ? s.textNl : s.text;
          return (
            <li key={s.text} className="row" style={{ justifyContent: 'space-between' }}>
              <span>
                {text}{' '}
                <span className="badge">
                  [{s.source === 'protocol' ? t.sourceProtocol : t.sourceDefault}]
                </span>
              </span>
              <button
                type="button"
                className="btn"
                aria-label={`${t.useSuggestion}: ${text}`}
                onClick={() => onUse(s)}
              >
                {t.useSuggestion}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
