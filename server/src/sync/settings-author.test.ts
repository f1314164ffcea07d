// @vitest-environment node
/**
 * A settings-version record (a new version of the center settings) is stored only when its
 * author is an administrator of the center, active at the record's clinical time: the tablets'
 * settings screen is offered to admins only, and the server makes that binding. A retried push
 * of a record already stored stays `duplicate` whatever happened to its author since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateStudyCenter } from '../../../src/domain/demo/index.ts';
import { DEMO_ADMIN } from '../../../src/domain/demo/staff.ts';
import type { RecordOfKind } from '../../../src/domain/records.ts';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import { DEFAULT_CENTER_SETTINGS } from '../../../src/domain/settings.ts';
import { pullResponseSchema, pushResponseSchema } from '../../../src/sync/wire.ts';
import type { PushRecordResult } from '../../../src/sync/wire.ts';
import { seedRecords } from '../demo/seed.ts';
import { BOOTSTRAP_ADMIN_ID, loadStaffMap, type StaffRow } from '../staff.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { T0, latestSeq, startTestServer, withStaff } from '../test-support/harness.ts';
import type { Tablet, TestServer } from '../test-support/harness.ts';
import { tabletFactory } from '../test-support/records.ts';
import { contextProblem } from './record-context.ts';

type SettingsRecord = RecordOfKind<'settings-version'>;

function results(response: { statusCode: number; json(): unknown }): PushRecordResult[] {
  expect(response.statusCode).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

/** A new settings version (version 2: a changed default) from this tablet, by `author`. */
function settingsBy(deviceId: string, author: string, clinicalTime?: string): SettingsRecord {
  const settings = { ...DEFAULT_CENTER_SETTINGS, version: DEFAULT_CENTER_SETTINGS.version + 1 };
  return tabletFactory(deviceId).settingsVersion(settings, undefined, {
    authorStaffId: author,
    ...(clinicalTime === undefined ? {} : { clinicalTime, deviceTime: clinicalTime }),
  });
}

describe.each(TEST_DIALECTS)('settings-version records over push ($name)', (dialect) => {
  let server: TestServer;
  let tablet: Tablet;
  let start: number;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await withStaff(server);
    await server.addStaff('admin-1', 'admin');
    start = await latestSeq(server); // after the test staff's own staff-member records
    tablet = await server.enroll();
  });
  afterEach(async () => server.close());

  it('accepts one by an administrator, refuses one by a nurse, an anesthesiologist or an unknown person', async () => {
    const byNurse = settingsBy(tablet.deviceId, 'nurse-1');
    const byAnesthesiologist = settingsBy(tablet.deviceId, 'dr-anesth');
    const byStranger = settingsBy(tablet.deviceId, 'visitor-9');
    const byAdmin = settingsBy(tablet.deviceId, 'admin-1');
    const answers = results(
      await server.push(tablet, [byNurse, byAnesthesiologist, byStranger, byAdmin]),
    );
    expect(answers[0]).toMatchObject({ status: 'invalid', id: byNurse.id, field: 'authorStaffId' });
    expect(answers[1]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[2]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[3]).toMatchObject({ status: 'accepted', id: byAdmin.id });
    // The reason names the record, its kind, the field, who the author is and what to do.
    const reason = answers[0]!.status === 'invalid' ? answers[0]!.reason : '';
    expect(reason).toContain(`Record ${byNurse.id} (settings-version)`);
    expect(reason).toContain('authorStaffId nurse-1 is a nurse');
    expect(reason).toContain('only an administrator may change the center settings');
    expect(answers[1]!.status === 'invalid' && answers[1]!.reason).toContain(
      'dr-anesth is a anesthesiologist',
    );
    expect(answers[2]!.status === 'invalid' && answers[2]!.reason).toContain(
      'visitor-9 is not a staff member',
    );

    // Only the administrator's version is stored and pulled.
    const page = pullResponseSchema.parse((await server.pull(tablet, start)).json());
    expect(page.records.map((r) => r.record.id)).toEqual([byAdmin.id]);
  });

  it("refuses one in the name of the server's bootstrap admin identity", async () => {
    const [answer] = results(
      await server.push(tablet, [settingsBy(tablet.deviceId, BOOTSTRAP_ADMIN_ID)]),
    );
    expect(answer).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
  });

  it('judges activity at the clinical time: made before the admin was deactivated is accepted, after is refused', async () => {
    // Made offline while admin-1 was still active, pushed after the deactivation.
    const before = settingsBy(tablet.deviceId, 'admin-1', '2026-11-25T09:00:00.000Z');
    server.clock.advance(60_000);
    await server.addStaff('admin-1', 'admin', false); // deactivated at the server's now (T0 + 1 min)
    const after = settingsBy(
      tablet.deviceId,
      'admin-1',
      new Date(T0.getTime() + 120_000).toISOString(),
    );
    const answers = results(await server.push(tablet, [before, after]));
    expect(answers[0]).toMatchObject({ status: 'accepted', id: before.id });
    expect(answers[1]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[1]!.status === 'invalid' && answers[1]!.reason).toContain('no longer active');
  });

  it('keeps answering duplicate to a retry after the admin became a nurse or left; a new version by them is refused', async () => {
    const version = settingsBy(tablet.deviceId, 'admin-1');
    expect(results(await server.push(tablet, [version]))[0]!.status).toBe('accepted');
    server.clock.advance(1000);
    await server.addStaff('admin-1', 'nurse');
    expect(results(await server.push(tablet, [version]))[0]).toMatchObject({
      status: 'duplicate',
      id: version.id,
    });
    await server.addStaff('admin-1', 'nurse', false);
    expect(results(await server.push(tablet, [version]))[0]!.status).toBe('duplicate');
    const [late] = results(await server.push(tablet, [settingsBy(tablet.deviceId, 'admin-1')]));
    expect(late).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
  });

  it('refuses a correction of a settings version by a nurse (a correction is a settings-version too)', async () => {
    const version = settingsBy(tablet.deviceId, 'admin-1');
    expect(results(await server.push(tablet, [version]))[0]!.status).toBe('accepted');
    const correction = tabletFactory(tablet.deviceId).correction(
      version,
      { settings: { ...version.payload.settings } },
      'Typed the wrong default.',
      { authorStaffId: 'nurse-1' },
    );
    const [answer] = results(await server.push(tablet, [correction]));
    expect(answer).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
  });
});

