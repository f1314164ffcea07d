/**
 * Display formatting at the edge: Intl for numbers (decimal comma in nl-BE) and date-fns for
 * dates. Stored values are never rounded; this only decides how many digits a person sees.
 * The pump-entry rule (0.1 mL/h) lives in src/domain/pump-entry.ts, not here.
 */
import { format as formatDate } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import type { Locale } from './preferences.ts';

// Building an Intl.NumberFormat costs far more than using one, and a session screen formats
// hundreds of numbers per render (a 4-hour observation table): one formatter per option set.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a number with up to `maxFractionDigits` (default 2) without trailing zeros. */
export function formatNumber(
  value: number,
  locale: Locale,
  maxFractionDigits = 2,
  minFractionDigits = 0,
): string {
  const key = `${locale}|${maxFractionDigits}|${minFractionDigits}`;
  let formatter = numberFormats.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, {
      maximumFractionDigits: maxFractionDigits,
      minimumFractionDigits: minFractionDigits,
    });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** "18,75 mg/h" — a number always travels with its unit on screen too. */
export function formatQuantity(
  value: number,
  unit: string,
  locale: Locale,
  maxFractionDigits = 2,
): string {
  return `${formatNumber(value, locale, maxFractionDigits)}\u00a0${unit}`;
}

const dateLocale = (locale: Locale) => (locale === 'nl-BE' ? nlBE : enGB);

export function formatDateTime(iso: string, locale: Locale): string {
  return formatDate(new Date(iso), 'Pp', { locale: dateLocale(locale) });
}
export function formatTime(iso: string, locale: Locale): string {
  return formatDate(new Date(iso), 'p', { locale: dateLocale(locale) });
}
export function formatDay(isoDate: string, locale: Locale): string {
  return formatDate(new Date(`${isoDate}T12:00:00`), 'PPP', { locale: dateLocale(locale) });
}
/** Minutes as h:mm, e.g. 135 -> "2:15". Negative values are shown with a minus sign. */
export function formatDurationMin(totalMinutes: number): string {
  const sign = totalMinutes < 0 ? '−' : '';
  const abs = Math.abs(Math.trunc(totalMinutes));
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
