// @vitest-environment node
/**
 * `npm run seed-demo` stores the synthetic demo center through the server's own store code:
 * every record once, the demo staff in the staff table, and a newly enrolled tablet pulls it
 * all back, from which the registry gives the paper's Table I and Fisher p.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStudyCenter } from '../../../src/domain/demo/index.ts';
import type { ClinicalRecord } from '../../../src/domain/records.ts';
import { computeRegistry } from '../../../src/domain/registry/index.ts';
import { createRecordFactory } from '../../../src/domain/records/builders.ts';
import { TEST_DIALECTS } from '../test-support/databases.ts';
import { startTestServer, T0, type TestServer } from '../test-support/harness.ts';
import { realPatientCount, seedRecords } from './seed.ts';

describe.each(TEST_DIALECTS)('seeding the demo center ($name)', (dialect) => {
  let server: TestServer;
  let demo: ClinicalRecord[];
  beforeAll(async () => {
    const center = generateStudyCenter({ seed: 1 });
    if (!center.ok) throw new Error(center.error.message);
    demo = center.value.records;
    server = await startTestServer(dialect);
  }, 60_000);
  afterAll(() => server.close());

  it('stores every record once, with the demo staff, and a tablet pulls them all', async () => {
    const progress: number[] = [];
    const result = await seedRecords(server.db, demo, {
      now: T0,
      actor: 'seed-demo',
      onProgress: (done) => progress.push(done),
    });
    expect(result).toEqual({ inserted: demo.length, alreadyStored: 0, conflicts: [], invalid: [] });
    expect(progress.at(-1)).toBe(demo.length);

    const count = await server.db.kysely
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(demo.length);
    const staff = await server.db.kysely.selectFrom('staff').select('staff_id').execute();
    expect(staff.map((s) => s.staff_id)).toEqual(
      expect.arrayContaining(['demo-admin', 'demo-nurse-1', 'demo-anesthesiologist-2']),
    );
    expect(await realPatientCount(server.db)).toBe(0);

    // A tablet enrolled afterwards pulls the whole center.
    const tablet = await server.enroll();
    const pulled: ClinicalRecord[] = [];
    for (let cursor = 0, more = true; more;) {
      const page = await server.pull(tablet, cursor, 1000);
      expect(page.statusCode).toBe(200);
      const body = page.json<{
        records: { record: ClinicalRecord }[];
        cursor: number;
        hasMore: boolean;
      }>();
      pulled.push(...body.records.map((r) => r.record));
      cursor = body.cursor;
      more = body.hasMore;
    }
    const demoIds = new Set(demo.map((r) => r.id));
    expect(pulled.filter((r) => demoIds.has(r.id))).toHaveLength(demo.length);
    const registry = computeRegistry(pulled, {
      asOf: '2026-01-01T00:00:00.000Z',
      population: 'synthetic',
    });
    if (!registry.ok) throw new Error(registry.error.message);
    expect(registry.value.tableI.ok && registry.value.tableI.value.counts).toEqual([
      [7, 2, 13],
      [11, 0, 12],
    ]);
    expect(registry.value.tableIFisher.ok && registry.value.tableIFisher.value.pValue).toBeCloseTo(
      0.28,
      3,
    );
  }, 120_000);

  it('skips what is already stored, so running it twice changes nothing', async () => {
    const again = await seedRecords(server.db, demo.slice(0, 1200), {
      now: T0,
      actor: 'seed-demo',
    });
    expect(again).toEqual({ inserted: 0, alreadyStored: 1200, conflicts: [], invalid: [] });
  });

  it('refuses an invalid record and counts real patients', async () => {
    const f = createRecordFactory({ seed: 3, startAt: '2025-01-01T08:00:00.000Z' });
    const real = f.patient({ centerPatientNumber: 'P-REAL-1', isSynthetic: false });
    const result = await seedRecords(server.db, [{ id: 'nonsense' }, real], {
      now: T0,
      actor: 'seed-demo',
    });
    expect(result.inserted).toBe(1);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0]?.index).toBe(0);
    expect(await realPatientCount(server.db)).toBe(1);
  });
});
