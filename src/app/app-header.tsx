import { useLiveQuery } from 'dexie-react-hooks';
import { ActorSwitcher } from '../features/staff/actor-switcher.tsx';
import { useBedside } from '../ui/bedside-context.tsx';
import { useMessages } from '../ui/i18n.ts';
import { LOCALES, usePreferences, type Locale } from '../ui/preferences.ts';
import { useActorStore } from './actor-store.ts';
import { messages } from './messages.ts';
import { hrefFor, type Route } from './router.ts';
import { UpdatePrompt } from './update-prompt.tsx';
import { useOnline } from './use-online.ts';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'nl-BE': 'Nederlands' };

export function AppHeader({ route }: { readonly route: Route }) {
  const t = useMessages(messages);
  const { locale, setLocale, theme, setTheme } = usePreferences();
  const setActor = useActorStore((s) => s.setStaffId);
  const online = useOnline();
  const { db } = useBedside();
  // Unsaved input lives in drafts until its record is saved: no update while any exists.
  const draftCount = useLiveQuery(() => db.drafts.count(), [db]) ?? 0;
  const section =
    route.name === 'staff' ? 'staff' : route.name === 'settings-in-force' ? 'settings' : 'patients';
  const link = (to: Route, key: typeof section, label: string) => (
    <a href={hrefFor(to)} aria-current={section === key ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <header className="app-header">
        <div className="app-header__title">
          <img src="/favicon.svg" alt="" />
          <span>{t.appName}</span>
        </div>
        <nav className="app-nav" aria-label="Main">
          {link({ name: 'patients' }, 'patients', t.navPatients)}
          {link({ name: 'staff' }, 'staff', t.navStaff)}
          {link({ name: 'settings-in-force' }, 'settings', t.navSettings)}
        </nav>
        <span className={`badge ${online ? 'badge--ok' : 'badge--warning'}`} role="status">
          {online ? t.online : t.offline}
        </span>
        <ActorSwitcher onChoose={setActor} />
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
        <label className="row" style={{ gap: '0.3rem' }}>
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
      <UpdatePrompt canUpdateNow={route.name !== 'session' && draftCount === 0} />
    </>
  );
}
