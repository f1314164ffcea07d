/**
 * Calendar arithmetic on YYYY-MM-DD strings in UTC, for synthetic schedules. UTC on purpose:
 * the same seed must give the same center on every machine, whatever its time zone (date-fns
 * works in local time).
 */
const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD date, in Unix ms. */
export const dayMs = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

/** YYYY-MM-DD of a Unix ms instant (UTC). */
export const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => dateOf(dayMs(date) + days * DAY_MS);

/** Same day `months` later; the 31st becomes the month's last day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return dateOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/** The date itself on Monday-Friday, else the next Monday (sessions run on weekdays). */
export function weekday(date: string): string {
  const dow = new Date(dayMs(date)).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

/** Whole years from `birth` to `on` (birthday not yet reached that year = one less). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
