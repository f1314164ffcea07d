/**
 * Composes the features. Features never import each other; everything they share comes in
 * through props and the bedside context from here.
 */
import { useEffect, useState } from 'react';
import { LockGate } from '../features/lock/lock-gate.tsx';
import { usePreferences } from '../ui/preferences.ts';
import { useActorStore } from './actor-store.ts';
import { AppHeader } from './app-header.tsx';
import { BedsideRoot } from './bedside-root.tsx';
import { DatabaseReplacedNotice } from './database-replaced.tsx';
import { Screens } from './screens.tsx';
import { useRoute } from './router.ts';
import { SyncRoot } from './sync-root.tsx';

export function App() {
  const route = useRoute();
  const { theme, locale } = usePreferences();
  const [replaced, setReplaced] = useState(false);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
  }, [theme, locale]);
  if (replaced) return <DatabaseReplacedNotice />;
  return (
    <BedsideRoot onDatabaseReplaced={() => setReplaced(true)}>
      <SyncRoot>
        <LockGate onUnlock={(staffId) => useActorStore.getState().setStaffId(staffId)}>
          <div className="app">
            <AppHeader route={route} />
            <main className="app-main" id="main">
              <Screens route={route} />
            </main>
          </div>
        </LockGate>
      </SyncRoot>
    </BedsideRoot>
  );
}
