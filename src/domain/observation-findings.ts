/**
 * The findings snapshot stored with an observation (and with a corrected one): what the screen
 * said at the time, since rules and thresholds may change later. Built only from the
 * assessments: vitals by `assessVitals` (absolute limits and change vs this session's baseline,
 * protocol.md section 4), sedation by `assessSedation` (RASS).
 */
import type { AlertLevel, VitalsAssessment } from './monitoring.ts';
import type { PayloadOf } from './records/registry.ts';
import type { RassLevel } from './sedation.ts';

export type StoredFinding = PayloadOf<'observation'>['findings'][number];

/** A finding as the screen shows it when it is made: the stored finding and its Dutch words. */
export type AssessedFinding = StoredFinding & { readonly messageNl: string };

const levelNl = { normal: 'normaal', warning: 'waarschuwing', urgent: 'dringend' } as const;

/**
 * One entry per flagged reason (normal values are not listed), vitals first, then RASS.
 * Units: as in the assessments (mmHg, /min, %); nothing is recomputed here. Each carries its
 * Dutch text for the screen; the record stores `storedFindings` of it (the recorded words).
 */
export function findingsSnapshot(vitals: VitalsAssessment, rass: RassLevel): AssessedFinding[] {
  const out: AssessedFinding[] = vitals.findings.flatMap((f) =>
    f.reasons.map((r) => ({
      level: r.level,
      vital: f.vital,
      code: r.kind,
      message: r.message,
      messageNl: r.messageNl,
    })),
  );
  if (rass.level !== 'normal') {
    const sign = rass.score > 0 ? '+' : '';
    out.push({
      level: rass.level,
      code: 'rass',
      message: `Sedation RASS ${sign}${rass.score} (${rass.label}) (${rass.level}).`,
      messageNl: `Sedatie RASS ${sign}${rass.score} (${rass.labelNl}) (${levelNl[rass.level]}).`,
    });
  }
  return out;
}

/** The findings as an observation record stores them (English, the words of the record). */
export const storedFindings = (findings: readonly AssessedFinding[]): StoredFinding[] =>
  findings.map(({ messageNl: _dutch, ...stored }) => stored);

const RANK: { readonly [L in AlertLevel]: number } = { normal: 0, warning: 1, urgent: 2 };

/** The highest level among stored findings ('normal' when none). */
export function highestLevel(findings: readonly { readonly level: AlertLevel }[]): AlertLevel {
  return findings.reduce<AlertLevel>((l, f) => (RANK[f.level] > RANK[l] ? f.level : l), 'normal');
}
