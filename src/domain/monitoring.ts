/**
 * Bedside monitoring rules (protocol.md section 4, "Monitoring [default]"): alert levels for
 * one set of vitals, and when the next observation is due.
 *
 * Levels, decided here and shown in settings as [default] (thresholds themselves come from
 * `CenterSettings.thresholds`):
 * | rule                       | level   | why |
 * |----------------------------|---------|-----|
 * | SpO2 <= warning limit (92) | warning | protocol.md; modified Aldrete needs SpO2 > 92 % |
 * | SpO2 <= urgent limit (90)  | urgent  | protocol.md |
 * | SBP > 180 or < 90 mmHg     | urgent  | these are the abort limits of low-dose ketamine protocols |
 * | DBP > 110 mmHg             | urgent  | the diastolic half of 180/110, the usual "do not proceed" pair |
 * | HR < 50 /min               | urgent  | abort limit of low-dose ketamine protocols |
 * | HR > 120 /min              | warning | settings: 120 chosen as a warning below the 150 abort limit |
 * | RR < 10 /min               | urgent  | abort limit; propofol runs alongside (respiratory depression) |
 * | change > 30 % of baseline  | warning | a trend worth a look; the absolute limits carry the urgency |
 * Open: settings have no urgent upper heart rate (the sources' abort limit is 150 /min), so
 * HR 180 is only "warning" until a `heartRateUrgentAbovePerMin` setting exists.
 * A vital's level is the highest of its reasons. Baseline change is strictly greater than the
 * setting (exactly 30 % is not flagged), computed without division so no rounding decides it.
 */
import { fail, ok, type Result } from './result.ts';
import type { VitalThresholds } from './settings.ts';
import { parseVitals, VITAL_ENTRY_BOUNDS, type VitalField, type Vitals } from './vitals.ts';

export type AlertLevel = 'normal' | 'warning' | 'urgent';

export type VitalReason = {
  readonly kind: 'absolute' | 'baseline-change';
  readonly level: Exclude<AlertLevel, 'normal'>;
  readonly message: string;
  /** The same in Dutch, with the same numbers. */
  readonly messageNl: string;
  readonly threshold: number;
  /** Unit of `threshold`: mmHg, /min or % (for baseline change, % of the baseline value). */
  readonly unit: string;
};

export type VitalFinding = {
  readonly vital: VitalField;
  readonly value: number;
  readonly level: AlertLevel;
  readonly reasons: readonly VitalReason[];
};

export type VitalsAssessment = {
  /** One finding per vital measured; RR is absent when it was not measured. */
  readonly findings: readonly VitalFinding[];
  readonly level: AlertLevel;
};

type Rule = {
  readonly vital: VitalField;
  readonly key: keyof VitalThresholds;
  readonly compare: 'above' | 'below' | 'at-or-below';
  readonly level: Exclude<AlertLevel, 'normal'>;
};

// Ordered most severe first: within a vital and direction only the first match is reported
// (SpO2 88 is "urgent", not "urgent" and "warning").
const RULES: readonly Rule[] = [
  {
    vital: 'spo2Percent',
    key: 'spo2UrgentAtOrBelowPercent',
    compare: 'at-or-below',
    level: 'urgent',
  },
  {
    vital: 'spo2Percent',
    key: 'spo2WarningAtOrBelowPercent',
    compare: 'at-or-below',
    level: 'warning',
  },
  { vital: 'systolicMmHg', key: 'systolicAboveMmHg', compare: 'above', level: 'urgent' },
  { vital: 'systolicMmHg', key: 'systolicBelowMmHg', compare: 'below', level: 'urgent' },
  { vital: 'diastolicMmHg', key: 'diastolicAboveMmHg', compare: 'above', level: 'urgent' },
  { vital: 'heartRatePerMin', key: 'heartRateAbovePerMin', compare: 'above', level: 'warning' },
  { vital: 'heartRatePerMin', key: 'heartRateBelowPerMin', compare: 'below', level: 'urgent' },
  {
    vital: 'respiratoryRatePerMin',
    key: 'respiratoryRateBelowPerMin',
    compare: 'below',
    level: 'urgent',
  },
];

const VITAL_ORDER: readonly VitalField[] = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRatePerMin',
  'spo2Percent',
  'respiratoryRatePerMin',
];

