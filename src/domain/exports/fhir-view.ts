/**
 * Which records become FHIR resources, under which id and with which status (protocol.md
 * section 6: nothing is deleted; a correction supersedes, "entered in error" voids).
 *
 * - Identity: a resource is a record's lineage (the original and its corrections), and takes
 *   the id of the original record. A correction therefore updates the same resource
 *   (urn:uuid:<original id>) rather than adding a second one, and a receiver that loaded an
 *   earlier export replaces it. Patient and Encounter ids are then the patientId / sessionId
 *   every record carries (those are the ids of the first patient / session record).
 * - Status: the effective record is exported; 'corrected' when it is a correction (FHIR R4
 *   Observation status "corrected": changed after being final, to correct an error), else
 *   'final'.
 * - Entered in error: exported with status 'entered-in-error' under the same id, not omitted.
 *   That status exists in FHIR precisely so that data already released can be withdrawn; a
 *   receiver that imported the record from an earlier export only learns it is void if the
 *   new export says so. The values are exported as they were recorded (the status is a
 *   modifier: receivers must not use them). Resource types without that status (R4 Patient,
 *   AdverseEvent) are omitted instead; see fhir-bundle.ts.
 * - Competing corrections (two corrections of one record, effective.ts reports them): both
 *   are exported, the second under its own record id, so neither is silently dropped.
 */
import type { ClinicalRecord } from '../records/registry.ts';
import { effectiveRecords, type EffectiveRecords } from '../state/effective.ts';

export type ExportState = 'final' | 'corrected' | 'entered-in-error';

export type ExportItem = {
  /** The effective record, or for a voided lineage its latest record. */
  readonly record: ClinicalRecord;
  /** Resource id: the original record's id (see the file header). */
  readonly resourceId: string;
  readonly state: ExportState;
  /** The marker that voided it (state 'entered-in-error' only). */
  readonly marker: Extract<ClinicalRecord, { kind: 'entered-in-error' }> | null;
};

export type ExportView = {
  readonly effective: EffectiveRecords;
  /** Every exportable lineage, in clinical-time order of its record. */
  readonly items: readonly ExportItem[];
  /** Resource id of the lineage a record id belongs to (e.g. a session's courseId). */
  resourceIdOf(recordId: string): string | null;
};

const byTime = (a: ClinicalRecord, b: ClinicalRecord) =>
  a.clinicalTime < b.clinicalTime
    ? -1
    : a.clinicalTime > b.clinicalTime
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** The active marker of a voided lineage: the latest marker not itself voided by another. */
function activeMarker(history: readonly ClinicalRecord[]): ExportItem['marker'] {
  const markers = history.filter(
    (r): r is NonNullable<ExportItem['marker']> => r.kind === 'entered-in-error',
  );
  const undone = new Set(markers.map((m) => m.payload.targetRecordId));
  return (
    markers
      .filter((m) => !undone.has(m.id))
      .sort(byTime)
      .at(-1) ?? null
  );
}

/** Builds the export view of `records` (any mix of patients); see the file header. */
export function exportView(records: readonly ClinicalRecord[]): ExportView {
  const effective = effectiveRecords(records);
  const rootOf = (id: string) => effective.historyOf(id)[0]?.id ?? id;
  const idMap = new Map<string, string>();
  const taken = new Set<string>();
  const items: ExportItem[] = [];

  for (const record of effective.records) {
    // An original (the usual case) is its own root: skip building its history.
    const root = record.supersedes === null ? record.id : rootOf(record.id);
    const resourceId = taken.has(root) ? record.id : root;
    taken.add(resourceId);
    idMap.set(record.id, resourceId);
    if (!idMap.has(root)) idMap.set(root, resourceId);
    items.push({
      record,
      resourceId,
      state: record.supersedes === null ? 'final' : 'corrected',
      marker: null,
    });
  }

  const voidedRoots = new Set<string>();
  for (const r of effective.all) {
    if (r.kind === 'entered-in-error' || effective.isEffective(r.id)) continue;
    const root = rootOf(r.id);
    if (voidedRoots.has(root) || taken.has(root)) continue;
    const history = effective.historyOf(root);
    const lineage = history.filter((h) => h.kind !== 'entered-in-error');
    if (lineage.some((h) => effective.isEffective(h.id))) continue; // superseded, not voided
    voidedRoots.add(root);
    const latest = [...lineage].sort(byTime).at(-1) ?? r;
    for (const h of lineage) idMap.set(h.id, root);
    items.push({
      record: latest,
      resourceId: root,
      state: 'entered-in-error',
      marker: activeMarker(history),
    });
  }
  // Superseded records point at their lineage's resource too.
  for (const r of effective.all)
    if (!idMap.has(r.id)) idMap.set(r.id, idMap.get(rootOf(r.id)) ?? rootOf(r.id));

  items.sort((a, b) => byTime(a.record, b.record));
  return { effective, items, resourceIdOf: (id) => idMap.get(id) ?? null };
}
