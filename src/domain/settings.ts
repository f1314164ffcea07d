/**
 * Center settings: every value protocol.md marks [default]. They are data with a version, not
 * constants: an administrator changes them (each change is a new version with author and time,
 * see records.ts), screens show which version is in force, and every session stores a snapshot
 * of the values it ran with.
 *
 * Sources of the defaults are cited per group; see protocol.md sections 3, 4, 5 and 7.
 */
export type VitalThresholds = {
  /** SpO2 at or below this is a warning, in % (modified Aldrete: SpO2 > 92 %). */
  readonly spo2WarningAtOrBelowPercent: number;
  /** SpO2 at or below this is urgent, in %. */
  readonly spo2UrgentAtOrBelowPercent: number;
  /** Low-dose ketamine abort limits: SBP 90/180 mmHg. */
  readonly systolicAboveMmHg: number;
  readonly systolicBelowMmHg: number;
  readonly diastolicAboveMmHg: number;
  /** HR limits in beats/min. */
  readonly heartRateAbovePerMin: number;
  readonly heartRateBelowPerMin: number;
  /** RR below this, in breaths/min. */
  readonly respiratoryRateBelowPerMin: number;
  /** Any change from this session's baseline larger than this, in %. */
  readonly changeFromBaselinePercent: number;
};

export type DoseLimits = {
  /** Weight, kg only, measured on the day. Hard limits block; soft need a named override. */
  readonly weightHardMinKg: number;
  readonly weightHardMaxKg: number;
  readonly weightSoftMinKg: number;
  readonly weightSoftMaxKg: number;
  /** Ketamine per session: hard above this total, in mg. */
  readonly ketamineHardMaxMg: number;
  /** Ketamine: hard above this rate, in mg/kg/h. */
  readonly ketamineHardMaxMgPerKgPerH: number;
  /** Propofol: hard above this rate, in mg/kg/h. */
  readonly propofolHardMaxMgPerKgPerH: number;
  /** Weight older than this many hours is stale ("measured on the day"). */
  readonly weightMaxAgeHours: number;
};

export type CenterSettings = {
  /** Incremented by every change; sessions keep the version and a full snapshot. */
  readonly version: number;
  /** Final volume of the prepared ketamine syringe/bag, in mL (e.g. 50 mL syringe). */
  readonly ketaminePreparationFinalVolumeMl: number;
  /** Interval to the next session, in days: proposed, and warn below. */
  readonly nextSessionProposedDays: number;
  readonly nextSessionWarnBelowDays: number;
  /** Observation interval during infusion and until discharge, in minutes (5-30). */
  readonly observationIntervalMin: number;
  readonly thresholds: VitalThresholds;
  readonly limits: DoseLimits;
  /** Discharge: modified Aldrete score at least this (0-10). */
  readonly dischargeMinAldrete: number;
  /** Discharge: vitals within this % of this session's baseline. */
  readonly dischargeVitalsWithinPercent: number;
  /** Discharge: minimum observation after infusion end, in minutes. */
  readonly dischargeMinObservationMin: number;
  /** Liver tests: flag a value at or above this multiple of the lab's ULN as urgent. */
  readonly liverUrgentUlnMultiple: number;
  /** Lost to follow-up: no session or answer for this many weeks. */
  readonly lostToFollowUpWeeks: number;
  /** Protocol in use for new courses: `${id}@${version}`. */
  readonly activeProtocolKey: string;
  /**
   * Minutes without a touch or key press after which the tablet locks (whole minutes, 1-60).
   * Not a clinical value: a center choice (issue 4, "auto-lock after inactivity"). The lock
   * covers the screen without losing anything typed. Default 5 min: short enough that a tablet
   * left at an empty chair does not stay open for the next person, long enough not to lock
   * while a nurse is still at the chair between entries (observations are every 15 min).
   */
  readonly autoLockMinutes: number;
};

export const OBSERVATION_INTERVAL_BOUNDS_MIN = { min: 5, max: 30 } as const;
/** Auto-lock after inactivity, whole minutes. */
export const AUTO_LOCK_BOUNDS_MIN = { min: 1, max: 60 } as const;
/** Also the value for settings stored before auto-lock existed (records/snapshots.ts). */
export const DEFAULT_AUTO_LOCK_MIN = 5;

export const DEFAULT_CENTER_SETTINGS: CenterSettings = Object.freeze({
  version: 1,
  ketaminePreparationFinalVolumeMl: 50,
  nextSessionProposedDays: 28,
  nextSessionWarnBelowDays: 21,
  observationIntervalMin: 15,
  // ASA basic monitoring; modified Aldrete SpO2 > 92 %; low-dose ketamine abort limits
  // SBP 90/180, HR 50/150 (120 chosen as the warning level), RR 10/30.
  thresholds: Object.freeze({
    spo2WarningAtOrBelowPercent: 92,
    spo2UrgentAtOrBelowPercent: 90,
    systolicAboveMmHg: 180,
    systolicBelowMmHg: 90,
    diastolicAboveMmHg: 110,
    heartRateAbovePerMin: 120,
    heartRateBelowPerMin: 50,
    respiratoryRateBelowPerMin: 10,
    changeFromBaselinePercent: 30,
  }),
  // Smart-pump style drug library limits, protocol.md section 3.
  limits: Object.freeze({
    weightHardMinKg: 30,
    weightHardMaxKg: 300,
    weightSoftMinKg: 40,
    weightSoftMaxKg: 150,
    ketamineHardMaxMg: 150,
    ketamineHardMaxMgPerKgPerH: 2,
    propofolHardMaxMgPerKgPerH: 4,
    weightMaxAgeHours: 24,
  }),
  dischargeMinAldrete: 9,
  dischargeVitalsWithinPercent: 20,
  dischargeMinObservationMin: 30,
  liverUrgentUlnMultiple: 3,
  lostToFollowUpWeeks: 12,
  activeProtocolKey: 'kit-racemic@1.0.0',
  autoLockMinutes: DEFAULT_AUTO_LOCK_MIN,
});
