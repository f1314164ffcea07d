/**
 * The "stale" mark shared by the per-patient rows derived from records (the registry cache,
 * registry-rows.ts; the course bundles, course-records.ts): every writer of records marks the
 * rows of the patients it wrote, in the records' own transaction, and a row is stored fresh
 * again only over the mark it was read with.
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
