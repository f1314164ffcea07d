// @vitest-environment node
/**
 * Staff are staff-member records; the `staff` table is their projection, written in the same
 * transaction. Through HTTP, on every configured dialect.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClinicalRecord } from '../../src/domain/records.ts';
import {
  pullResponseSchema,
  pushResponseSchema,
  staffListResponseSchema,
} from '../../src/sync/wire.ts';
import type { PushRecordResult } from '../../src/sync/wire.ts';
import { buildServer } from './app.ts';
import { sha256Hex } from './auth/tokens.ts';
import { migrateToLatest } from './db/migrate.ts';
import { BOOTSTRAP_ADMIN_ID, SERVER_DEVICE_ID } from './staff.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from './test-support/databases.ts';
import { ADMIN_TOKEN, T0, latestSeq, startTestServer, withStaff } from './test-support/harness.ts';
import type { Tablet, TestServer } from './test-support/harness.ts';
import { makeRecord, tabletFactory } from './test-support/records.ts';

function results(response: { statusCode: number; json(): unknown }): PushRecordResult[] {
  expect(response.statusCode).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

type Member = { staffId: string; displayName: string; role: string; active: boolean };

describe.each(TEST_DIALECTS)('staff as staff-member records ($name)', (dialect) => {
  let server: TestServer;
  let tablet: Tablet;
  let start: number;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    start = await withStaff(server);
    await server.addStaff('admin-1', 'admin');
    tablet = await server.enroll();
  });
  afterEach(async () => server.close());

  const staffRow = (staffId: string) =>
    server.db.kysely
      .selectFrom('staff')
      .selectAll()
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
  const listed = async () =>
    staffListResponseSchema.parse(
      (await server.app.inject({ method: 'GET', url: '/api/staff', headers: tablet.auth })).json(),
    ).staff;
  const postStaff = (payload: object) =>
    server.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: server.admin,
      payload,
    });
  const staffMember = (payload: Member, base: Record<string, unknown> = {}) =>
    tabletFactory(tablet.deviceId).staffMember(payload as never, {
      deviceId: tablet.deviceId,
      authorStaffId: 'admin-1',
      ...base,
    });

  it('the admin API stores a staff-member record by the bootstrap admin, which tablets pull', async () => {
    const created = await postStaff({
      staffId: 'an-peeters',
      displayName: 'Dr. An Peeters',
      role: 'anesthesiologist',
    });
    expect(created.statusCode).toBe(201);
    const { recordId, serverSeq } = created.json<{ recordId: string; serverSeq: number }>();
    const page = pullResponseSchema.parse((await server.pull(tablet, start)).json());
    const pulled = page.records.find((r) => r.record.id === recordId);
    expect(pulled?.serverSeq).toBe(serverSeq);
    const record = parseClinicalRecord(pulled?.record);
    expect(record.ok && record.value).toMatchObject({
      kind: 'staff-member',
      authorStaffId: BOOTSTRAP_ADMIN_ID,
      deviceId: SERVER_DEVICE_ID,
      patientId: null,
      sessionId: null,
      clinicalTime: T0.toISOString(),
      protocolKey: 'kit-racemic@1.0.0',
      settingsVersion: 1,
      payload: {
        staffId: 'an-peeters',
        displayName: 'Dr. An Peeters',
        role: 'anesthesiologist',
        active: true,
      },
    });
    expect(await staffRow('an-peeters')).toMatchObject({
      source_record_id: recordId,
      source_clinical_time: T0.toISOString(),
      active: 1,
    });
    expect(await listed()).toContainEqual({
      staffId: 'an-peeters',
      displayName: 'Dr. An Peeters',
      role: 'anesthesiologist',
      active: true,
    });
    // The bootstrap admin is not a person: never listed to tablets.
    expect((await listed()).map((s) => s.staffId)).not.toContain(BOOTSTRAP_ADMIN_ID);

    // The same values again: 200, no new record (a repeated call is not history).
    const seqBefore = await latestSeq(server);
    const again = await postStaff({
      staffId: 'an-peeters',
      displayName: 'Dr. An Peeters',
      role: 'anesthesiologist',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ recordId, serverSeq: null });
    expect(await latestSeq(server)).toBe(seqBefore);

    // A change is a new record, in force everywhere.
    server.clock.advance(60_000);
    const renamed = await postStaff({
      staffId: 'an-peeters',
      displayName: 'Dr. An Peeters-Claes',
      role: 'anesthesiologist',
    });
    expect(renamed.statusCode).toBe(200);
    expect(await latestSeq(server)).toBe(seqBefore + 1);
    expect((await staffRow('an-peeters'))?.display_name).toBe('Dr. An Peeters-Claes');
  });

  it('refuses to make the bootstrap admin id a staff member, through the API or a push', async () => {
    const seqBefore = await latestSeq(server);
    const response = await postStaff({
      staffId: BOOTSTRAP_ADMIN_ID,
      displayName: 'X',
      role: 'admin',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'staff-id-reserved', field: 'staffId' },
    });
    const [pushed] = results(
      await server.push(tablet, [
        staffMember({ staffId: BOOTSTRAP_ADMIN_ID, displayName: 'X', role: 'admin', active: true }),
      ]),
    );
    expect(pushed).toMatchObject({ status: 'invalid', field: 'payload.staffId' });
    expect(await latestSeq(server)).toBe(seqBefore);
  });

  it('accepts a pushed staff-member record by an admin: the person can record in the same batch', async () => {
    const newNurse = staffMember({
      staffId: 'nurse-els',
      displayName: 'Els Maes',
      role: 'nurse',
      active: true,
    });
    const byHer = makeRecord(tablet.deviceId, { authorStaffId: 'nurse-els' });
    const answers = results(await server.push(tablet, [newNurse, byHer]));
    expect(answers.map((a) => a.status)).toEqual(['accepted', 'accepted']);
    expect(await staffRow('nurse-els')).toMatchObject({
      role: 'nurse',
      active: 1,
      source_record_id: newNurse.id,
    });
    expect(await listed()).toContainEqual({
      staffId: 'nurse-els',
      displayName: 'Els Maes',
      role: 'nurse',
      active: true,
    });
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'staff-saved')
      .where('subject', '=', 'nurse-els')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(`device:${tablet.deviceId}`);
  });

  it('writes the record and its staff row in one transaction: a failure leaves neither', async () => {
    const member = staffMember({
      staffId: 'nurse-tx',
      displayName: 'Tx',
      role: 'nurse',
      active: true,
    });
    // One server at a time: with two PostgreSQL test schemas open at once, Kysely's migrator
    // finds the other schema's migration tables and skips creating its own (migrate.ts sets
    // no migrationTableSchema).
    await server.close();
    const failing = await startTestServer(dialect, {
      afterInsert: (id) =>
        id === member.id ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    });
    server = failing; // closed by afterEach
    await withStaff(failing);
    await failing.addStaff('admin-1', 'admin');
    const other = await failing.enroll();
    const record = { ...member, deviceId: other.deviceId };
    const response = await failing.push(other, [record]);
    expect(response.statusCode).toBe(500);
    const stored = await failing.db.kysely
      .selectFrom('records')
      .select('id')
      .where('id', '=', member.id)
      .execute();
    expect(stored).toEqual([]);
    const row = await failing.db.kysely
      .selectFrom('staff')
      .select('staff_id')
      .where('staff_id', '=', 'nurse-tx')
      .execute();
    expect(row).toEqual([]);
  });

  it('refuses a staff-member record not authored by an admin, with a reason a person can act on', async () => {
    const seqBefore = await latestSeq(server);
    const byNurse = staffMember(
      { staffId: 'nurse-1', displayName: 'Promoted', role: 'admin', active: true },
      { authorStaffId: 'nurse-1' },
    );
    const byAnesthesiologist = staffMember(
      { staffId: 'nurse-new', displayName: 'New', role: 'nurse', active: true },
      { authorStaffId: 'dr-anesth' },
    );
    const byStranger = staffMember(
      { staffId: 'nurse-new', displayName: 'New', role: 'nurse', active: true },
      { authorStaffId: 'visitor-9' },
    );
    const answers = results(await server.push(tablet, [byNurse, byAnesthesiologist, byStranger]));
    expect(answers.map((a) => a.status)).toEqual(['invalid', 'invalid', 'invalid']);
    for (const answer of answers) expect(answer).toMatchObject({ field: 'authorStaffId' });
    const reason = answers[0]?.status === 'invalid' ? answers[0].reason : '';
    expect(reason).toContain(byNurse.id);
    expect(reason).toContain('nurse-1 is a nurse');
    expect(reason).toContain('only an administrator may add, change or deactivate staff');
    expect(await latestSeq(server)).toBe(seqBefore);
    expect((await staffRow('nurse-1'))?.role).toBe('nurse');
    expect(await staffRow('nurse-new')).toBeUndefined();
  });

  it('lets the bootstrap admin author only staff-member records from a tablet', async () => {
    const staff = staffMember(
      { staffId: 'nurse-ines', displayName: 'Ines', role: 'nurse', active: true },
      { authorStaffId: BOOTSTRAP_ADMIN_ID },
    );
    const observation = makeRecord(tablet.deviceId, { authorStaffId: BOOTSTRAP_ADMIN_ID });
    const answers = results(await server.push(tablet, [staff, observation]));
    expect(answers[0]?.status).toBe('accepted');
    expect(answers[1]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[1]?.status === 'invalid' && answers[1].reason).toContain(
      'authors only staff-member records',
    );
  });

  it('applies the latest record by clinical time: an older one arriving late changes nothing', async () => {
    await postStaff({ staffId: 'nurse-kim', displayName: 'Kim', role: 'nurse' }); // clinical time T0
    const older = staffMember(
      { staffId: 'nurse-kim', displayName: 'Kim (old)', role: 'nurse', active: false },
      { clinicalTime: '2026-11-25T10:00:00.000Z', deviceTime: '2026-11-25T10:00:00.000Z' },
    );
    expect(results(await server.push(tablet, [older]))[0]?.status).toBe('accepted');
    expect(await staffRow('nurse-kim')).toMatchObject({ display_name: 'Kim', active: 1 });

    const leaves = '2026-11-25T11:00:00.000Z';
    const newer = staffMember(
      { staffId: 'nurse-kim', displayName: 'Kim', role: 'nurse', active: false },
      { clinicalTime: leaves, deviceTime: leaves },
    );
    expect(results(await server.push(tablet, [newer]))[0]?.status).toBe('accepted');
    expect(await staffRow('nurse-kim')).toMatchObject({ active: 0, deactivated_at: leaves });
    // Her records from before she left are still accepted (made offline), later ones are not.
    const before = makeRecord(tablet.deviceId, {
      authorStaffId: 'nurse-kim',
      clinicalTime: '2026-11-25T10:59:59.000Z',
    });
    const after = makeRecord(tablet.deviceId, { authorStaffId: 'nurse-kim', clinicalTime: leaves });
    expect(results(await server.push(tablet, [before, after])).map((a) => a.status)).toEqual([
      'accepted',
      'invalid',
    ]);

    // The admin's change after a tablet record with a later clock still takes effect.
    const reactivated = await postStaff({
      staffId: 'nurse-kim',
      displayName: 'Kim',
      role: 'nurse',
    });
    expect(reactivated.json()).toMatchObject({ staff: { active: true, deactivatedAt: null } });
    expect((await staffRow('nurse-kim'))?.source_clinical_time).toBe('2026-11-25T11:00:00.001Z');
  });

  it('stamps admin records with the settings version in force', async () => {
    const settings = tabletFactory(tablet.deviceId).settingsVersion(undefined, undefined, {
      deviceId: tablet.deviceId,
    });
    const v2 = { ...settings.payload.settings, version: 2 };
    const record = {
      ...settings,
      settingsVersion: 2,
      payload: { ...settings.payload, settings: v2 },
    };
    expect(results(await server.push(tablet, [record]))[0]?.status).toBe('accepted');
    const created = await postStaff({ staffId: 'nurse-zoe', displayName: 'Zoë', role: 'nurse' });
    const page = pullResponseSchema.parse((await server.pull(tablet, start)).json());
    const stored = page.records.find(
      (r) => r.record.id === created.json<{ recordId: string }>().recordId,
    );
    expect(stored?.record).toMatchObject({ settingsVersion: 2 });
  });

  it('keeps the staff table equal to the latest staff-member record per person, whatever the push order', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 2 }),
            minute: fc.integer({ min: 0, max: 20 }),
            active: fc.boolean(),
            role: fc.constantFrom('nurse', 'anesthesiologist', 'admin'),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 5 }),
        async (changes, batchSize) => {
          round += 1;
          const records = changes.map((c, i) => {
            const time = new Date(Date.parse('2026-11-25T09:00:00.000Z') + c.minute * 60_000);
            return staffMember(
              {
                staffId: `p${round}-${c.who}`,
                displayName: `N${i}`,
                role: c.role,
                active: c.active,
              },
              { clinicalTime: time.toISOString(), deviceTime: time.toISOString() },
            );
          });
          for (let i = 0; i < records.length; i += batchSize) {
            const answers = results(await server.push(tablet, records.slice(i, i + batchSize)));
            expect(answers.every((a) => a.status === 'accepted')).toBe(true);
          }
          const latest = new Map<string, (typeof records)[number]>();
          for (const r of records) {
            const seen = latest.get(r.payload.staffId);
            const later =
              seen === undefined ||
              r.clinicalTime > seen.clinicalTime ||
              (r.clinicalTime === seen.clinicalTime && r.id > seen.id);
            if (later) latest.set(r.payload.staffId, r);
          }
          for (const [staffId, r] of latest) {
            expect(await staffRow(staffId)).toMatchObject({
              display_name: r.payload.displayName,
              role: r.payload.role,
              active: r.payload.active ? 1 : 0,
              source_record_id: r.id,
            });
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe.each(TEST_DIALECTS)('staff rows from before records existed ($name)', (dialect) => {
  it('get a staff-member record at start, once, keeping when they were deactivated', async () => {
    const { db, dispose } = await dialect.open();
    try {
      await migrateToLatest(db);
      const old = '2026-01-01T00:00:00.000Z';
      await db.kysely
        .insertInto('staff')
        .values([
          {
            staff_id: 'nurse-old',
            display_name: 'Old Nurse',
            role: 'nurse',
            active: 1,
            created_at: old,
            updated_at: old,
            deactivated_at: null,
            source_record_id: null,
            source_clinical_time: null,
          },
          {
            staff_id: 'nurse-gone',
            display_name: 'Gone',
            role: 'nurse',
            active: 0,
            created_at: old,
            updated_at: old,
            deactivated_at: old,
            source_record_id: null,
            source_clinical_time: null,
          },
        ])
        .execute();
      const options = {
        db,
        adminTokenHash: sha256Hex(ADMIN_TOKEN),
        clock: () => T0,
        rateLimit: false as const,
      };
      const app = await buildServer(options);
      await app.close();
      const records = await db.kysely
        .selectFrom('records')
        .select(['id', 'kind', 'body'])
        .execute();
      expect(records.map((r) => r.kind)).toEqual(['staff-member', 'staff-member']);
      const rows = await db.kysely.selectFrom('staff').selectAll().orderBy('staff_id').execute();
      expect(rows.map((r) => [r.staff_id, r.active, r.deactivated_at])).toEqual([
        ['nurse-gone', 0, old],
        ['nurse-old', 1, null],
      ]);
      expect(new Set(rows.map((r) => r.source_record_id))).toEqual(
        new Set(records.map((r) => r.id)),
      );
      await (await buildServer(options)).close();
      expect(await db.kysely.selectFrom('records').select('id').execute()).toHaveLength(2);
    } finally {
      await dispose();
    }
  });
});

noticePostgresSkipped('staff as staff-member records');
