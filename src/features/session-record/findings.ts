/**
 * The findings snapshot stored with a corrected observation: what the rules say about the
 * corrected values (the same shape the infusion screen stores). Built from the domain
 * assessments only: vitals by `assessVitals`, sedation by `assessSedation`.
 */
import type { VitalsAssessment } from '../../domain/monitoring.ts';
import type { PayloadOf } from '../../domain/records.ts';
import type { RassLevel } from '../../domain/sedation.ts';

export type StoredFinding = PayloadOf<'observation'>['findings'][number];

/** One entry per flagged reason (normal values are not listed), vitals first, then RASS. */
export function findingsSnapshot(vitals: VitalsAssessment, rass: RassLevel): StoredFinding[] {
  const out: StoredFinding[] = vitals.findings.flatMap((f) =>
    f.reasons.map((r) => ({ level: r.level, vital: f.vital, code: r.kind, message: r.message })),
  );
  if (rass.level !== 'normal') {
    const sign = rass.score > 0 ? '+' : '';
    out.push({
      level: rass.level,
      code: 'rass',
      message: `Sedation RASS ${sign}${rass.score} (${rass.label}) (${rass.level}).`,
    });
  }
  return out;
}
