import { useMessages } from '../ui/i18n.ts';
import { LOCALES, usePreferences, type Locale } from '../ui/preferences.ts';
import { messages } from './messages.ts';
import { hrefFor, type Route } from './router.ts';
import { useOnline } from './use-online.ts';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'nl-BE': 'Nederlands (België)' };

export function AppHeader({ route }: { route: Route }) {
  const t = useMessages(messages);
  const { locale, setLocale, theme, setTheme } = usePreferences();
  const online = useOnline();
  return (
    <header className="app-header">
      <div className="app-header__title">
        <img src="/favicon.svg" alt="" />
        {t.appName}
      </div>
      <nav className="app-nav" aria-label="Main">
        <a
          href={hrefFor({ name: 'settings-in-force' })}
          aria-current={
            route.name === 'settings-in-force' || route.name === 'home' ? 'page' : undefined
          }
        >
          {t.navSettings}
        </a>
      </nav>
      <span className={`badge ${online ? 'badge--ok' : 'badge--warning'}`} role="status">
        {online ? t.online : t.offline}
      </span>
      <label className="row">
        <span className="visually-hidden">{t.language}</span>
        <select
          className="input"
          aria-label={t.language}
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
      <label className="row">
        <input
          type="checkbox"
          role="switch"
          checked={theme === 'dark'}
          onChange={(e) => setTheme(e.target.checked ? 'dark' : 'light')}
          style={{ width: 28, height: 28 }}
        />
        {t.darkTheme}
      </label>
    </header>
  );
}
