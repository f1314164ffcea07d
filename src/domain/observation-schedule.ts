/**
 * When the next bedside observation is due (protocol.md section 4, Monitoring [default]:
 * "Observation every 15 min during the infusion and until discharge (configurable 5-30 min);
 * overdue is shown plainly"). Computed only from stored ISO timestamps and a `now` passed in,
 * so a tablet that slept shows the true state the moment it wakes.
 */
import { checkNow, parseInstant } from './clinical-time.ts';
import { fail, ok, type Result } from './result.ts';
import { OBSERVATION_INTERVAL_BOUNDS_MIN } from './settings.ts';

export type ObservationStatus = 'not-started' | 'ok' | 'due-soon' | 'overdue' | 'finished';

export type ObservationSchedule = {
  readonly status: ObservationStatus;
  /** Null before the infusion starts and after discharge. */
  readonly nextDueAt: string | null;
  /** Minutes until due; negative when overdue. Null when nothing is due. */
  readonly dueInMin: number | null;
  /** Minutes overdue (> 0) when overdue, otherwise null. */
  readonly overdueByMin: number | null;
};

/** [default] "due soon" window: a display choice, not a clinical limit. */
export const OBSERVATION_DUE_SOON_WITHIN_MIN = 3;

export type ObservationScheduleInput = {
  readonly infusionStartedAt: string | null;
  readonly infusionEndedAt: string | null;
  readonly dischargedAt: string | null;
  /** Clinical times of the observations recorded this session (any order). */
  readonly observationTimes: readonly string[];
  /** `CenterSettings.observationIntervalMin`, whole minutes 5-30. */
  readonly intervalMin: number;
  readonly now: Date;
  readonly dueSoonWithinMin?: number;
};

/**
 * When the next observation is due (protocol.md section 4: every interval "during the infusion
 * and until discharge"): interval after the latest observation taken since infusion start, or
 * after the start itself. Baseline vitals before the start do not count. Due at exactly
 * `nextDueAt` is "due-soon" (due now); one millisecond later it is "overdue". All from stored
 * ISO timestamps and `now`, so a sleeping tablet shows the true state when it wakes.
 */
export function observationSchedule(input: ObservationScheduleInput): Result<ObservationSchedule> {
  const nowR = checkNow(input.now);
  if (!nowR.ok) return nowR;
  const now = nowR.value.getTime();
  const { min, max } = OBSERVATION_INTERVAL_BOUNDS_MIN;
  const iv = input.intervalMin;
  if (typeof iv !== 'number' || !Number.isInteger(iv) || iv < min || iv > max) {
    return fail(
      'invalid-choice',
      'intervalMin',
      `The observation interval must be a whole number of minutes from ${min} to ${max}. Ask an administrator to correct the center settings.`,
      `Het observatie-interval moet een geheel aantal minuten van ${min} tot ${max} zijn. Vraag een beheerder om de instellingen van het centrum te corrigeren.`,
    );
  }
  const soon = input.dueSoonWithinMin ?? OBSERVATION_DUE_SOON_WITHIN_MIN;
  if (typeof soon !== 'number' || !Number.isFinite(soon) || soon < 0 || soon >= iv) {
    return fail(
      'invalid-choice',
      'dueSoonWithinMin',
      `The "due soon" window must be 0 or more minutes and shorter than the interval (${iv} min).`,
      `De periode "binnenkort te doen" moet 0 of meer minuten zijn en korter dan het interval (${iv} min).`,
    );
  }
  const none = (status: ObservationStatus) =>
    ok({ status, nextDueAt: null, dueInMin: null, overdueByMin: null });
  if (input.dischargedAt !== null) {
    const d = parseInstant(
      input.dischargedAt,
      'dischargedAt',
      'Discharge time',
      'Tijdstip van ontslag',
    );
    return d.ok ? none('finished') : d;
  }
  if (input.infusionStartedAt === null) return none('not-started');
  const start = parseInstant(
    input.infusionStartedAt,
    'infusionStartedAt',
    'Infusion start time',
    'Starttijd van het infuus',
  );
  if (!start.ok) return start;
  if (input.infusionEndedAt !== null) {
    const end = parseInstant(
      input.infusionEndedAt,
      'infusionEndedAt',
      'Infusion end time',
      'Eindtijd van het infuus',
    );
    if (!end.ok) return end;
    const endMs = end.value.getTime();
    if (endMs < start.value.getTime() || endMs > now) {
      return fail(
        'invalid-date',
        'infusionEndedAt',
        'The infusion end time must be between its start and now. Check the time entered.',
        'De eindtijd van het infuus moet tussen de start en nu liggen. Controleer het ingevoerde tijdstip.',
      );
    }
  }
  if (start.value.getTime() > now) {
    return fail(
      'invalid-date',
      'infusionStartedAt',
      'The infusion start time is later than now. Check the time entered and the tablet clock.',
      'De starttijd van het infuus ligt later dan nu. Controleer het ingevoerde tijdstip en de klok van de tablet.',
    );
  }
  let anchor = start.value.getTime();
  for (const [i, t] of input.observationTimes.entries()) {
    const at = parseInstant(
      t,
      `observationTimes[${i}]`,
      `Time of observation ${i + 1}`,
      `Tijdstip van observatie ${i + 1}`,
    );
    if (!at.ok) return at;
    const ms = at.value.getTime();
    if (ms > now) {
      return fail(
        'invalid-date',
        `observationTimes[${i}]`,
        `Observation ${i + 1} is timed later than now. Check the time entered and the tablet clock.`,
        `Observatie ${i + 1} heeft een tijdstip later dan nu. Controleer het ingevoerde tijdstip en de klok van de tablet.`,
      );
    }
    if (ms > anchor) anchor = ms;
  }
  const dueMs = anchor + iv * 60_000;
  const dueInMin = (dueMs - now) / 60_000;
  const status: ObservationStatus = dueInMin < 0 ? 'overdue' : dueInMin <= soon ? 'due-soon' : 'ok';
  return ok({
    status,
    nextDueAt: new Date(dueMs).toISOString(),
    dueInMin,
    overdueByMin: dueInMin < 0 ? -dueInMin : null,
  });
}
