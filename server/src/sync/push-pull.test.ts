// @vitest-environment node
/**
 * Push and pull through HTTP, on every configured dialect: accepted, duplicate, conflict,
 * invalid (shape, staff, role, device), batch limits, paging.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../../src/sync/wire.ts';
import type { PushRecordResult } from '../../../src/sync/wire.ts';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { startTestServer, withStaff } from '../test-support/harness.ts';
import type { Tablet, TestServer } from '../test-support/harness.ts';
import { completedSessionRecords, makeRecord, makeSignOff } from '../test-support/records.ts';

function results(response: { statusCode: number; json(): unknown }): PushRecordResult[] {
  expect(response.statusCode).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

/** Records stored after `start` (the test staff's own staff-member records come before it). */
async function countRecords(server: TestServer, start: number): Promise<number> {
  const row = await server.db.kysely
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('server_seq', '>', start)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(TEST_DIALECTS)('push and pull ($name)', (dialect) => {
  let server: TestServer;
  let tablet: Tablet;
  /** Cursor after the staff-member records of the test staff. */
  let start: number;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    start = await withStaff(server);
    tablet = await server.enroll();
  });
  afterEach(async () => server.close());

  it('accepts new records, gives each a server sequence number, and pulls them back unchanged', async () => {
    const records = [
      makeRecord(tablet.deviceId),
      makeRecord(tablet.deviceId),
      makeRecord(tablet.deviceId),
    ];
    const pushed = results(await server.push(tablet, records));
    expect(pushed.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const seqs = pushed.map((r) => ('serverSeq' in r ? r.serverSeq : 0));
    expect(seqs[0]).toBeGreaterThan(0);
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);
    expect(seqs[2]).toBeGreaterThan(seqs[1]!);

    const pulled = await server.pull(tablet, start);
    expect(pulled.statusCode).toBe(200);
    const page = pullResponseSchema.parse(pulled.json());
    expect(page.records.map((r) => r.record)).toEqual(records);
    expect(page.records.map((r) => r.serverSeq)).toEqual(seqs);
    expect(page.records[0]!.receivedAt).toBe(server.clock.now.toISOString());
    expect(page.cursor).toBe(seqs[2]);
    expect(page.hasMore).toBe(false);
    expect(page.serverTime).toBe(server.clock.now.toISOString());
  });

  it('pages by cursor with hasMore, and an up-to-date cursor returns nothing', async () => {
    const records = Array.from({ length: 5 }, () => makeRecord(tablet.deviceId));
    results(await server.push(tablet, records));
    const first = pullResponseSchema.parse((await server.pull(tablet, start, 2)).json());
    expect(first.records).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = pullResponseSchema.parse((await server.pull(tablet, first.cursor, 2)).json());
    const third = pullResponseSchema.parse((await server.pull(tablet, second.cursor, 2)).json());
    expect(third.hasMore).toBe(false);
    expect([...first.records, ...second.records, ...third.records].map((r) => r.record.id)).toEqual(
      records.map((r) => r.id),
    );
    const none = pullResponseSchema.parse((await server.pull(tablet, third.cursor, 2)).json());
    expect(none).toMatchObject({ records: [], cursor: third.cursor, hasMore: false });
  });

  it('answers duplicate for the same record pushed again, even with keys in another order', async () => {
    const record = makeRecord(tablet.deviceId);
    const [accepted] = results(await server.push(tablet, [record]));
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    const [again] = results(await server.push(tablet, [reordered]));
    expect(again).toEqual({
      status: 'duplicate',
      index: 0,
      id: record.id,
      serverSeq: accepted!.status === 'accepted' ? accepted!.serverSeq : -1,
    });
    expect(await countRecords(server, start)).toBe(1);
  });

  it('answers conflict for the same id with different content, keeps the stored one and audits it', async () => {
    const record = makeRecord(tablet.deviceId);
    results(await server.push(tablet, [record]));
    const changed = { ...record, payload: { ...(record.payload as object), spo2Percent: 88 } };
    const [conflict] = results(await server.push(tablet, [changed]));
    expect(conflict).toMatchObject({ status: 'conflict', index: 0, id: record.id });
    expect(conflict!.status === 'conflict' && conflict!.reason).toContain(record.id);

    const page = pullResponseSchema.parse((await server.pull(tablet, start)).json());
    expect(page.records.map((r) => r.record)).toEqual([record]);
    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record-conflict')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: record.id, actor: `device:${tablet.deviceId}` });
    // Ids and hashes only, never the record's content.
    expect(Object.keys(JSON.parse(audit[0]!.detail) as object).sort()).toEqual([
      'incomingHash',
      'storedHash',
      'storedSeq',
    ]);
  });

  it('treats a repeated id inside one batch like a later push (duplicate or conflict)', async () => {
    const record = makeRecord(tablet.deviceId);
    const changed = { ...record, payload: { ...(record.payload as object), heartRatePerMin: 99 } };
    expect(
      results(await server.push(tablet, [record, record, changed])).map((r) => r.status),
    ).toEqual(['accepted', 'duplicate', 'conflict']);
    expect(await countRecords(server, start)).toBe(1);
  });

  it('accepts a patient and a whole session as a tablet records them, every kind of record', async () => {
    const records = completedSessionRecords(tablet.deviceId);
    const answers = results(await server.push(tablet, records));
    expect(answers.filter((a) => a.status !== 'accepted')).toEqual([]);
    const page = pullResponseSchema.parse((await server.pull(tablet, start)).json());
    expect(page.records.map((r) => r.record)).toEqual(records);
    expect(new Set(records.map((r) => r.kind)).size).toBeGreaterThan(8);
  });

  it('refuses malformed records one by one, naming the record id and the field, and stores the rest', async () => {
    const good = makeRecord(tablet.deviceId);
    const badTime = makeRecord(tablet.deviceId, { clinicalTime: '25/11/2026 10:40' });
    const noPayload = makeRecord(tablet.deviceId);
    delete (noPayload as Record<string, unknown>).payload;
    const extraField = makeRecord(tablet.deviceId, { weightLb: 150 });
    const answers = results(
      await server.push(tablet, [badTime, good, noPayload, extraField, 'not a record', { id: 42 }]),
    );
    expect(answers.map((r) => r.status)).toEqual([
      'invalid',
      'accepted',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(answers[0]).toMatchObject({ id: badTime.id, field: 'clinicalTime' });
    expect(answers[0]!.status === 'invalid' && answers[0]!.reason).toContain(badTime.id);
    expect(answers[0]!.status === 'invalid' && answers[0]!.reason).toContain('clinicalTime');
    expect(answers[2]).toMatchObject({ id: noPayload.id, field: 'payload' });
    expect(answers[3]).toMatchObject({ id: extraField.id, field: 'weightLb' });
    expect(answers[4]).toMatchObject({ index: 4, id: null, field: 'record' });
    expect(answers[5]).toMatchObject({ index: 5, id: null, field: 'kind' });
    expect(await countRecords(server, start)).toBe(1);
  });

  it('refuses records whose author is not staff of the center, or was deactivated before the clinical time', async () => {
    const unknown = makeRecord(tablet.deviceId, { authorStaffId: 'visitor-9' });
    const beforeLeaving = makeRecord(tablet.deviceId, {
      authorStaffId: 'nurse-2',
      clinicalTime: '2026-11-25T10:00:00.000Z',
    });
    server.clock.advance(60_000);
    await server.addStaff('nurse-2', 'nurse', false); // deactivated at T0 + 1 min
    const afterLeaving = makeRecord(tablet.deviceId, {
      authorStaffId: 'nurse-2',
      clinicalTime: server.clock.now.toISOString(),
    });
    const answers = results(await server.push(tablet, [unknown, beforeLeaving, afterLeaving]));
    expect(answers[0]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[0]!.status === 'invalid' && answers[0]!.reason).toContain('visitor-9');
    expect(answers[1]!.status).toBe('accepted');
    expect(answers[2]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
  });

  it('accepts a sign-off only authored and signed by an anesthesiologist', async () => {
    const byNurse = makeSignOff(tablet.deviceId, 'nurse-1', 'dr-anesth');
    const signerNotAnesthesiologist = makeSignOff(tablet.deviceId, 'dr-anesth', 'nurse-2');
    const unknownSigner = makeSignOff(tablet.deviceId, 'dr-anesth', 'dr-nobody');
    const proper = makeSignOff(tablet.deviceId, 'dr-anesth');
    const answers = results(
      await server.push(tablet, [byNurse, signerNotAnesthesiologist, unknownSigner, proper]),
    );
    expect(answers[0]).toMatchObject({ status: 'invalid', field: 'authorStaffId' });
    expect(answers[0]!.status === 'invalid' && answers[0]!.reason).toContain('anesthesiologist');
    expect(answers[1]).toMatchObject({ status: 'invalid', field: 'payload.signedByStaffId' });
    expect(answers[2]).toMatchObject({ status: 'invalid', field: 'payload.signedByStaffId' });
    expect(answers[3]!.status).toBe('accepted');
  });

  it('refuses a record that names another device, even from an enrolled tablet', async () => {
    const other = await server.enroll('Chair 2 tablet');
    const [answer] = results(await server.push(tablet, [makeRecord(other.deviceId)]));
    expect(answer).toMatchObject({ status: 'invalid', field: 'deviceId' });
  });

  it('keeps answering duplicate to a retry after the author changed role or left (a lost response)', async () => {
    const signOff = makeSignOff(tablet.deviceId, 'dr-anesth');
    const observation = makeRecord(tablet.deviceId);
    expect(results(await server.push(tablet, [signOff, observation])).map((r) => r.status)).toEqual(
      ['accepted', 'accepted'],
    );
    server.clock.advance(1000);
    await server.addStaff('dr-anesth', 'nurse');
    await server.addStaff('nurse-1', 'nurse', false);
    expect(results(await server.push(tablet, [signOff, observation])).map((r) => r.status)).toEqual(
      ['duplicate', 'duplicate'],
    );
    // A new sign-off by the same person now is refused: the role check itself still applies.
    const [late] = results(await server.push(tablet, [makeSignOff(tablet.deviceId, 'dr-anesth')]));
    expect(late!.status).toBe('invalid');
  });

  it('refuses a batch of more than 100 records with 413, storing nothing', async () => {
    const records = Array.from({ length: 101 }, () => makeRecord(tablet.deviceId));
    const response = await server.push(tablet, records);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'batch-too-large', field: 'records' } });
    expect(results(await server.push(tablet, records.slice(0, 100)))).toHaveLength(100);
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = makeRecord(tablet.deviceId, { payload: { note: 'x'.repeat(3 * 1024 * 1024) } });
    const response = await server.push(tablet, [huge]);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect(JSON.stringify(response.json())).not.toContain('at ');
  });

  it('refuses a malformed envelope with 400 naming the field, and a foreign deviceId with 403', async () => {
    const post = (payload: unknown) =>
      server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: tablet.auth,
        payload: payload as object,
      });
    const version2 = await post({ protocolVersion: 2, deviceId: tablet.deviceId, records: [] });
    expect(version2.statusCode).toBe(400);
    expect(version2.json()).toMatchObject({
      error: { code: 'invalid-request', field: 'protocolVersion' },
    });
    const noRecords = await post({
      protocolVersion: 1,
      deviceId: tablet.deviceId,
      records: 'all of them',
    });
    expect(noRecords.json()).toMatchObject({ error: { field: 'records' } });
    const mismatch = await post({ protocolVersion: 1, deviceId: 'someone-else', records: [] });
    expect(mismatch.statusCode).toBe(403);
    const notJson = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...tablet.auth, 'content-type': 'application/json' },
      payload: '{"protocolVersion":1,',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: { code: 'invalid-json' } });
    const textPlain = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...tablet.auth, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(textPlain.statusCode).toBe(415);
  });

  it('refuses a bad pull query with 400 naming the parameter', async () => {
    for (const query of [
      'cursor=-1',
      'cursor=1e3',
      'cursor=abc',
      'limit=0',
      'limit=5000',
      'cursor=1&cursor=2',
    ]) {
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/sync/pull?${query}`,
        headers: tablet.auth,
      });
      expect(response.statusCode, query).toBe(400);
      expect(['cursor', 'limit']).toContain(
        response.json<{ error: { field: string } }>().error.field,
      );
    }
  });
});

noticePostgresSkipped('push and pull');
