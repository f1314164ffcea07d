/**
 * The "stale" mark of the per-patient rows derived from records: every writer of records marks
 * the rows of the patients it wrote, in the records' own transaction, and a row is stored fresh
 * again only over the mark it was read with. The registry cache marks every row it concerns
 * (registry-rows.ts); a course bundle's head only when its new records cannot be appended to
 * it (course-bundles.ts).
 */
import type { ClinicalRecord } from '../domain/records.ts';

export type StaleMark = {
  readonly patientId: string;
  readonly state: 'stale';
  /** The last record written that made the row stale. */
  readonly staleBy: string;
};

/** One mark per patient of `added` with a record that `counts` for the row. */
export function staleMarks(
  added: readonly ClinicalRecord[],
  counts: (record: ClinicalRecord) => boolean,
): StaleMark[] {
  const staleBy = new Map<string, string>();
  for (const r of added) if (r.patientId !== null && counts(r)) staleBy.set(r.patientId, r.id);
  return [...staleBy].map(([patientId, id]) => ({ patientId, state: 'stale', staleBy: id }));
}
