/** The side-effect catalog (protocol.md section 4) as large tiles: one tap picks one. */
import { SIDE_EFFECT_CATALOG, type SideEffectId } from '../../domain/side-effects.ts';
import { useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';

type Props = { readonly onPick: (id: SideEffectId) => void; readonly onCancel: () => void };

export function CatalogTiles({ onPick, onCancel }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  return (
    <div className="stack" role="group" aria-labelledby="se-catalog-title">
      <h3 id="se-catalog-title">{t.chooseEffect}</h3>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))',
          gap: '0.6rem',
        }}
      >
        {SIDE_EFFECT_CATALOG.map((d) => (
          <button
            key={d.id}
            type="button"
            className="btn btn--large"
            style={{ minHeight: '5rem', whiteSpace: 'normal' }}
            onClick={() => onPick(d.id)}
          >
            {locale === 'nl-BE' ? d.labelNl : d.label}
          </button>
        ))}
      </div>
      <button type="button" className="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}
