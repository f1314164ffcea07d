/**
 * Discharge readiness (protocol.md section 3 "escorted home; told unfit to drive" [protocol]
 * and section 4 "Discharge [default]": modified Aldrete >= 9, vitals within 20 % of that
 * session's baseline, escort present, no-driving advice acknowledged, minimum observation
 * after infusion end). Values come from `CenterSettings`.
 *
 * Fails closed: every criterion not shown to be met, including any input that cannot be read,
 * is listed in `unmet`, and `ready` is true only when `unmet` is empty. The app does not
 * discharge; it tells the nurse which checks are still open.
 *
 * Two additions beyond the protocol's list, both [default], because the 20 % rule alone lets
 * dangerous values through (SpO2 98 -> 80 % is "within 20 %"):
 * - the last vitals must trigger no absolute alert threshold (monitoring.ts), and
 * - they must be taken at or after the infusion end (not a reading from during the infusion).
 */
import { assessVitals } from './monitoring.ts';
import { checkNow, parseInstant } from './clinical-time.ts';
import type { CenterSettings } from './settings.ts';
import { parseVitals, VITAL_ENTRY_BOUNDS, type VitalField, type Vitals } from './vitals.ts';

export type DischargeUnmetCode =
  | 'invalid-input'
  | 'aldrete-missing'
  | 'aldrete-too-low'
  | 'vitals-missing'
  | 'baseline-missing'
  | 'vitals-before-infusion-end'
  | 'vitals-outside-baseline'
  | 'vitals-alert'
  | 'escort-absent'
  | 'no-driving-advice-missing'
  | 'infusion-not-ended'
  | 'observation-too-short';

export type DischargeUnmet = {
  readonly code: DischargeUnmetCode;
  readonly message: string;
  /** The same in Dutch, with the same numbers. */
  readonly messageNl: string;
  readonly field?: string;
};

export type DischargeAssessment = {
  readonly ready: boolean;
  readonly unmet: readonly DischargeUnmet[];
};

export type DischargeInput = {
  /** Modified Aldrete total, 0-10 (aldrete.ts), null when not scored yet. */
  readonly aldrete: number | null;
  readonly lastVitals: Vitals | null;
  /** Clinical time of `lastVitals`, ISO instant. */
  readonly lastVitalsAt: string | null;
  /** This session's pre-infusion vitals. */
  readonly baseline: Vitals | null;
  readonly escortPresent: boolean;
  readonly noDrivingAdviceGiven: boolean;
  readonly infusionEndedAt: string | null;
  readonly now: Date;
  readonly settings: Pick<
    CenterSettings,
    | 'dischargeMinAldrete'
    | 'dischargeVitalsWithinPercent'
    | 'dischargeMinObservationMin'
    | 'thresholds'
  >;
};

const COMPARED: readonly VitalField[] = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRatePerMin',
  'spo2Percent',
  'respiratoryRatePerMin',
];

/**
 * Lists every discharge criterion not met. Vitals "within X %" means |value - baseline| <=
 * X % of baseline (exactly 20 % is within), for each vital measured in both. Minimum
 * observation is met when minutes since infusion end >= the setting (on the minute is met).
 */
