/**
 * The administrable center settings (protocol.md, every [default] item) as a catalogue: where
 * each value lives in `CenterSettings`, its unit, and the range an administrator may set.
 *
 * Why ranges narrower than the record schema's (records/snapshots.ts): the schema only refuses
 * physically meaningless values; these refuse a typo (a 10x slip, a value in the wrong unit)
 * while leaving room for the published variants each default was chosen from. Every default of
 * protocol.md lies inside its range, and every range lies inside the schema's bounds, so a
 * validated value can always be stored.
 */
import {
  AUTO_LOCK_BOUNDS_MIN,
  OBSERVATION_INTERVAL_BOUNDS_MIN,
  type CenterSettings,
} from './settings.ts';

export type SettingGroup =
  | 'monitoring'
  | 'thresholds'
  | 'limits'
  | 'preparation'
  | 'appointments'
  | 'discharge'
  | 'liver'
  | 'access';

export type SettingField = {
  /** Dotted path in CenterSettings, e.g. `thresholds.systolicAboveMmHg`. */
  readonly path: string;
  readonly group: SettingGroup;
  /** Unit shown beside the value (UCUM-like, as on screen). */
  readonly unit: string;
  /** English label, used in the domain's messages (screens have their own translations). */
  readonly label: string;
  /** Dutch (nl-BE) label, used in the Dutch text of the domain's messages. */
  readonly labelNl: string;
  /** The unit in the Dutch messages (words translated: "dagen"; symbols as they are). */
  readonly unitNl: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (days, weeks, a score). */
  readonly integer: boolean;
  /** Where the default and the range come from. */
  readonly source: string;
};

/** [path, unit, English label, min, max, whole numbers only] */
type Row = readonly [string, string, string, number, number, boolean?];

/** Dutch labels of the catalogue, by path (the Dutch text of settings-validation.ts errors). */
const LABELS_NL: Readonly<Record<string, string>> = {
  observationIntervalMin: 'Observatie-interval',
  'thresholds.spo2WarningAtOrBelowPercent': 'SpO2-waarschuwing bij of onder',
  'thresholds.spo2UrgentAtOrBelowPercent': 'SpO2 dringend bij of onder',
  'thresholds.systolicAboveMmHg': 'Systolische bloeddruk boven',
  'thresholds.systolicBelowMmHg': 'Systolische bloeddruk onder',
  'thresholds.diastolicAboveMmHg': 'Diastolische bloeddruk boven',
  'thresholds.heartRateAbovePerMin': 'Hartslag boven',
  'thresholds.heartRateBelowPerMin': 'Hartslag onder',
  'thresholds.respiratoryRateBelowPerMin': 'Ademhalingsfrequentie onder',
  'thresholds.changeFromBaselinePercent': 'Verandering t.o.v. de uitgangswaarde boven',
  'limits.weightHardMinKg': 'Harde ondergrens gewicht',
  'limits.weightSoftMinKg': 'Zachte ondergrens gewicht',
  'limits.weightSoftMaxKg': 'Zachte bovengrens gewicht',
  'limits.weightHardMaxKg': 'Harde bovengrens gewicht',
  'limits.weightMaxAgeHours': 'Gewicht gemeten binnen',
  'limits.ketamineHardMaxMg': 'Harde maximumdosis ketamine per sessie',
  'limits.ketamineHardMaxMgPerKgPerH': 'Harde maximumsnelheid ketamine',
  'limits.propofolHardMaxMgPerKgPerH': 'Harde maximumsnelheid propofol',
  ketaminePreparationFinalVolumeMl: 'Eindvolume ketamine',
  nextSessionProposedDays: 'Volgende sessie voorgesteld na',
  nextSessionWarnBelowDays: 'Waarschuwen als de volgende sessie vroeger valt dan',
  lostToFollowUpWeeks: 'Verloren voor opvolging na',
  dischargeMinAldrete: 'Gemodificeerde Aldrete-score minstens',
  dischargeVitalsWithinPercent: 'Vitale parameters binnen dit van de uitgangswaarde',
  dischargeMinObservationMin: 'Minimale observatie na het einde van het infuus',
  liverUrgentUlnMultiple: 'Leverenzymen dringend vanaf',
  autoLockMinutes: 'Tablet vergrendelen na geen gebruik gedurende',
};

/** Units that are words, in Dutch; symbols (mg, %, × ULN, ...) stay as they are. */
const UNITS_NL: Readonly<Record<string, string>> = {
  days: 'dagen',
  weeks: 'weken',
  points: 'punten',
};

const group = (g: SettingGroup, source: string, rows: readonly Row[]): SettingField[] =>
  rows.map(([path, unit, label, min, max, integer = false]) =>
    Object.freeze({
      path,
      group: g,
      unit,
      label,
      labelNl: LABELS_NL[path] ?? label,
      unitNl: UNITS_NL[unit] ?? unit,
      min,
      max,
      integer,
      source,
    }),
  );

