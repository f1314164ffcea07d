/**
 * Composes the features. Features never import each other; everything they share comes in
 * through props from here.
 */
import { useEffect } from 'react';
import { RACEMIC_KETAMINE_V1 } from '../domain/protocols/racemic-ketamine-v1.ts';
import { S_KETAMINE_TEMPLATE } from '../domain/protocols/s-ketamine-template.ts';
import { DEFAULT_CENTER_SETTINGS } from '../domain/settings.ts';
import { SettingsInForceScreen } from '../features/settings-in-force/settings-in-force-screen.tsx';
import { usePreferences } from '../ui/preferences.ts';
import { AppHeader } from './app-header.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useRoute } from './router.ts';

export function App() {
  const route = useRoute();
  const { theme, locale } = usePreferences();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
  }, [theme, locale]);
  return (
    <div className="app">
      <AppHeader route={route} />
      <main className="app-main" id="main">
        <UpdatePrompt canUpdateNow={true} />
        <SettingsInForceScreen
          protocols={[RACEMIC_KETAMINE_V1, S_KETAMINE_TEMPLATE]}
          settings={DEFAULT_CENTER_SETTINGS}
        />
      </main>
    </div>
  );
}