noticePostgresSkipped('settings-version records over push');

describe('contextProblem for settings-version records (no database)', () => {
  const f = createRecordFactory({
    deviceId: 'tablet-1',
    seed: 3,
    startAt: '2026-03-01T10:00:00.000Z',
  });
  const at = '2026-03-01T10:00:00.000Z';
  const record = f.settingsVersion(DEFAULT_CENTER_SETTINGS, undefined, {
    authorStaffId: 'ann',
    clinicalTime: at,
    deviceTime: at,
  });
  const staff = (row: Partial<StaffRow>) =>
    new Map<string, StaffRow>([
      [
        'ann',
        {
          staffId: 'ann',
          displayName: 'Ann',
          role: 'admin',
          active: true,
          deactivatedAt: null,
          ...row,
        },
      ],
      [
        'bo',
        { staffId: 'bo', displayName: 'Bo', role: 'nurse', active: true, deactivatedAt: null },
      ],
    ]);

  it('an active admin may; a nurse or an anesthesiologist may not', () => {
    expect(contextProblem(record, 'tablet-1', staff({}))).toBeNull();
    expect(contextProblem(record, 'tablet-1', staff({ role: 'nurse' }))).toMatchObject({
      field: 'authorStaffId',
    });
    expect(contextProblem(record, 'tablet-1', staff({ role: 'anesthesiologist' }))).toMatchObject({
      field: 'authorStaffId',
    });
  });

  it('deactivation boundary: 1 ms after the clinical time is fine; at or before it is refused', () => {
    const deactivated = (deactivatedAt: string) =>
      contextProblem(record, 'tablet-1', staff({ active: false, deactivatedAt }));
    expect(deactivated('2026-03-01T10:00:00.001Z')).toBeNull();
    expect(deactivated(at)).toMatchObject({ field: 'authorStaffId' });
    expect(deactivated('2026-03-01T09:59:59.999Z')).toMatchObject({ field: 'authorStaffId' });
  });
});

describe.each(TEST_DIALECTS)('the demo center and the settings rule ($name)', (dialect) => {
  it('its settings versions are authored by its administrator and would be accepted if pushed', async () => {
    const center = generateStudyCenter({ seed: 1 });
    if (!center.ok) throw new Error(center.error.message);
    // The center-level records (staff and settings) are all the rule looks at.
    const centerRecords = center.value.records.filter((r) => r.patientId === null);
    const versions = centerRecords.filter((r) => r.kind === 'settings-version');
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((r) => r.authorStaffId === DEMO_ADMIN.staffId)).toBe(true);
    expect(DEMO_ADMIN.role).toBe('admin');

    const server = await startTestServer(dialect);
    try {
      const seeded = await seedRecords(server.db, centerRecords, { now: T0, actor: 'test' });
      expect(seeded.invalid).toEqual([]);
      const staffMap = await loadStaffMap(server.db.reader);
      for (const v of versions) expect(contextProblem(v, v.deviceId, staffMap)).toBeNull();
    } finally {
      await server.close();
    }
  }, 60_000);
});