const RANK: { readonly [L in AlertLevel]: number } = { normal: 0, warning: 1, urgent: 2 };
/** The more severe of two levels. */
export const higherLevel = (a: AlertLevel, b: AlertLevel): AlertLevel =>
  RANK[a] >= RANK[b] ? a : b;

const matches = (value: number, rule: Rule, t: number) =>
  rule.compare === 'above' ? value > t : rule.compare === 'below' ? value < t : value <= t;

const words = { above: 'above', below: 'below', 'at-or-below': 'at or below' } as const;
const wordsNl = {
  above: 'hoger dan',
  below: 'lager dan',
  'at-or-below': 'gelijk aan of lager dan',
} as const;
const levelNl = { urgent: 'dringend', warning: 'waarschuwing' } as const;

/**
 * Alert level per vital for one observation (units mmHg, /min, %), against absolute
 * thresholds and, when a baseline is given, a change strictly greater than
 * `thresholds.changeFromBaselinePercent` from this session's baseline. Both vitals and
 * baseline are re-checked against entry plausibility, so a corrupted stored value is an error,
 * never a silent "normal". Source: protocol.md section 4, Monitoring.
 */
export function assessVitals(
  vitals: Vitals,
  baseline: Vitals | null,
  thresholds: VitalThresholds,
): Result<VitalsAssessment> {
  const v = parseVitals(vitals);
  if (!v.ok) return v;
  let base: Vitals | null = null;
  if (baseline !== null) {
    const b = parseVitals(baseline);
    if (!b.ok)
      return fail(
        b.error.code,
        `baseline.${b.error.field}`,
        `Baseline: ${b.error.message}`,
        `Uitgangswaarde: ${b.error.messageNl ?? b.error.message}`,
      );
    base = b.value;
  }
  const findings: VitalFinding[] = [];
  for (const field of VITAL_ORDER) {
    const value = v.value[field];
    if (value === null) continue;
    const { label, labelNl, unit } = VITAL_ENTRY_BOUNDS[field];
    const reasons: VitalReason[] = [];
    const seen = new Set<string>();
    for (const rule of RULES) {
      if (rule.vital !== field || seen.has(rule.compare)) continue;
      const t = thresholds[rule.key];
      if (!matches(value, rule, t)) continue;
      seen.add(rule.compare);
      reasons.push({
        kind: 'absolute',
        level: rule.level,
        threshold: t,
        unit,
        message: `${label} ${value} ${unit} is ${words[rule.compare]} ${t} ${unit} (${rule.level}).`,
        messageNl: `${labelNl} ${value} ${unit} is ${wordsNl[rule.compare]} ${t} ${unit} (${levelNl[rule.level]}).`,
      });
    }
    const b = base?.[field] ?? null;
    const pct = thresholds.changeFromBaselinePercent;
    // |v - b| / b > pct / 100, rearranged so integers compare exactly (b > 0 by plausibility).
    if (b !== null && Math.abs(value - b) * 100 > pct * b) {
      const change = ((value - b) / b) * 100;
      reasons.push({
        kind: 'baseline-change',
        level: 'warning',
        threshold: pct,
        unit: '%',
        message: `${label} ${value} ${unit} is ${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(0)} % from this session's baseline ${b} ${unit} (more than ${pct} %).`,
        messageNl: `${labelNl} ${value} ${unit} is ${Math.abs(change).toFixed(0)} % ${change > 0 ? 'hoger' : 'lager'} dan de uitgangswaarde van deze sessie, ${b} ${unit} (meer dan ${pct} %).`,
      });
    }
    const level = reasons.reduce<AlertLevel>((l, r) => higherLevel(l, r.level), 'normal');
    findings.push({ vital: field, value, level, reasons });
  }
  return ok({
    findings,
    level: findings.reduce<AlertLevel>((l, f) => higherLevel(l, f.level), 'normal'),
  });
}

// The observation schedule lives in its own file; re-exported so monitoring is one import.
export {
  observationSchedule,
  OBSERVATION_DUE_SOON_WITHIN_MIN,
  type ObservationSchedule,
  type ObservationScheduleInput,
  type ObservationStatus,
} from './observation-schedule.ts';