const OBS = OBSERVATION_INTERVAL_BOUNDS_MIN;
const LOCK = AUTO_LOCK_BOUNDS_MIN;

/** Every field an administrator edits, in screen order. */
export const SETTING_FIELDS: readonly SettingField[] = Object.freeze([
  ...group('monitoring', 'protocol.md section 4, Monitoring (configurable 5-30 min)', [
    ['observationIntervalMin', 'min', 'Observation interval', OBS.min, OBS.max, true],
  ]),
  ...group(
    'thresholds',
    'protocol.md section 4: ASA basic monitoring, modified Aldrete, low-dose ketamine abort limits',
    [
      ['thresholds.spo2WarningAtOrBelowPercent', '%', 'SpO2 warning at or below', 88, 96],
      ['thresholds.spo2UrgentAtOrBelowPercent', '%', 'SpO2 urgent at or below', 85, 94],
      ['thresholds.systolicAboveMmHg', 'mmHg', 'Systolic BP above', 140, 220],
      ['thresholds.systolicBelowMmHg', 'mmHg', 'Systolic BP below', 70, 110],
      ['thresholds.diastolicAboveMmHg', 'mmHg', 'Diastolic BP above', 90, 130],
      ['thresholds.heartRateAbovePerMin', '/min', 'Heart rate above', 100, 160],
      ['thresholds.heartRateBelowPerMin', '/min', 'Heart rate below', 35, 65],
      ['thresholds.respiratoryRateBelowPerMin', '/min', 'Respiratory rate below', 6, 14],
      ['thresholds.changeFromBaselinePercent', '%', 'Change from baseline above', 10, 50],
    ],
  ),
  ...group('limits', 'protocol.md section 3, Safety limits (smart-pump drug library style)', [
    ['limits.weightHardMinKg', 'kg', 'Weight hard minimum', 20, 50],
    ['limits.weightSoftMinKg', 'kg', 'Weight soft minimum', 30, 70],
    ['limits.weightSoftMaxKg', 'kg', 'Weight soft maximum', 100, 250],
    ['limits.weightHardMaxKg', 'kg', 'Weight hard maximum', 150, 350],
    // "measured on the day": at most 24 h.
    ['limits.weightMaxAgeHours', 'h', 'Weight measured within', 1, 24],
    ['limits.ketamineHardMaxMg', 'mg', 'Ketamine hard maximum per session', 50, 300],
    ['limits.ketamineHardMaxMgPerKgPerH', 'mg/kg/h', 'Ketamine hard maximum rate', 0.5, 4],
    ['limits.propofolHardMaxMgPerKgPerH', 'mg/kg/h', 'Propofol hard maximum rate', 1, 8],
  ]),
  ...group('preparation', 'protocol.md section 3, Dose arithmetic (e.g. a 50 mL syringe)', [
    ['ketaminePreparationFinalVolumeMl', 'mL', 'Ketamine final volume', 10, 500],
  ]),
  ...group('appointments', 'protocol.md section 3 (propose +28 days, warn below 21); issue 5', [
    ['nextSessionProposedDays', 'days', 'Next session proposed after', 7, 84, true],
    ['nextSessionWarnBelowDays', 'days', 'Warn when the next session is sooner than', 7, 84, true],
    ['lostToFollowUpWeeks', 'weeks', 'Lost to follow-up after', 4, 52, true],
  ]),
  ...group('discharge', 'protocol.md section 4, Discharge', [
    ['dischargeMinAldrete', 'points', 'Modified Aldrete score at least', 7, 10, true],
    ['dischargeVitalsWithinPercent', '%', 'Vitals within this of baseline', 10, 30],
    ['dischargeMinObservationMin', 'min', 'Minimum observation after infusion end', 15, 240, true],
  ]),
  ...group('liver', 'protocol.md section 7: flag >= 3x the upper limit of normal', [
    ['liverUrgentUlnMultiple', '× ULN', 'Liver enzyme urgent flag at', 2, 10],
  ]),
  ...group('access', 'issue 4, Staff, devices and access: PIN lock on a shared tablet', [
    ['autoLockMinutes', 'min', 'Lock the tablet after no use for', LOCK.min, LOCK.max, true],
  ]),
]);

type Tree = { readonly [key: string]: unknown };

/**
 * The number at `path` in `settings`, or undefined when the field does not exist in this
 * settings object (a field added in a later app version is absent from older snapshots).
 */
export function settingValue(settings: CenterSettings, path: string): number | undefined {
  let node: unknown = settings;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Tree)[key];
  }
  return typeof node === 'number' ? node : undefined;
}

/** The fields present in `settings` (skips catalogue fields this settings shape does not have). */
export function fieldsOf(settings: CenterSettings): readonly SettingField[] {
  return SETTING_FIELDS.filter((field) => settingValue(settings, field.path) !== undefined);
}
