/**
 * Reading stored times in the pure core. Clinical times are stored as ISO 8601 UTC instants
 * with milliseconds (records/base.ts `isoInstantSchema`), calendar dates as YYYY-MM-DD.
 * `now` is always passed in (never read from a clock here), and an Invalid Date handed in as
 * `now` is refused: a broken clock must never read as "on time".
 */
import { format, parseISO } from 'date-fns';
import { isoDateSchema, isoInstantSchema } from './records/base.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * Parses a stored clinical instant. Refuses anything that does not round-trip exactly
 * (e.g. 2026-02-30T..., a missing Z, no milliseconds), naming `field`. `label` names the value
 * in the English message, `labelNl` in the Dutch one (defaults to `label`).
 */
export function parseInstant(
  value: unknown,
  field: string,
  label: string,
  labelNl: string = label,
): Result<Date> {
  if (value === null || value === undefined || value === '') {
    return fail('required', field, `${label} is required.`, `${labelNl} is verplicht.`);
  }
  const text = typeof value === 'string' ? value : '';
  const date = new Date(text);
  if (
    !isoInstantSchema.safeParse(text).success ||
    Number.isNaN(date.getTime()) ||
    date.toISOString() !== text
  ) {
    return fail(
      'invalid-date',
      field,
      `${label} is not a valid date and time. Re-enter it.`,
      `${labelNl} is geen geldige datum en tijd. Voer het opnieuw in.`,
    );
  }
  return ok(date);
}

/** Refuses an Invalid Date (or a non-Date) handed in as `now`. */
export function checkNow(now: Date): Result<Date> {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return fail(
      'invalid-date',
      'now',
      'The tablet clock gave no valid time. Check its date and time settings.',
      'De klok van de tablet gaf geen geldige tijd. Controleer de instellingen voor datum en tijd.',
    );
  }
  return ok(now);
}

/**
 * Parses a calendar date YYYY-MM-DD to local midnight, so date-fns calendar arithmetic
 * (addMonths, differenceInYears, differenceInCalendarDays) has no time-zone shifts. Refuses
 * dates that do not exist (2026-02-30). `labelNl` names the value in the Dutch message
 * (defaults to `label`).
 */
export function parseCalendarDate(
  value: unknown,
  field: string,
  label: string,
  labelNl: string = label,
): Result<Date> {
  if (value === null || value === undefined || value === '') {
    return fail(
      'required',
      field,
      `${label} is required (YYYY-MM-DD).`,
      `${labelNl} is verplicht (JJJJ-MM-DD).`,
    );
  }
  if (typeof value !== 'string' || !isoDateSchema.safeParse(value).success) {
    return fail(
      'invalid-date',
      field,
      `${label} must be a date written YYYY-MM-DD.`,
      `${labelNl} moet een datum zijn in de vorm JJJJ-MM-DD.`,
    );
  }
  const d = parseISO(value);
  if (Number.isNaN(d.getTime()) || format(d, 'yyyy-MM-dd') !== value) {
    return fail(
      'invalid-date',
      field,
      `${label} ${value} is not a real date.`,
      `${labelNl} ${value} is geen bestaande datum.`,
    );
  }
  return ok(d);
}
