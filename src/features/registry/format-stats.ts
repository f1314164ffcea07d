/**
 * How registry numbers are shown, with the study's reported precision (stats/display.ts):
 * percentages 1 decimal (51.1 %), means and CIs 2 decimals (43.85), odds ratios and p-values
 * 3 decimals (0.975, 0.280). Rounded once, here, for display only (roundForDisplay), then
 * written with the locale's decimal separator.
 */
import { roundForDisplay } from '../../domain/stats/index.ts';
import { formatNumber } from '../../ui/format.ts';
import type { Locale } from '../../ui/preferences.ts';

/** `value` with exactly `decimals` decimals, e.g. 0.28 -> "0.280" (en) / "0,280" (nl-BE). */
export function fixed(value: number, decimals: number, locale: Locale): string {
  const rounded = roundForDisplay(value, decimals);
  return rounded.ok ? formatNumber(rounded.value, locale, decimals, decimals) : '—';
}

/** "51.1 %" */
export const percentText = (percent: number, locale: Locale): string =>
  `${fixed(percent, 1, locale)}\u00a0%`;

/** A p-value with 3 decimals; below 0.001 as "< 0.001" (never "0.000"). */
export function pValueText(p: number, locale: Locale): string {
  return p < 0.0005 ? `<\u00a0${fixed(0.001, 3, locale)}` : fixed(p, 3, locale);
}

/** Up to 2 decimals without trailing zeros (ages, NRS, quartiles: 46.5, 54, 58.5). */
export const plain = (value: number, locale: Locale): string => formatNumber(value, locale, 2);
