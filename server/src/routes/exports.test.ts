// @vitest-environment node
/**
 * The center's exports through HTTP, on the synced database: each file must be exactly what
 * the domain function gives for the same records (the tablet calls the same functions), the
 * FHIR bundles must pass the domain's structural check, and the registry must match the
 * domain's report. Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centerBundle,
  codebookCsv,
  PATIENT_COLUMNS,
  patientBundle,
  patientExportRows,
  patientsCsv,
  SESSION_COLUMNS,
  sessionExportRows,
  sessionsCsv,
  validateBundleStructure,
  type ExportBundle,
} from '../../../src/domain/exports/index.ts';
import { computeRegistry, type RegistryReport } from '../../../src/domain/registry/index.ts';
import { seedExportFixture, type ExportFixture } from '../exports/test-fixture.ts';
import { noticePostgresSkipped, TEST_DIALECTS } from '../test-support/databases.ts';
import { startTestServer, T0, type TestServer } from '../test-support/harness.ts';

const AS_OF = T0.toISOString();
const DAY = AS_OF.slice(0, 10);
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const patientsIn = (bundle: ExportBundle) =>
  (bundle.entry ?? []).filter((e) => e.resource?.resourceType === 'Patient').length;

describe.each(TEST_DIALECTS)('center exports over HTTP ($name)', (dialect) => {
  let server: TestServer;
  let fixture: ExportFixture;
  const logs: string[] = [];
  const get = (url: string, headers: Record<string, string> = server.admin) =>
    server.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    server = await startTestServer(dialect, { logger: { level: 'info', stream } });
    fixture = await seedExportFixture(server);
  }, 30_000);
  afterAll(() => server.close());

  it('refuses every export route without the admin token', async () => {
    const [id] = fixture.syntheticPatientIds;
    const urls = [
      '/api/admin/exports/patients.csv',
      '/api/admin/exports/sessions.csv',
      '/api/admin/exports/codebook.csv',
      '/api/admin/exports/fhir/center.json',
      `/api/admin/exports/fhir/patients/${id}.json`,
      '/api/admin/registry',
    ];
    for (const url of urls) {
      const none = await get(url, {});
      expect(none.statusCode, url).toBe(401);
      expect(none.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
      const wrong = await get(url, { authorization: 'Bearer not-the-admin-token-at-all' });
      expect(wrong.statusCode, url).toBe(401);
    }
  });

  it.each(['real', 'synthetic'] as const)('patients.csv (%s) is the domain file', async (data) => {
    const res = await get(`/api/admin/exports/patients.csv?data=${data}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const tag = data === 'real' ? '' : 'synthetic-';
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="patients-${tag}${DAY}.csv"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = value(patientExportRows(fixture.records, AS_OF, data));
    expect(rows).toHaveLength(data === 'real' ? 2 : 12); // KIT-0003 was entered in error
    expect(res.headers['x-kit-rows']).toBe(String(rows.length));
    expect(res.body.split('\r\n')[0]).toBe(PATIENT_COLUMNS.map((c) => c.name).join(','));
    expect(res.body).toBe(value(patientsCsv(fixture.records, AS_OF, { population: data })));
  });

  it('patients.csv defaults to real patients, as on the tablet', async () => {
    const res = await get('/api/admin/exports/patients.csv');
    expect(res.body).toBe(value(patientsCsv(fixture.records, AS_OF, { population: 'real' })));
    expect(res.body).not.toContain('DEMO-');
  });

  it.each(['real', 'synthetic'] as const)('sessions.csv (%s) is the domain file', async (data) => {
    const res = await get(`/api/admin/exports/sessions.csv?data=${data}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = value(sessionExportRows(fixture.records, { population: data }));
    if (data === 'real') expect(rows).toHaveLength(3);
    else expect(rows.length).toBeGreaterThan(20);
    expect(res.headers['x-kit-rows']).toBe(String(rows.length));
    expect(res.body.split('\r\n')[0]).toBe(SESSION_COLUMNS.map((c) => c.name).join(','));
    expect(res.body).toBe(value(sessionsCsv(fixture.records, { population: data })));
  });

  it('codebook.csv is the domain codebook', async () => {
    const res = await get('/api/admin/exports/codebook.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="codebook-${DAY}.csv"`);
    expect(res.body).toBe(codebookCsv());
  });

  it('fhir/center.json: the domain bundle of the chosen patients, structurally valid', async () => {
    for (const data of ['real', 'synthetic'] as const) {
      const res = await get(`/api/admin/exports/fhir/center.json?data=${data}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
      const tag = data === 'real' ? '' : 'synthetic-';
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="fhir-center-${tag}${DAY}.json"`,
      );
      const bundle = res.json<ExportBundle>();
      expect(validateBundleStructure(bundle)).toEqual([]);
      expect(patientsIn(bundle)).toBe(data === 'real' ? 2 : 12);
      expect(res.headers['x-kit-resources']).toBe(String(bundle.entry?.length));
      const ids = new Set(data === 'real' ? fixture.realPatientIds : fixture.syntheticPatientIds);
      const mine = fixture.records.filter((r) => r.patientId !== null && ids.has(r.patientId));
      const expected = value(centerBundle(mine, { generatedAt: AS_OF, includeSynthetic: true }));
      expect(res.body).toBe(JSON.stringify(expected));
    }
  });

  it('sends gzip when asked, with the same bytes inside', async () => {
    const plain = await get('/api/admin/exports/fhir/center.json?data=synthetic');
    const zipped = await get('/api/admin/exports/fhir/center.json?data=synthetic', {
      ...server.admin,
      'accept-encoding': 'gzip, deflate',
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const csv = await get('/api/admin/exports/patients.csv', {
      ...server.admin,
      'accept-encoding': 'gzip;q=0, identity',
    });
    expect(csv.headers['content-encoding']).toBeUndefined();
  });

  it('fhir/patients/:id.json: one patient of the chosen population', async () => {
    const id = fixture.syntheticPatientIds[3] as string;
    const res = await get(`/api/admin/exports/fhir/patients/${id}.json?data=synthetic`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="fhir-patient-DEMO-\\d{4}-${DAY}\\.json"$`),
    );
    const bundle = res.json<ExportBundle>();
    expect(validateBundleStructure(bundle)).toEqual([]);
    expect(patientsIn(bundle)).toBe(1);
    expect(bundle).toEqual(value(patientBundle(fixture.records, id, { generatedAt: AS_OF })));

    const real = fixture.realPatientIds[0] as string;
    const realRes = await get(`/api/admin/exports/fhir/patients/${real}.json`);
    expect(realRes.statusCode).toBe(200);
    expect(realRes.headers['content-disposition']).toBe(
      `attachment; filename="fhir-patient-KIT-0001-${DAY}.json"`,
    );
  });

  it('fhir/patients/:id.json: 404 for an unknown, voided or other-population patient', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const cases = [
      [`${unknown}.json`, 'no real patient with this id'],
      [`${fixture.voidedPatientId}.json`, 'no valid patient record'],
      [`${fixture.syntheticPatientIds[0]}.json`, 'add ?data=synthetic'],
      [`${fixture.realPatientIds[0]}.json?data=synthetic`, 'leave out ?data=synthetic'],
    ] as const;
    for (const [path, message] of cases) {
      const res = await get(`/api/admin/exports/fhir/patients/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('patient-unknown');
      expect(body.error.message).toContain(message);
    }
    const malformed = await get('/api/admin/exports/fhir/patients/DEMO-0001.json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: { field: string } }>().error.field).toBe('patientId');
  });

  it('refuses an unknown data choice or query parameter, naming it', async () => {
    for (const [url, field] of [
      ['/api/admin/exports/patients.csv?data=all', 'data'],
      ['/api/admin/exports/fhir/center.json?data=', 'data'],
      ['/api/admin/exports/sessions.csv?population=real', 'population'],
      ['/api/admin/registry?data=fake', 'data'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field, url).toBe(field);
    }
  });

  it('registry: the domain report, Table I included, for a period', async () => {
    const res = await get('/api/admin/registry?data=synthetic');
    expect(res.statusCode).toBe(200);
    const { report } = res.json<{ report: RegistryReport }>();
    const expected = value(
      computeRegistry(fixture.records, { asOf: AS_OF, period: {}, population: 'synthetic' }),
    );
    expect(report.tableI).toEqual(JSON.parse(JSON.stringify(expected.tableI)));
    expect(report.tableI.n).toBeGreaterThan(0);
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)));

    const period = { from: '2015-03-01', to: '2015-12-31' };
    const inPeriod = await get(`/api/admin/registry?data=synthetic&from=2015-03-01&to=2015-12-31`);
    const expectedInPeriod = value(
      computeRegistry(fixture.records, { asOf: AS_OF, period, population: 'synthetic' }),
    );
    const got = inPeriod.json<{ report: RegistryReport }>().report;
    expect(got.period).toEqual(period);
    expect(got).toEqual(JSON.parse(JSON.stringify(expectedInPeriod)));
    expect(got.flow).not.toEqual(report.flow);

    const real = await get('/api/admin/registry');
    expect(real.json<{ report: RegistryReport }>().report.population).toBe('real');
  });

  it('registry: 400 naming the parameter for a malformed period', async () => {
    for (const [query, field] of [
      ['from=2015-13-01', 'from'],
      ['to=31-12-2015', 'to'],
      ['from=2015-02-30', 'from'],
      ['from=2016-01-01&to=2015-01-01', 'from'],
      ['to=', 'to'],
    ] as const) {
      const res = await get(`/api/admin/registry?${query}`);
      expect(res.statusCode, query).toBe(400);
      const { error } = res.json<{ error: { field: string; message: string } }>();
      expect(error.field, query).toBe(field);
      expect(error.message, query).toContain(`query parameter ${field}`);
    }
  });

  it('logs nothing that identifies a patient', () => {
    const text = logs.join('');
    expect(text).toContain('"file":"fhir-patient"');
    expect(text).toContain('/api/admin/exports/fhir/patients/:patientId.json');
    for (const id of [...fixture.syntheticPatientIds, ...fixture.realPatientIds])
      expect(text).not.toContain(id);
    expect(text).not.toMatch(/DEMO-\d|KIT-000/);
  });

  // Last: it leaves a record in the database that no export can read.
  it('fails an export, naming the record, when a stored record cannot be read', async () => {
    const id = '01900000-0000-7000-8000-0000000000ff';
    const body = JSON.stringify({ id, kind: 'weight', payload: { weightKg: 'heavy' } });
    await server.db.kysely
      .insertInto('records')
      .values({
        id,
        kind: 'weight',
        patient_id: null,
        session_id: null,
        author_staff_id: 'nurse-1',
        device_id: 'tablet-1',
        clinical_time: AS_OF,
        device_time: AS_OF,
        received_at: AS_OF,
        content_hash: '0'.repeat(64),
        body,
      })
      .execute();
    const res = await get('/api/admin/exports/sessions.csv');
    expect(res.statusCode).toBe(500);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('record-unreadable');
    expect(error.message).toContain(id);
    expect(error.message).toContain('update the server');
  });
});

noticePostgresSkipped('center exports over HTTP');