export function assessDischarge(input: DischargeInput): DischargeAssessment {
  const { settings } = input;
  const unmet: DischargeUnmet[] = [];
  const add = (code: DischargeUnmetCode, message: string, messageNl: string, field?: string) =>
    unmet.push(
      field === undefined ? { code, message, messageNl } : { code, message, messageNl, field },
    );
  const nl = (e: { readonly message: string; readonly messageNl?: string }) =>
    e.messageNl ?? e.message;

  const nowR = checkNow(input.now);
  const now = nowR.ok ? nowR.value.getTime() : null;
  if (!nowR.ok) add('invalid-input', nowR.error.message, nl(nowR.error), 'now');

  const a = input.aldrete;
  if (a === null || a === undefined)
    add(
      'aldrete-missing',
      'Score the modified Aldrete before discharge.',
      'Scoor de gewijzigde Aldrete vóór het ontslag.',
      'aldrete',
    );
  else if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a > 10)
    add(
      'invalid-input',
      'The Aldrete total must be a whole number from 0 to 10. Score it again.',
      'Het Aldrete-totaal moet een geheel getal van 0 tot 10 zijn. Scoor opnieuw.',
      'aldrete',
    );
  else if (a < settings.dischargeMinAldrete)
    add(
      'aldrete-too-low',
      `Modified Aldrete is ${a}; discharge needs ${settings.dischargeMinAldrete} or more. Keep observing and score again.`,
      `De gewijzigde Aldrete is ${a}; ontslag vraagt ${settings.dischargeMinAldrete} of meer. Blijf observeren en scoor opnieuw.`,
      'aldrete',
    );

  let endMs: number | null = null;
  if (input.infusionEndedAt === null)
    add(
      'infusion-not-ended',
      'The infusion has not been stopped yet.',
      'Het infuus is nog niet gestopt.',
      'infusionEndedAt',
    );
  else {
    const end = parseInstant(
      input.infusionEndedAt,
      'infusionEndedAt',
      'Infusion end time',
      'Eindtijd van het infuus',
    );
    if (!end.ok) add('invalid-input', end.error.message, nl(end.error), 'infusionEndedAt');
    else if (now !== null && end.value.getTime() > now)
      add(
        'invalid-input',
        'The infusion end time is later than now. Check the time entered and the tablet clock.',
        'De eindtijd van het infuus ligt later dan nu. Controleer de ingevoerde tijd en de klok van de tablet.',
        'infusionEndedAt',
      );
    else if (now !== null) {
      endMs = end.value.getTime();
      const observed = (now - endMs) / 60_000;
      if (observed < settings.dischargeMinObservationMin) {
        const left = Math.ceil(settings.dischargeMinObservationMin - observed);
        add(
          'observation-too-short',
          `Observed ${Math.floor(observed)} min since the infusion ended; the minimum is ${settings.dischargeMinObservationMin} min (about ${left} min to go).`,
          `${Math.floor(observed)} min geobserveerd sinds het einde van het infuus; het minimum is ${settings.dischargeMinObservationMin} min (nog ongeveer ${left} min).`,
        );
      }
    }
  }

  const last = input.lastVitals === null ? null : parseVitals(input.lastVitals);
  const base = input.baseline === null ? null : parseVitals(input.baseline);
  if (last === null)
    add(
      'vitals-missing',
      'Take a set of vitals after the infusion before discharge.',
      'Meet na het infuus een reeks vitale parameters vóór het ontslag.',
      'lastVitals',
    );
  else if (!last.ok)
    add(
      'invalid-input',
      `Last vitals: ${last.error.message}`,
      `Laatste vitale parameters: ${nl(last.error)}`,
      `lastVitals.${last.error.field}`,
    );
  if (base === null)
    add(
      'baseline-missing',
      "This session's baseline vitals are missing, so recovery cannot be compared. Ask the anesthesiologist.",
      'De uitgangswaarden van deze sessie ontbreken, dus het herstel kan niet vergeleken worden. Vraag het de anesthesist.',
      'baseline',
    );
  else if (!base.ok)
    add(
      'invalid-input',
      `Baseline: ${base.error.message}`,
      `Uitgangswaarde: ${nl(base.error)}`,
      `baseline.${base.error.field}`,
    );

  if (last?.ok) {
    const at = parseInstant(
      input.lastVitalsAt,
      'lastVitalsAt',
      'Time of the last vitals',
      'Tijdstip van de laatste vitale parameters',
    );
    if (!at.ok) add('invalid-input', at.error.message, nl(at.error), 'lastVitalsAt');
    else if (now !== null && at.value.getTime() > now)
      add(
        'invalid-input',
        'The last vitals are timed later than now. Check the time entered.',
        'De laatste vitale parameters zijn later dan nu getimed. Controleer de ingevoerde tijd.',
        'lastVitalsAt',
      );
    else if (endMs !== null && at.value.getTime() < endMs)
      add(
        'vitals-before-infusion-end',
        'The last vitals were taken before the infusion ended. Take a new set.',
        'De laatste vitale parameters werden gemeten vóór het einde van het infuus. Meet een nieuwe reeks.',
        'lastVitalsAt',
      );

    const alert = assessVitals(last.value, null, settings.thresholds);
    if (alert.ok && alert.value.level !== 'normal') {
      for (const f of alert.value.findings)
        for (const r of f.reasons)
          add('vitals-alert', r.message, r.messageNl, `lastVitals.${f.vital}`);
    }
    if (base?.ok) {
      const pct = settings.dischargeVitalsWithinPercent;
      for (const field of COMPARED) {
        const v = last.value[field];
        const b = base.value[field];
        if (v === null || b === null || Math.abs(v - b) * 100 <= pct * b) continue;
        const { label, labelNl, unit } = VITAL_ENTRY_BOUNDS[field];
        const change = Math.abs(((v - b) / b) * 100).toFixed(0);
        add(
          'vitals-outside-baseline',
          `${label} ${v} ${unit} differs ${change} % from baseline ${b} ${unit}; discharge needs it within ${pct} %.`,
          `${labelNl} ${v} ${unit} verschilt ${change} % van de uitgangswaarde ${b} ${unit}; ontslag vraagt binnen ${pct} %.`,
          `lastVitals.${field}`,
        );
      }
    }
  }

  if (input.escortPresent !== true)
    add(
      'escort-absent',
      'The patient must go home with an escort: confirm the escort is here.',
      'De patiënt moet met een begeleider naar huis: bevestig dat de begeleider er is.',
      'escortPresent',
    );
  if (input.noDrivingAdviceGiven !== true)
    add(
      'no-driving-advice-missing',
      'Tell the patient not to drive or operate machinery for the rest of the day, and confirm they understood.',
      'Zeg de patiënt de rest van de dag niet te rijden of machines te bedienen, en bevestig dat het begrepen is.',
      'noDrivingAdviceGiven',
    );

  return { ready: unmet.length === 0, unmet };
}
