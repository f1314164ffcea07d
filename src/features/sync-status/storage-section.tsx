/**
 * How much of the browser's quota the tablet's records use, and whether the browser keeps them
 * for good (persistent storage), with a button to ask again. Warns before the tablet is full,
 * because a full tablet saves nothing (each form then shows the storage error on its own).
 */
import { useCallback, useEffect, useState } from 'react';
import { formatNumber, formatQuantity } from '../../ui/format.ts';
import { fill, useMessages } from '../../ui/i18n.ts';
import { usePreferences } from '../../ui/preferences.ts';
import { messages } from './messages.ts';
import {
  STORAGE_WARNING_SHARE,
  bytesInUnit,
  readStorageInfo,
  requestPersistentStorage,
  usageShare,
  type StorageInfo,
  type StorageNavigator,
} from './storage.ts';

/** Re-read now and then: entries arrive by sync while the screen is open. */
const REFRESH_MS = 30_000;

type Props = { readonly nav?: StorageNavigator };

export function StorageSection({ nav = navigator }: Props) {
  const t = useMessages(messages);
  const locale = usePreferences((s) => s.locale);
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const refresh = useCallback(() => readStorageInfo(nav).then(setInfo), [nav]);
  useEffect(() => {
    void refresh();
    const id = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(id);
  }, [refresh]);

  const bytes = (n: number) => {
    const { value, unit } = bytesInUnit(n);
    return formatQuantity(value, unit, locale, 1);
  };
  const share = info === null ? null : usageShare(info);
  // A fresh tablet uses a tiny share: "< 0.1 %" rather than a "0 %" that reads as nothing.
  const percent =
    share === null
      ? ''
      : share > 0 && share < 0.001
        ? `< ${formatNumber(0.1, locale)}`
        : formatNumber(share * 100, locale, 1);
  const ask = async () => {
    await requestPersistentStorage(nav);
    await refresh();
  };

  return (
    <section className="card stack" aria-labelledby="sync-storage-heading">
      <h2 id="sync-storage-heading">{t.storageHeading}</h2>
      <dl className="facts">
        <dt>{t.storageUsed}</dt>
        <dd>
          {info === null || info.usageBytes === null || info.quotaBytes === null
            ? t.storageUnknown
            : fill(t.storageUsedValue, {
                used: bytes(info.usageBytes),
                quota: bytes(info.quotaBytes),
                percent,
              })}
        </dd>
        <dt>{t.storageKept}</dt>
        <dd>
          {info?.persisted === true
            ? t.storagePersisted
            : info?.persisted === false
              ? t.storageNotPersisted
              : t.storageUnknown}
        </dd>
      </dl>
      {share !== null && share >= STORAGE_WARNING_SHARE ? (
        <p className="notice notice--urgent" role="alert">
          {fill(t.storageNearlyFull, { percent })}
        </p>
      ) : null}
      {info?.persisted === false ? (
        <div className="row">
          <button type="button" className="btn btn--large" onClick={() => void ask()}>
            {t.storageAsk}
          </button>
        </div>
      ) : null}
    </section>
  );
}
