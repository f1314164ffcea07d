/**
 * The sync screen: where the tablet stands with the center, what waits, what went wrong (with
 * Retry), entries the center would not take, the clock warning, enrollment, and the tablet's
 * storage (used / quota, persistent or not).
 */
import { useMessages } from '../../ui/i18n.ts';
import type { SyncClient } from '../../sync/client.ts';
import { EnrollForm } from './enroll-form.tsx';
import { IssuesSection } from './issues-section.tsx';
import { messages } from './messages.ts';
import { StatusSection } from './status-section.tsx';
import { StorageSection } from './storage-section.tsx';
import type { StorageNavigator } from './storage.ts';

export type SyncScreenProps = {
  readonly client: SyncClient;
  /** Default of the enrollment form's server address: the origin the app was loaded from. */
  readonly defaultServerUrl?: string;
  readonly fetch?: typeof fetch;
  readonly onEnrolled?: (deviceId: string) => void;
  /** navigator (default), or a double in tests. */
  readonly storageNav?: StorageNavigator;
};

export function SyncScreen({
  client,
  defaultServerUrl,
  fetch,
  onEnrolled,
  storageNav,
}: SyncScreenProps) {
  const t = useMessages(messages);
  return (
    <section className="stack" aria-labelledby="sync-title">
      <h1 id="sync-title">{t.title}</h1>
      <p className="field__hint">{t.intro}</p>
      <StatusSection client={client} />
      <IssuesSection client={client} />
      <EnrollForm
        client={client}
        defaultServerUrl={defaultServerUrl ?? window.location.origin}
        fetch={fetch ?? ((input, init) => globalThis.fetch(input, init))}
        {...(onEnrolled === undefined ? {} : { onEnrolled })}
      />
      <StorageSection {...(storageNav === undefined ? {} : { nav: storageNav })} />
    </section>
  );
}
