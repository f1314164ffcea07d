/**
 * The header's sync badge: "Offline · 12 waiting", "Synced 10:42", "Sync problem". A link to
 * the sync screen when `href` is given. Text, not colour alone, carries the state.
 */
import { fill, useMessages } from '../../ui/i18n.ts';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { usePreferences, type Locale } from '../../ui/preferences.ts';
import { useNow } from '../../ui/use-now.ts';
import type { SyncClient } from '../../sync/client.ts';
import { badgeState, type BadgeState } from './badge-state.ts';
import { messages, type SyncMessages } from './messages.ts';
import { useSyncStatus } from './use-sync-status.ts';

/** "10:42" today, date and time otherwise. */
export function syncTime(iso: string, now: Date, locale: Locale): string {
  const sameDay = new Date(iso).toDateString() === now.toDateString();
  return sameDay ? formatTime(iso, locale) : formatDateTime(iso, locale);
}

function label(state: BadgeState, t: SyncMessages, now: Date, locale: Locale): string {
  switch (state.kind) {
    case 'not-enrolled':
      return t.badgeNotEnrolled;
    case 'problem':
      return t.badgeProblem;
    case 'offline':
      return state.count > 0 ? fill(t.badgeOffline, { count: state.count }) : t.badgeOfflineNone;
    case 'unreachable':
      return fill(t.badgeUnreachable, { count: state.count });
    case 'syncing':
      return t.badgeSyncing;
    case 'waiting':
      return fill(t.badgeWaiting, { count: state.count });
    case 'synced':
      return fill(t.badgeSynced, { time: syncTime(state.at, now, locale) });
    case 'never':
      return t.badgeNever;
  }
}

type Props = { readonly client: SyncClient; readonly href?: string };

export function SyncBadge({ client, href }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const now = useNow(30_000);
  const state = badgeState(useSyncStatus(client));
  const text = label(state, t, now, locale);
  const className = `badge badge--${state.tone}`;
  const aria = fill(t.badgeLabel, { status: text });
  return href === undefined ? (
    <span className={className} role="status" aria-label={aria}>
      {text}
    </span>
  ) : (
    <a className={className} href={href} aria-label={aria}>
      {text}
    </a>
  );
}
