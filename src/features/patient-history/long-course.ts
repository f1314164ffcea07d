/**
 * A long course's sessions table first shows only its latest sessions (history-sessions-table
 * .tsx says why). Kept apart from the component so the benchmark counts the same rows.
 */

/** Sessions shown at first in a long course. */
export const RECENT_SESSIONS = 10;

/** From this many sessions on, a course is long: hiding one or two rows would help nobody. */
export const LONG_COURSE = 15;

/** How many rows the table shows for a course of `sessions`, before "show all". */
export const rowsShownAtFirst = (sessions: number): number =>
  sessions >= LONG_COURSE ? RECENT_SESSIONS : sessions;
