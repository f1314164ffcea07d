import { useLiveQuery } from 'dexie-react-hooks';
import { LockButton } from '../features/lock/lock-button.tsx';
import { SyncBadge } from '../features/sync-status/sync-badge.tsx';
import { useBedside } from '../ui/bedside-context.tsx';
import { useMessages } from '../ui/i18n.ts';
import { centerMessages } from './center-nav.tsx';
import { DisplayMenu } from './display-menu.tsx';
import { messages } from './messages.ts';
import { hrefFor, type Route } from './router.ts';
import { UpdatePrompt } from './update-prompt.tsx';
import { StorageFullNotice } from './storage-alarm.tsx';
import { useSyncClient } from './sync-root.tsx';

export function AppHeader({ route }: { readonly route: Route }) {
  const t = useMessages(messages);
  const tc = useMessages(centerMessages);
  const syncClient = useSyncClient();
  const { db, staff } = useBedside();
  // Unsaved input lives in drafts until its record is saved: no update while any exists.
  const draftCount = useLiveQuery(() => db.drafts.count(), [db]) ?? 0;
  // A fresh tablet shows the staff screen whatever the route (screens.tsx): highlight that.
  const onStaffScreen =
    route.name === 'staff' ||
    (staff.length === 0 && route.name !== 'sync' && route.name !== 'settings-in-force');
  const section = onStaffScreen
    ? 'staff'
    : route.name === 'settings-in-force'
      ? 'settings'
      : route.name === 'sync'
        ? 'sync'
        : route.name === 'center'
          ? 'center'
          : 'patients';
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
          <span className="app-header__name">{t.appName}</span>
        </div>
        <nav className="app-nav" aria-label="Main">
          {link({ name: 'patients' }, 'patients', t.navPatients)}
          {link({ name: 'staff' }, 'staff', t.navStaff)}
          {link({ name: 'settings-in-force' }, 'settings', t.navSettings)}
          {link({ name: 'sync' }, 'sync', t.navSync)}
          {link({ name: 'center', view: 'follow-up' }, 'center', tc.navCenter)}
        </nav>
        <DisplayMenu />
        {/* The second row, by design (not by wrapping, which made three rows in Dutch): the
            state of the tablet, and who is recording. */}
        <div className="app-header__status">
          {/* From the sync client's real requests, not navigator.onLine (see sync-root.tsx). */}
          <span role="status" className="app-header__sync">
            <SyncBadge client={syncClient} href={hrefFor({ name: 'sync' })} />
          </span>
          {/* Who is recording, and the quick user switch (the lock screen asks for a PIN). */}
          <LockButton />
        </div>
      </header>
      <StorageFullNotice />
      <UpdatePrompt canUpdateNow={route.name !== 'session' && draftCount === 0} />
    </>
  );
}
