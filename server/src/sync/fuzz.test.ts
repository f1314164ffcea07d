// @vitest-environment node
/**
 * Random and malformed pushes: never a 5xx, never a crash, and nothing invalid stored.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS, noticePostgresSkipped } from '../test-support/databases.ts';
import { startTestServer, withStaff } from '../test-support/harness.ts';
import type { Tablet, TestServer } from '../test-support/harness.ts';
import { makeRecord } from '../test-support/records.ts';
import { validateIncomingRecord } from '../validation.ts';
import { pushResponseSchema } from '../../../src/sync/wire.ts';

const RECORD_KEYS = [
  'id',
  'schemaVersion',
  'kind',
  'patientId',
  'sessionId',
  'authorStaffId',
  'deviceId',
  'clinicalTime',
  'deviceTime',
  'protocolKey',
  'settingsVersion',
  'supersedes',
  'payload',
];

/** A valid record with one or two fields replaced by anything, or deleted, or an unknown key added. */
function mutatedRecord(deviceId: string) {
  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      key: fc.constantFrom(...RECORD_KEYS, 'extra', '__proto__'),
      value: fc.jsonValue(),
    }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...RECORD_KEYS) }),
    fc.record({ kind: fc.constant('keep' as const) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 2 }).map((mutations) => {
    const record: Record<string, unknown> = { ...makeRecord(deviceId) };
    for (const m of mutations) {
      if (m.kind === 'set')
        Object.defineProperty(record, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      if (m.kind === 'delete') delete record[m.key];
    }
    return record;
  });
}

describe.each(TEST_DIALECTS)('fuzzed pushes ($name)', (dialect) => {
  let server: TestServer;
  let tablet: Tablet;
  /** server_seq after the test staff's staff-member records. */
  let start: number;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    start = await withStaff(server);
    tablet = await server.enroll();
  });
  afterAll(async () => server.close());

  it('never answers 5xx and stores only valid records', { timeout: 120_000 }, async () => {
    let accepted = 0;
    const anything = fc.oneof(
      fc.jsonValue(),
      mutatedRecord(tablet.deviceId),
      mutatedRecord(tablet.deviceId),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .array(anything, { maxLength: 20 })
              .map((records) => ({ protocolVersion: 1, deviceId: tablet.deviceId, records })),
          },
          { weight: 1, arbitrary: fc.jsonValue() },
          {
            weight: 1,
            arbitrary: fc.record({
              protocolVersion: fc.jsonValue(),
              deviceId: fc.jsonValue(),
              records: fc.jsonValue(),
            }),
          },
        ),
        async (body) => {
          const response = await server.app.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: { ...tablet.auth, 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode === 200) {
            const results = pushResponseSchema.parse(response.json()).results;
            accepted += results.filter((r) => r.status === 'accepted').length;
          }
        },
      ),
      { numRuns: 250 },
    );
    const stored = await server.db.kysely
      .selectFrom('records')
      .select(['body', 'id'])
      .where('server_seq', '>', start)
      .execute();
    expect(stored).toHaveLength(accepted);
    expect(accepted).toBeGreaterThan(0);
    for (const row of stored)
      expect(validateIncomingRecord(JSON.parse(row.body)).ok, row.body).toBe(true);
  });

  it('survives raw garbage bodies and deep nesting', async () => {
    const bodies = [
      '',
      '{',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"a":1}}',
      '{"constructor":{"prototype":{}}}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"protocolVersion":1,"deviceId":"${tablet.deviceId}","records":[${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}]}`,
    ];
    for (const payload of bodies) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...tablet.auth, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload.slice(0, 40)).toBeLessThan(500);
    }
  });
});

noticePostgresSkipped('fuzzed pushes');
