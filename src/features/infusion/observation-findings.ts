/**
 * The findings snapshot stored with an observation: what the screen said at the time (the
 * rules and thresholds may change later). Built from the domain assessments, never decided
 * here: vitals by `assessVitals` (absolute limits and change vs this session's baseline),
 * sedation by `assessSedation` (RASS).
 */
import type { AlertLevel, VitalsAssessment } from '../../domain/monitoring.ts';
import type { PayloadOf } from '../../domain/records/registry.ts';
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

const RANK: { readonly [L in AlertLevel]: number } = { normal: 0, warning: 1, urgent: 2 };

/** The highest level among stored findings ('normal' when none). */
export function highestLevel(findings: readonly { readonly level: AlertLevel }[]): AlertLevel {
  return findings.reduce<AlertLevel>((l, f) => (RANK[f.level] > RANK[l] ? f.level : l), 'normal');
}
