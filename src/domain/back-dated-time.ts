/**
 * A time of day typed at the bedside for something recorded after the fact ("ondansetron
 * given at 10:40", typed at 10:55), turned into the ISO instant a record stores as its
 * clinical time (records/base.ts: "may be back-dated by the nurse, never in the future").
 *
 * Why a time of day and not a full date: at the chair a nurse reads the wall clock; the date
 * is always today's session. Why bounded by the session start: an entry of this session
 * cannot have happened before the session began (protocol.md section 4, step 4: drugs and
 * side effects are captured while the infusion runs), so a time before it is a typing slip
 * (10:40 typed as 01:40), not a back-dated entry.
 *
 * Local wall-clock time of the device is meant (the time zone of `now`); the instant is UTC.
 */
import { format } from 'date-fns';
import { checkNow, parseInstant } from './clinical-time.ts';
import { fail, ok, type Result } from './result.ts';

export type BackDatedTimeOptions = {
  /** Earliest allowed instant (the session start), ISO 8601 UTC. */
  readonly earliest: string;
  readonly now: Date;
  /** Form field named in errors. */
  readonly field?: string;
  /** Label used in messages, e.g. "Time given". */
  readonly label?: string;
  /** The label in Dutch for the Dutch messages, e.g. "Tijdstip van toediening"; defaults to `label`. */
  readonly labelNl?: string;
};

// 9:05, 09:05, 09.05, 9h05, 9u05 (Dutch "9 uur 05") or 0905.
const SEPARATED = /^(\d{1,2})\s*[:.hHuU]\s*(\d{2})$/;
const COMPACT = /^(\d{1,2})(\d{2})$/;

const hhmm = (d: Date) => format(d, 'HH:mm');

/**
 * Parses a time of day (hours 0-23, minutes 0-59, local time of the tablet) into the latest
 * instant at that time that is not after `now`, and refuses it when that is before
 * `earliest` (compared to the minute, since only minutes are typed). An empty input means
 * "now" and returns `now` itself (to the millisecond). Never guesses a time: a malformed,
 * future or too early time is an error with a message naming the times involved.
 */
export function parseBackDatedTime(input: unknown, options: BackDatedTimeOptions): Result<string> {
  const field = options.field ?? 'clinicalTime';
  const label = options.label ?? 'Time';
  const labelNl = options.labelNl ?? options.label ?? 'Tijdstip';
  const nowR = checkNow(options.now);
  if (!nowR.ok) return nowR;
  const now = nowR.value;
  const earliestR = parseInstant(
    options.earliest,
    'earliest',
    'Session start',
    'Start van de sessie',
  );
  if (!earliestR.ok) return earliestR;
  if (input === undefined || input === null) return ok(now.toISOString());
  if (typeof input !== 'string') {
    return fail(
      'invalid-date',
      field,
      `${label} must be a time of day such as 10:45.`,
      `${labelNl} moet een uur van de dag zijn, bv. 10:45.`,
    );
  }
  const text = input.trim();
  if (text === '') return ok(now.toISOString());
  const m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || h > 23 || min > 59) {
    return fail(
      'invalid-date',
      field,
      `${label} "${text}" is not a time of day. Type hours and minutes, such as 10:45.`,
      `${labelNl} "${text}" is geen uur van de dag. Typ uren en minuten, bv. 10:45.`,
    );
  }
  const sameDay = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, min, 0, 0);
  const earliestMs = earliestR.value.getTime();
  // Minutes are all a person types: the session's first minute counts as "not before".
  const earliestMinuteMs = earliestMs - (((earliestMs % 60_000) + 60_000) % 60_000);
  let candidate = sameDay;
  if (sameDay.getTime() > now.getTime()) {
    // Later than now today: only possible as yesterday evening (a session across midnight).
    const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, h, min);
    if (yesterday.getTime() < earliestMinuteMs) {
      return fail(
        'invalid-date',
        field,
        `${label} ${hhmm(sameDay)} is later than now (${hhmm(now)}). Check the time; leave it empty for now.`,
        `${labelNl} ${hhmm(sameDay)} ligt later dan nu (${hhmm(now)}). Controleer het uur; laat het leeg voor het huidige tijdstip.`,
      );
    }
    candidate = yesterday;
  }
  if (candidate.getTime() < earliestMinuteMs) {
    return fail(
      'invalid-date',
      field,
      `${label} ${hhmm(candidate)} is before this session started (${hhmm(earliestR.value)}). Check the time you typed.`,
      `${labelNl} ${hhmm(candidate)} ligt vóór de start van deze sessie (${hhmm(earliestR.value)}). Controleer het uur dat u typte.`,
    );
  }
  return ok(candidate.toISOString());
}
