/**
 * The findings snapshot stored with an observation (and with a corrected one): what the screen
 * said at the time, since rules and thresholds may change later. Built only from the
 * assessments: vitals by `assessVitals` (absolute limits and change vs this session's baseline,
 * protocol.md section 4), sedation by `assessSedation` (RASS).
 */
import { assessVitals, type AlertLevel, type VitalsAssessment } from './monitoring.ts';
import type { PayloadOf } from './records/registry.ts';
import { assessSedation, type RassLevel } from './sedation.ts';
import type { VitalThresholds } from './settings.ts';
import type { Vitals } from './vitals.ts';

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

const sameFinding = (a: StoredFinding, b: StoredFinding): boolean =>
  a.level === b.level && a.vital === b.vital && a.code === b.code && a.message === b.message;

/**
 * The Dutch words of an observation's stored findings, in their order, when they can be shown
 * faithfully; otherwise null, and the screen shows the recorded (English) words. A record keeps
 * the words it was made with, so the observation is assessed again from its own values (mmHg,
 * /min, %, RASS) with the `baseline` and `thresholds` given (the session's, as the vitals form
 * uses them), and only if that gives exactly the stored findings (level, vital, code and the
 * English sentence with its numbers) are the new assessment's Dutch words used. A baseline
 * corrected since, or another settings version, gives other findings: null.
 * Source: protocol.md section 4 (via assessVitals and assessSedation).
 */
export function storedFindingsNl(
  observation: PayloadOf<'observation'>,
  baseline: Vitals | null,
  thresholds: VitalThresholds,
): readonly string[] | null {
  const vitals = assessVitals(observation, baseline, thresholds);
  const rass = assessSedation(observation.rass);
  if (!vitals.ok || !rass.ok) return null;
  const again = findingsSnapshot(vitals.value, rass.value);
  const stored = observation.findings;
  if (again.length !== stored.length) return null;
  if (!again.every((f, i) => sameFinding(f, stored[i] as StoredFinding))) return null;
  return again.map((f) => f.messageNl);
}

/**
 * A session's baseline-vitals payload as the vitals an assessment takes (mmHg, /min, %; the
 * respiratory rate is optional in the record, null here). Null without a baseline.
 */
export const baselineAsVitals = (
  baseline: PayloadOf<'baseline-vitals'> | null | undefined,
): Vitals | null =>
  baseline ? { ...baseline, respiratoryRatePerMin: baseline.respiratoryRatePerMin ?? null } : null;
