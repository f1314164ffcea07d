/**
 * /api/admin/exports/* and /api/admin/registry: the research and interchange exports and the
 * registry report, made on the center server from the synced database with the tablet's own
 * domain code (exports/files.ts), so a file from the server and one from a tablet holding the
 * same records are the same file. Admin token required, like every /api/admin route.
 *
 * Logs carry counts and timings only. The per-patient route's URL holds a patient id, so its
 * request log line shows the route pattern instead of the URL.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordIdSchema } from '../../../src/domain/records/base.ts';
import { requireAdmin } from '../auth/request-auth.ts';
import type { ServerContext } from '../context.ts';
import {
  centerFhirExport,
  csvExport,
  patientFhirExport,
  registryExport,
  type CsvName,
} from '../exports/files.ts';
import {
  CSV_TYPE,
  exportQuerySchema,
  FHIR_TYPE,
  populationTag,
  registryQuerySchema,
  safeFileNamePart,
  sendDownload,
} from '../exports/http.ts';
import { bundleStream } from '../exports/json-stream.ts';
import { readRecords } from '../exports/read-records.ts';
import { ApiError, parseOr400 } from '../http/errors.ts';
import { ADMIN_RATE_LIMIT } from '../http/security.ts';

const CSV_FILES: readonly CsvName[] = ['patients', 'sessions', 'codebook'];

const patientParamsSchema = z.object({ patientId: recordIdSchema });

/** The request log line of a URL with a patient id in it: method and route pattern only. */
const patternOnly = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.routeOptions.url,
    remoteAddress: request.ip,
  }),
};

/** A domain failure that is not the caller's doing (the export time is always well formed). */
const internal = (message: string) => new ApiError(500, 'export-failed', message);

export function exportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const routeOptions = {
    preHandler: requireAdmin(ctx.adminTokenHash),
    config: { rateLimit: ADMIN_RATE_LIMIT },
  };

  for (const name of CSV_FILES) {
    app.get(`/api/admin/exports/${name}.csv`, routeOptions, async (request, reply) => {
      const { data } = parseOr400(exportQuerySchema, request.query, 'export');
      const now = ctx.clock();
      const records = name === 'codebook' ? [] : await readRecords(ctx.db);
      const file = csvExport(name, records, now.toISOString(), data);
      if (!file.ok) throw internal(file.error.message);
      request.log.info({ file: name, records: records.length, rows: file.value.rows }, 'export');
      return sendDownload(request, reply, {
        type: CSV_TYPE,
        fileName: `${name}-${populationTag(data)}${now.toISOString().slice(0, 10)}.csv`,
        body: file.value.text,
        headers: { 'x-kit-rows': String(file.value.rows) },
      });
    });
  }

  app.get('/api/admin/exports/fhir/center.json', routeOptions, async (request, reply) => {
    const { data } = parseOr400(exportQuerySchema, request.query, 'export');
    const now = ctx.clock();
    const records = await readRecords(ctx.db);
    const bundle = centerFhirExport(records, now.toISOString(), data);
    if (!bundle.ok) throw internal(bundle.error.message);
    const entries = bundle.value.entry?.length ?? 0;
    request.log.info({ file: 'fhir-center', records: records.length, entries }, 'export');
    return sendDownload(request, reply, {
      type: FHIR_TYPE,
      fileName: `fhir-center-${populationTag(data)}${now.toISOString().slice(0, 10)}.json`,
      body: bundleStream(bundle.value),
      headers: { 'x-kit-resources': String(entries) },
    });
  });

  app.get(
    '/api/admin/exports/fhir/patients/:patientId.json',
    { ...routeOptions, logSerializers: patternOnly },
    async (request, reply) => {
      const { data } = parseOr400(exportQuerySchema, request.query, 'export');
      const { patientId } = parseOr400(patientParamsSchema, request.params, 'export');
      const now = ctx.clock();
      const records = await readRecords(ctx.db, { patientId });
      const found = patientFhirExport(records, patientId, now.toISOString(), data);
      if (!found.found) {
        const hint = found.otherPopulation
          ? `; this patient is ${data === 'real' ? 'synthetic (demo): add ?data=synthetic' : 'real: leave out ?data=synthetic'}`
          : '';
        throw new ApiError(404, 'patient-unknown', `no ${data} patient with this id${hint}`);
      }
      if (!found.bundle.ok)
        throw new ApiError(404, 'patient-unknown', found.bundle.error.message, 'patientId');
      const bundle = found.bundle.value;
      const entries = bundle.entry?.length ?? 0;
      request.log.info({ file: 'fhir-patient', records: records.length, entries }, 'export');
      const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient');
      const number =
        patient?.resource?.resourceType === 'Patient'
          ? (patient.resource.identifier?.[0]?.value ?? 'patient')
          : 'patient';
      return sendDownload(request, reply, {
        type: FHIR_TYPE,
        fileName: `fhir-patient-${safeFileNamePart(number)}-${now.toISOString().slice(0, 10)}.json`,
        body: bundleStream(bundle),
        headers: { 'x-kit-resources': String(entries) },
      });
    },
  );

  app.get('/api/admin/registry', routeOptions, async (request) => {
    const { data, from, to } = parseOr400(registryQuerySchema, request.query, 'registry');
    const now = ctx.clock();
    const period = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    const records = await readRecords(ctx.db);
    const report = registryExport(records, now.toISOString(), period, data);
    if (!report.ok) {
      // The domain names `period.from` / `period.to`; the caller wrote `from` / `to`.
      const field = report.error.field.replace(/^period\./, '');
      throw new ApiError(
        400,
        'invalid-request',
        `registry: ${report.error.message} (query parameter ${field})`,
        field,
      );
    }
    request.log.info(
      { file: 'registry', records: records.length, patients: report.value.cohort.length },
      'registry',
    );
    return { serverTime: now.toISOString(), report: report.value };
  });
}
