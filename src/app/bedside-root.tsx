/**
 * Opens the tablet database once, works out the device id, the center configuration and the
 * staff list from stored records, and provides them to every screen.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { systemClock } from '../db/clock.ts';
import { openKitDatabase, type KitDatabase } from '../db/database.ts';
import { createRecordWriter } from '../db/record-writer.ts';
import { recordsOfKind } from '../db/records-repo.ts';
import { BedsideProvider, type Bedside } from '../ui/bedside-context.tsx';
import { useActorStore } from './actor-store.ts';
import { centerConfigFrom, staffFrom } from './center-config.ts';
import { startRegistryWarmUp } from './registry-warm-up.ts';
import { withStorageAlarm } from './storage-alarm.tsx';

const clock = systemClock();

async function deviceIdOf(db: KitDatabase): Promise<string> {
  const stored = await db.meta.get('deviceId');
  if (typeof stored?.value === 'string') return stored.value;
  const id = `tablet-${clock.newRecordId().slice(-12)}`;
  await db.meta.put({ key: 'deviceId', value: id });
  return id;
}

type Props = { readonly children: ReactNode; readonly onDatabaseReplaced: () => void };

export function BedsideRoot({ children, onDatabaseReplaced }: Props) {
  const [db] = useState(() => openKitDatabase(undefined, { onVersionChange: onDatabaseReplaced }));
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  useEffect(() => {
    deviceIdOf(db).then(setDeviceId, (e: unknown) => setStartError(String(e)));
  }, [db]);
  // The registry cache, filled in the background after updates and large syncs.
  useEffect(() => {
    const warmUp = startRegistryWarmUp({ db, nowIso: () => clock.nowIso() });
    return () => warmUp.stop();
  }, [db]);
  const versions = useLiveQuery(() => recordsOfKind(db, 'settings-version'), [db]);
  const staffRecords = useLiveQuery(() => recordsOfKind(db, 'staff-member'), [db]);
  const actorId = useActorStore((s) => s.staffId);
  // Enrollment can give the tablet another device id (sync/enrollment.ts): new records follow it.
  const enrolledDeviceId = useLiveQuery(async () => {
    const stored = (await db.meta.get('deviceId'))?.value;
    return typeof stored === 'string' ? stored : null;
  }, [db]);
  const currentDeviceId = enrolledDeviceId ?? deviceId;

  const bedside = useMemo<Bedside | null>(() => {
    if (!currentDeviceId || !versions || !staffRecords) return null;
    const config = centerConfigFrom(versions);
    const staff = staffFrom(staffRecords);
    const actor = staff.find((s) => s.staffId === actorId && s.active) ?? null;
    return {
      db,
      clock,
      deviceId: currentDeviceId,
      writer: withStorageAlarm(createRecordWriter(db, clock, currentDeviceId)),
      staff,
      actor,
      ...config,
    };
  }, [db, currentDeviceId, versions, staffRecords, actorId]);

  if (startError) {
    return (
      <p className="notice notice--urgent" role="alert">
        The tablet's storage cannot be opened: {startError}. Reload the page; if it keeps happening,
        call support.
      </p>
    );
  }
  if (!bedside) return <p role="status">Opening the tablet's records…</p>;
  return <BedsideProvider value={bedside}>{children}</BedsideProvider>;
}
