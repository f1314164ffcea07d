/**
 * Enroll this tablet: server address (defaults to the origin the app came from), the one-time
 * code from an administrator, and a name for the tablet. The device token the server returns
 * is stored on the tablet and never shown.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { fill, useMessages } from '../../ui/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import type { SyncClient } from '../../sync/client.ts';
import { enrollDevice, loadDeviceAuth, type EnrollResult } from '../../sync/enrollment.ts';
import { enrollErrorText } from './error-text.ts';
import { messages } from './messages.ts';
import { useSyncStatus } from './use-sync-status.ts';

export type EnrollFormProps = {
  readonly client: SyncClient;
  readonly defaultServerUrl: string;
  readonly fetch: typeof fetch;
  /** The tablet's device id changed: the app should use it for new entries. */
  readonly onEnrolled?: (deviceId: string) => void;
};

type Failure = Extract<EnrollResult, { ok: false }>;

export function EnrollForm({ client, defaultServerUrl, fetch, onEnrolled }: EnrollFormProps) {
  const t = useMessages(messages);
  const { needsEnrollment } = useSyncStatus(client);
  const enrolledName = useLiveQuery(
    async () => (await loadDeviceAuth(client.db))?.deviceName ?? null,
    [client.db],
  );
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setDone(false);
    const result = await enrollDevice({
      db: client.db,
      fetch,
      baseUrl: serverUrl,
      code,
      deviceName,
    });
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setFailure(null);
    setCode('');
    setDone(true);
    onEnrolled?.(result.deviceId);
    void client.sync('manual');
  }

  const errorFor = (field: Failure['field']) =>
    failure !== null && failure.field === field ? enrollErrorText(failure, t) : null;
  // Unfolded while the stored name is still being read (undefined): a tablet that is not
  // enrolled keeps its form where it is, so typing that starts before the read ends is never
  // lost to a form that moves (an enrolled tablet folds it once the name is read).
  const open = needsEnrollment || enrolledName === null || enrolledName === undefined;

  const form = (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t.enrollIntro}</p>
      <TextField
        label={t.serverAddress}
        value={serverUrl}
        onChange={setServerUrl}
        hint={t.serverAddressHint}
        error={errorFor('baseUrl')}
      />
      <TextField
        label={t.code}
        value={code}
        onChange={setCode}
        error={errorFor('code')}
        maxLength={64}
      />
      <TextField
        label={t.deviceName}
        value={deviceName}
        onChange={setDeviceName}
        hint={t.deviceNameHint}
        error={errorFor('deviceName')}
        maxLength={80}
      />
      {failure !== null && failure.field === null ? (
        <p className="notice notice--urgent" role="alert">
          {enrollErrorText(failure, t)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
          {busy ? t.enrolling : t.enroll}
        </button>
      </div>
    </form>
  );

  return (
    <section className="card stack" aria-labelledby="sync-enroll-heading">
      <h2 id="sync-enroll-heading">{enrolledName ? t.enrollmentHeading : t.enrollHeading}</h2>
      {enrolledName ? <p>{fill(t.enrolledAs, { name: enrolledName })}</p> : null}
      {done ? (
        <p className="notice notice--ok" role="status">
          {t.enrolled}
        </p>
      ) : null}
      {/* Enrolled and accepted: enrolling again (a new code) stays one tap away, folded. */}
      {open ? (
        form
      ) : (
        <details>
          {/* Padding makes the one-line summary a full 48 px touch target. */}
          <summary style={{ padding: '0.8rem 0', cursor: 'pointer' }}>{t.reenroll}</summary>
          {form}
        </details>
      )}
    </section>
  );
}
