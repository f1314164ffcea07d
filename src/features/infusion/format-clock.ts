/** Clock display of minutes (fractional) as h:mm:ss or m:ss; truncated toward zero, sign kept. */
export function formatClock(totalMinutes: number, withHours = true): string {
  const sign = totalMinutes < 0 ? '−' : '';
  const s = Math.trunc(Math.abs(totalMinutes) * 60 + 1e-6);
  const ss = String(s % 60).padStart(2, '0');
  if (!withHours) return `${sign}${Math.floor(s / 60)}:${ss}`;
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  return `${sign}${Math.floor(s / 3600)}:${mm}:${ss}`;
}
