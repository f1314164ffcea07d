/**
 * Language and dark theme behind one small header button. They are set once per tablet or per
 * shift, and shown in the header they pushed it to three rows in landscape and four in portrait
 * in Dutch, a quarter of the screen above every bedside step.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../ui/i18n.ts';
import { LOCALES, usePreferences, type Locale } from '../ui/preferences.ts';
import { messages } from './messages.ts';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'nl-BE': 'Nederlands' };

export function DisplayMenu() {
  const t = useMessages(messages);
  const { locale, setLocale, theme, setTheme } = usePreferences();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    // A touch anywhere else closes it; Escape closes it and gives the focus back.
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="display-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn display-menu__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">Aa</span>
        <span className="visually-hidden">{t.display}</span>
      </button>
      {open ? (
        <div id={panelId} role="group" aria-label={t.display} className="display-menu__panel">
          <label className="display-menu__row">
            <span>{t.language}</span>
            <select
              className="input"
              value={locale}
              onChange={(e) => setLocale(e.target.value as Locale)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="display-menu__row">
            <input
              type="checkbox"
              role="switch"
              checked={theme === 'dark'}
              onChange={(e) => setTheme(e.target.checked ? 'dark' : 'light')}
            />
            <span>{t.darkTheme}</span>
          </label>
        </div>
      ) : null}
    </div>
  );
}
