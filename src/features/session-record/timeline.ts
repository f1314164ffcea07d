/**
 * The session timeline: every record of the session in clinical-time order, each with what
 * happened to it (protocol.md section 6: "Nothing is deleted: a correction is a new record
 * that supersedes the old one, with a reason"). Whether a record still counts is decided by
 * effective.ts (`isEffective`); this only says why, for the screen: corrected (by which
 * records), entered in error (by which marker, possibly withdrawn), or voided because the
 * entry it corrected was marked in error. Markers are not entries of their own.
 */
import type { ClinicalRecord, RecordOfKind } from '../../domain/records.ts';
import { byClinicalTime, type EffectiveRecords } from '../../domain/state/effective.ts';

export type EntryStatus = 'current' | 'corrected' | 'entered-in-error' | 'voided-with-target';

type Marker = RecordOfKind<'entered-in-error'>;

export type MarkerInfo = {
  readonly marker: Marker;
  /** A later marker on the marker withdraws it ("it was not in error after all"). */
  readonly withdrawnBy: Marker | null;
};

export type TimelineEntry = {
  readonly record: ClinicalRecord;
  readonly status: EntryStatus;
  readonly markers: readonly MarkerInfo[];
  /** Records that supersede this one (two or more: a conflict to review). */
  readonly correctedBy: readonly ClinicalRecord[];
  /** The record this one supersedes, if it is a correction. */
  readonly corrects: ClinicalRecord | null;
  readonly needsReview: boolean;
};

/** Builds the timeline of `sessionId` from all records of its patient. */
export function buildTimeline(
  all: readonly ClinicalRecord[],
  effective: EffectiveRecords,
  sessionId: string,
): TimelineEntry[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const markersOn = new Map<string, Marker[]>();
  const correctors = new Map<string, ClinicalRecord[]>();
  for (const r of byId.values()) {
    if (r.kind === 'entered-in-error') {
      const list = markersOn.get(r.payload.targetRecordId) ?? [];
      list.push(r);
      markersOn.set(r.payload.targetRecordId, list);
    } else if (r.supersedes !== null) {
      const list = correctors.get(r.supersedes.recordId) ?? [];
      list.push(r);
      correctors.set(r.supersedes.recordId, list);
    }
  }
  const review = new Set<string>();
  for (const c of effective.conflicts) {
    if (c.sessionId !== sessionId) continue;
    review.add(c.recordId);
    for (const id of c.correctionIds) review.add(id);
  }

  const markerInfo = (id: string): MarkerInfo[] =>
    (markersOn.get(id) ?? []).sort(byClinicalTime).map((marker) => ({
      marker,
      withdrawnBy: (markersOn.get(marker.id) ?? []).sort(byClinicalTime)[0] ?? null,
    }));

  return [...byId.values()]
    .filter((r) => r.sessionId === sessionId && r.kind !== 'entered-in-error')
    .sort(byClinicalTime)
    .map((record) => {
      const markers = markerInfo(record.id);
      const correctedBy = [...(correctors.get(record.id) ?? [])].sort(byClinicalTime);
      const status: EntryStatus = effective.isEffective(record.id)
        ? 'current'
        : markers.some((m) => m.withdrawnBy === null)
          ? 'entered-in-error'
          : correctedBy.length > 0
            ? 'corrected'
            : 'voided-with-target';
      const target = record.supersedes ? (byId.get(record.supersedes.recordId) ?? null) : null;
      return {
        record,
        status,
        markers,
        correctedBy,
        corrects: target,
        needsReview: review.has(record.id),
      };
    });
}

/** The record kinds a nurse corrects by values (the others: entered in error, or a new entry). */
export const CORRECTABLE_KINDS = [
  'observation',
  'weight',
  'baseline-vitals',
  'drug-given',
  'outcome-answer',
  'side-effect',
] as const;
export type CorrectableKind = (typeof CORRECTABLE_KINDS)[number];

export type CorrectableRecord = Extract<ClinicalRecord, { kind: CorrectableKind }>;

export const isCorrectable = (r: ClinicalRecord): r is CorrectableRecord =>
  (CORRECTABLE_KINDS as readonly string[]).includes(r.kind);
