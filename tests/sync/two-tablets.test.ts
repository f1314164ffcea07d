// @vitest-environment node
/**
 * Two tablets (two tablet databases, two enrolled device ids) record offline, come back online,
 * sync through the real server, and each sees the other's records. When both corrected the
 * same record while offline, both corrections are kept (they are different records) and the
 * session derived on each tablet is flagged for review (src/domain/state/effective.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsForSession } from '../../src/db/records-repo.ts';
import { deriveSessionState } from '../../src/domain/state/session-state.ts';
import { startCenter, type Center } from './support/center.ts';
import { faultyFetch } from './support/faulty-fetch.ts';
import {
  addFactoryStaff,
  enrollTablet,
  expectExactlyOnce,
  syncUntilSettled,
  type AnyRecord,
  type Tablet,
} from './support/fleet.ts';

let center: Center;
let staffRecords: AnyRecord[];
beforeEach(async () => {
  center = await startCenter();
  staffRecords = await addFactoryStaff(center);
});
afterEach(async () => {
  await center.dispose();
});

const offlineTablet = async (name: string): Promise<Tablet> => {
  const tablet = await enrollTablet(
    center,
    name,
    faultyFetch(() => 'pass'),
  );
  tablet.net.offline = true;
  return tablet;
};

describe('two tablets', () => {
  it('record whole sessions offline, sync when back online, and each has the other’s records', async () => {
    const a = await offlineTablet('chair-1');
    const b = await offlineTablet('chair-2');
    const patientA = a.factory.patient({ centerPatientNumber: 'KIT-0101' });
    const courseA = a.factory.course(patientA);
    const sessionA = a.factory.completedSession(courseA).records;
    const patientB = b.factory.patient({ centerPatientNumber: 'KIT-0102' });
    const courseB = b.factory.course(patientB);
    const sessionB = b.factory.completedSession(courseB).records;
    await a.write([patientA, courseA, ...sessionA]);
    await b.write([patientB, courseB, ...sessionB]);

    expect(await a.client.sync()).toMatchObject({ kind: 'failed', error: { code: 'offline' } });
    expect(a.client.getStatus().pendingCount).toBe(sessionA.length + 2);
    expect(await center.recordIds()).toHaveLength(staffRecords.length);

    a.net.offline = false;
    b.net.offline = false;
    await syncUntilSettled([a, b]);
    const created = [
      ...staffRecords,
      patientA,
      courseA,
      ...sessionA,
      patientB,
      courseB,
      ...sessionB,
    ];
    await expectExactlyOnce(center, [a, b], created);
    // Each tablet shows the other's patient in its own patient list.
    expect((await a.db.patientIndex.get(patientB.id))?.centerPatientNumber).toBe('KIT-0102');
    expect((await b.db.patientIndex.get(patientA.id))?.centerPatientNumber).toBe('KIT-0101');
  });

  it('both correct the same weight offline: both corrections kept, the session is flagged on both tablets', async () => {
    const a = await enrollTablet(center, 'chair-1');
    const b = await enrollTablet(center, 'chair-2');
    const patient = a.factory.patient();
    const course = a.factory.course(patient);
    const session = a.factory.session(course);
    const weight = a.factory.weight(session, { weightKg: 70 });
    await a.write([patient, course, session, weight]);
    await syncUntilSettled([a, b]);
    expect(await b.db.records.get(weight.id)).toBeDefined();

    a.net.offline = true;
    b.net.offline = true;
    const fromA = a.factory.correction(weight, { weightKg: 71 }, 'Weighed again with shoes off.');
    const fromB = b.factory.correction(weight, { weightKg: 72 }, 'Typed 70 instead of 72.');
    await a.write([fromA]);
    await b.write([fromB]);
    for (const t of [a, b]) {
      // Offline, each tablet sees only its own correction: no conflict yet.
      const state = deriveSessionState(await recordsForSession(t.db, session.id), session.id);
      expect(state.conflicts).toEqual([]);
    }

    a.net.offline = false;
    b.net.offline = false;
    await syncUntilSettled([a, b]);
    await expectExactlyOnce(
      center,
      [a, b],
      [...staffRecords, patient, course, session, weight, fromA, fromB],
    );
    for (const t of [a, b]) {
      const state = deriveSessionState(await recordsForSession(t.db, session.id), session.id);
      expect(state.conflicts, t.name).toEqual([
        expect.objectContaining({
          reason: 'competing-corrections',
          recordId: weight.id,
          correctionIds: [fromA.id, fromB.id].sort(),
        }),
      ]);
      expect(state.needsReview, t.name).toBe(true);
      expect(state.reviewReasons.join(' ')).toMatch(/corrections of the same weight/);
    }
  });
});
