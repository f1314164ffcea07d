/**
 * HL7 FHIR R4 export (protocol.md section 9; issue 5 "Exports"): a Bundle of type
 * 'collection' per patient or for the whole center, typed with @types/fhir (R4).
 *
 * - fullUrl is `urn:uuid:<id>` and every reference is to such a fullUrl inside the same
 *   bundle (fhir-validate.ts checks it). Ids are record ids (the original record's id, see
 *   fhir-view.ts) or UUIDv5 derived from them (uuid-v5.ts): re-exports are stable.
 * - Pseudonymous: no names, no full birth dates (fhir-patient.ts); staff by identifier only.
 * - Synthetic (demo/training) patients carry meta.security HTEST on every resource; the
 *   center export can leave them out (`includeSynthetic: false`).
 * - Pure: the time of the export comes in as `generatedAt` (Bundle.timestamp).
 * Works the same on the tablet (its records) and on the server (synced records).
 */
import type * as fhir4 from 'fhir/r4';
import { isoInstantSchema } from '../records/base.ts';
import type { ClinicalRecord } from '../records/registry.ts';
import { fail, ok, type Result } from '../result.ts';
import { SYSTEM } from './fhir-codes.ts';
import { urn } from './fhir-context.ts';
import { patientResources } from './fhir-patient-resources.ts';
import { exportView, type ExportItem, type ExportView } from './fhir-view.ts';

/** A collection Bundle whose entries are the resources above (typed with @types/fhir R4). */
export type ExportBundle = fhir4.Bundle<fhir4.FhirResource>;

export type FhirExportOptions = {
  /** When the export is made: ISO 8601 UTC instant (Bundle.timestamp). */
  readonly generatedAt: string;
  /** System URI of the center patient number; default `urn:kit:center-patient-number`. */
  readonly patientIdentifierSystem?: string;
  /** Include synthetic (demo) patients; default true (they stay labelled HTEST). */
  readonly includeSynthetic?: boolean;
};

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function checkOptions(options: FhirExportOptions): Result<Required<FhirExportOptions>> {
  if (!isoInstantSchema.safeParse(options.generatedAt).success) {
    return fail(
      'invalid-date',
      'generatedAt',
      'The export time must be an ISO 8601 UTC instant such as 2026-03-01T10:00:00.000Z.',
      'Het exporttijdstip moet een ISO 8601-tijdstip in UTC zijn, bv. 2026-03-01T10:00:00.000Z.',
    );
  }
  const system = options.patientIdentifierSystem ?? SYSTEM.centerPatientNumber;
  if (!ABSOLUTE_URI.test(system)) {
    return fail(
      'invalid-choice',
      'patientIdentifierSystem',
      'The patient identifier system must be an absolute URI, e.g. urn:kit:center-patient-number.',
      'Het identificatiesysteem voor patiënten moet een absolute URI zijn, bv. urn:kit:center-patient-number.',
    );
  }
  return ok({
    generatedAt: options.generatedAt,
    patientIdentifierSystem: system,
    includeSynthetic: options.includeSynthetic ?? true,
  });
}

function groupBy<T>(list: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    if (k === null) continue;
    const group = map.get(k);
    if (group) group.push(t);
    else map.set(k, [t]);
  }
  return map;
}

function bundleOf(resources: readonly fhir4.FhirResource[], generatedAt: string): ExportBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: generatedAt,
    entry: resources.map((resource) => ({ fullUrl: urn(resource.id as string), resource })),
  };
}

function resourcesOf(
  view: ExportView,
  patientIds: readonly string[],
  items: Map<string, ExportItem[]>,
  o: Required<FhirExportOptions>,
) {
  const effectiveBySession = groupBy(view.effective.records, (r) => r.sessionId);
  const out: fhir4.FhirResource[] = [];
  for (const patientId of patientIds) {
    const resources = patientResources({
      view,
      patientId,
      items: items.get(patientId) ?? [],
      effectiveBySession,
      identifierSystem: o.patientIdentifierSystem,
      includeSynthetic: o.includeSynthetic,
    });
    if (resources !== null) out.push(...resources);
  }
  return out;
}

/**
 * One patient's Bundle. `records` may hold other patients' records too. Fails when the
 * patient has no (valid) patient record, e.g. it was entered in error.
 */
export function patientBundle(
  records: readonly ClinicalRecord[],
  patientId: string,
  options: FhirExportOptions,
): Result<ExportBundle> {
  const o = checkOptions(options);
  if (!o.ok) return o;
  const view = exportView(records.filter((r) => r.patientId === patientId));
  const items = groupBy(view.items, (i) => i.record.patientId);
  const resources = resourcesOf(view, [patientId], items, { ...o.value, includeSynthetic: true });
  if (resources.length === 0) {
    return fail(
      'required',
      'patientId',
      'This patient has no valid patient record to export (not found, or entered in error).',
      'Deze patiënt heeft geen geldig patiëntrecord om te exporteren (niet gevonden, of foutief ingevoerd).',
    );
  }
  return ok(bundleOf(resources, o.value.generatedAt));
}

/** The whole center's Bundle: every patient with a valid patient record, in creation order. */
export function centerBundle(
  records: readonly ClinicalRecord[],
  options: FhirExportOptions,
): Result<ExportBundle> {
  const o = checkOptions(options);
  if (!o.ok) return o;
  const view = exportView(records.filter((r) => r.patientId !== null));
  const items = groupBy(view.items, (i) => i.record.patientId);
  const patientIds = [...items.keys()].sort();
  return ok(bundleOf(resourcesOf(view, patientIds, items, o.value), o.value.generatedAt));
}
