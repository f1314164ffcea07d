/**
 * Which records count now (protocol.md section 6: "Nothing is deleted: a correction is a new
 * record that supersedes the old one, with a reason ('entered in error')").
 *
 * Rules, applied to whatever set of records is passed in (a session's, a patient's, all):
 * - A correction (a record whose `supersedes` names another of the same kind and patient)
 *   replaces it: the old one stops counting, and stays in `historyOf`.
 * - Two corrections of the same record (e.g. made offline on two tablets) are a conflict: both
 *   count, the old one does not, and the conflict is reported for review; nothing is guessed.
 * - A "correction" of another kind or another patient is not applied (the target keeps
 *   counting) and is reported as a conflict too.
 * - An `entered-in-error` marker voids its target and every correction of it (a correction of
 *   a record that should not exist should not exist either). A marker voided by another marker
 *   is undone, so a mistaken "entered in error" can itself be withdrawn.
 * - Markers never count as clinical facts themselves; they appear in `historyOf`.
 * A correction of a voided correction brings nothing back: only removing a marker does.
 */
import type { ClinicalRecord } from '../records/registry.ts';

export type CorrectionConflict = {
  readonly reason: 'competing-corrections' | 'invalid-correction';
  /** The record being corrected. */
  readonly recordId: string;
  readonly correctionIds: readonly string[];
  readonly patientId: string | null;
  readonly sessionId: string | null;
  readonly message: string;
};

export type EffectiveRecords = {
  /** Records that count, ordered by clinical time then id. */
  readonly records: readonly ClinicalRecord[];
  readonly conflicts: readonly CorrectionConflict[];
  /** Every record passed in (duplicates removed), counting or not: for history and activity. */
  readonly all: readonly ClinicalRecord[];
  /** The original, its corrections (oldest lineage first) and markers on any of them. */
  historyOf(recordId: string): readonly ClinicalRecord[];
  isEffective(recordId: string): boolean;
};

/** Orders by clinical time, then id (UUIDv7: creation order) so ties are stable. */
export const byClinicalTime = (a: ClinicalRecord, b: ClinicalRecord) =>
  a.clinicalTime < b.clinicalTime
    ? -1
    : a.clinicalTime > b.clinicalTime
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

const byId = (a: ClinicalRecord, b: ClinicalRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Applies corrections and entered-in-error markers; see the file header for the rules. */
export function effectiveRecords(input: readonly ClinicalRecord[]): EffectiveRecords {
  const all = new Map<string, ClinicalRecord>();
  for (const r of input) if (!all.has(r.id)) all.set(r.id, r); // a duplicate id is the same record
  const correctors = new Map<string, ClinicalRecord[]>();
  const markers = new Map<string, ClinicalRecord[]>();
  const conflicts: CorrectionConflict[] = [];
  const validLinks = new Set<string>(); // ids of records whose `supersedes` link is applied

  for (const r of all.values()) {
    if (r.kind === 'entered-in-error') {
      push(markers, r.payload.targetRecordId, r);
      continue;
    }
    if (r.supersedes === null) continue;
    const target = all.get(r.supersedes.recordId);
    if (target && (target.kind !== r.kind || target.patientId !== r.patientId)) {
      conflicts.push({
        reason: 'invalid-correction',
        recordId: target.id,
        correctionIds: [r.id],
        patientId: r.patientId,
        sessionId: r.sessionId ?? target.sessionId,
        message: `Record ${r.id} claims to correct ${target.id}, a ${target.kind} record${target.patientId !== r.patientId ? ' of another patient' : ''}; the correction was not applied. Review both.`,
      });
      continue;
    }
    validLinks.add(r.id);
    push(correctors, r.supersedes.recordId, r);
  }
  for (const [recordId, list] of correctors) {
    if (list.length < 2) continue;
    const target = all.get(recordId);
    conflicts.push({
      reason: 'competing-corrections',
      recordId,
      correctionIds: list.map((r) => r.id).sort(),
      patientId: target?.patientId ?? list[0]?.patientId ?? null,
      sessionId: target?.sessionId ?? list[0]?.sessionId ?? null,
      message: `${list.length} corrections of the same ${target?.kind ?? 'record'} were made separately; both are kept. Review them and correct the wrong one.`,
    });
  }

  // voided(id): an active marker targets it or the record it corrects is voided.
  const voidedMemo = new Map<string, boolean>();
  const voided = (id: string): boolean => {
    const known = voidedMemo.get(id);
    if (known !== undefined) return known;
    voidedMemo.set(id, false); // cycle guard: a marker loop voids nothing
    const direct = (markers.get(id) ?? []).some((m) => !voided(m.id));
    const r = all.get(id);
    const inherited =
      r !== undefined &&
      r.supersedes !== null &&
      validLinks.has(r.id) &&
      voided(r.supersedes.recordId);
    voidedMemo.set(id, direct || inherited);
    return direct || inherited;
  };
  const effective = (r: ClinicalRecord) =>
    r.kind !== 'entered-in-error' &&
    !voided(r.id) &&
    !(correctors.get(r.id) ?? []).some((c) => !voided(c.id));

  const records = [...all.values()].filter(effective).sort(byClinicalTime);
  const effectiveIds = new Set(records.map((r) => r.id));

  const historyOf = (recordId: string): readonly ClinicalRecord[] => {
    let root = all.get(recordId);
    if (!root) return [];
    const seen = new Set<string>([root.id]);
    while (root.supersedes !== null && validLinks.has(root.id)) {
      const up = all.get(root.supersedes.recordId);
      if (!up || seen.has(up.id)) break;
      seen.add(up.id);
      root = up;
    }
    const lineage: ClinicalRecord[] = [];
    const queue = [root];
    const visited = new Set<string>();
    while (queue.length > 0) {
      const r = queue.shift() as ClinicalRecord;
      if (visited.has(r.id)) continue;
      visited.add(r.id);
      lineage.push(r);
      queue.push(...[...(correctors.get(r.id) ?? [])].sort(byId));
    }
    const marks: ClinicalRecord[] = [];
    const collectMarks = (id: string) => {
      for (const m of markers.get(id) ?? []) {
        if (visited.has(m.id)) continue;
        visited.add(m.id);
        marks.push(m);
        collectMarks(m.id);
      }
    };
    for (const r of lineage) collectMarks(r.id);
    return [...lineage, ...marks.sort(byId)];
  };

  return {
    records,
    conflicts,
    all: [...all.values()],
    historyOf,
    isEffective: (id) => effectiveIds.has(id),
  };
}
