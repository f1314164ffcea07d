/**
 * Next-session proposal and interval check (protocol.md section 3: "interval: about every 4
 * weeks [protocol]; [default] propose +28 days, warn below 21 days"). Dates are calendar days
 * 'YYYY-MM-DD' with no time zone: they are parsed as local calendar dates and moved with
 * date-fns `addDays`, which counts calendar days (a DST change does not shift the day).
 * A short interval is a warning to show, not an error: the clinician decides.
 */
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { fail, ok, type Result } from './result.ts';
import type { CenterSettings } from './settings.ts';

export type IntervalSettings = Pick<
  CenterSettings,
  'nextSessionProposedDays' | 'nextSessionWarnBelowDays'
>;

export type IntervalWarning = {
  readonly code: 'interval-short';
  readonly message: string;
};

export type IntervalCheck = {
  /** Calendar days from the last session to the proposed one. */
  readonly intervalDays: number;
  /** Non-null when the interval is below the center's warning threshold. */
  readonly warning: IntervalWarning | null;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses 'YYYY-MM-DD' strictly (2026-02-30 is refused, not moved to March). */
function parseDay(input: unknown, field: string, label: string, labelNl: string): Result<Date> {
  if (typeof input !== 'string' || !ISO_DATE.test(input)) {
    return fail(
      'invalid-date',
      field,
      `${label} must be a date written YYYY-MM-DD.`,
      `${labelNl} moet een datum zijn in de vorm JJJJ-MM-DD.`,
    );
  }
  const date = parseISO(input);
  if (!isValid(date) || format(date, 'yyyy-MM-dd') !== input) {
    return fail(
      'invalid-date',
      field,
      `${label} ${input} is not a real calendar date; check the day and month.`,
      `${labelNl} ${input} is geen bestaande kalenderdatum; controleer de dag en de maand.`,
    );
  }
  return ok(date);
}

/**
 * Proposes the next session date: last session date + `settings.nextSessionProposedDays`
 * calendar days (default 28). Input and output are 'YYYY-MM-DD'. A suggestion only.
 */
export function proposeNextSession(
  lastSessionDate: unknown,
  settings: IntervalSettings,
): Result<string> {
  const last = parseDay(
    lastSessionDate,
    'lastSessionDate',
    'The last session date',
    'De datum van de laatste sessie',
  );
  if (!last.ok) return last;
  return ok(format(addDays(last.value, settings.nextSessionProposedDays), 'yyyy-MM-dd'));
}

/**
 * Calendar days between the last session and a proposed date ('YYYY-MM-DD' both), with a
 * warning when fewer than `settings.nextSessionWarnBelowDays` (default 21; 21 itself is fine).
 * A proposed date on or before the last session is an error.
 */
export function checkInterval(
  lastDate: unknown,
  proposedDate: unknown,
  settings: IntervalSettings,
): Result<IntervalCheck> {
  const last = parseDay(
    lastDate,
    'lastSessionDate',
    'The last session date',
    'De datum van de laatste sessie',
  );
  if (!last.ok) return last;
  const proposed = parseDay(
    proposedDate,
    'proposedDate',
    'The proposed date',
    'De voorgestelde datum',
  );
  if (!proposed.ok) return proposed;
  const intervalDays = differenceInCalendarDays(proposed.value, last.value);
  if (intervalDays <= 0) {
    return fail(
      'invalid-date',
      'proposedDate',
      `The proposed date ${String(proposedDate)} is not after the last session (${String(lastDate)}); choose a later date.`,
      `De voorgestelde datum ${String(proposedDate)} ligt niet na de laatste sessie (${String(lastDate)}); kies een latere datum.`,
    );
  }
  const warning: IntervalWarning | null =
    intervalDays < settings.nextSessionWarnBelowDays
      ? {
          code: 'interval-short',
          message: `Only ${intervalDays} days after the last session; the protocol interval is about 4 weeks (warning below ${settings.nextSessionWarnBelowDays} days). Confirm with the anesthesiologist.`,
        }
      : null;
  return ok({ intervalDays, warning });
}
