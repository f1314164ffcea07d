/**
 * Device clock vs server clock (issue 4: "keep both times; warn when they differ by more than
 * 2 minutes; never reject a record for it"). The skew is measured at the midpoint of the
 * request, and the warning allows for half the round trip, so a slow network alone never
 * raises it.
 */
import type { ServerTimeSample } from './transport.ts';
import { CLOCK_SKEW_WARNING_MS } from './wire.ts';

export type ClockSkew = { readonly skewMs: number; readonly warning: boolean };

/** Device minus server time, ms (positive: the tablet's clock is ahead). */
export function clockSkewOf(
  sample: ServerTimeSample,
  thresholdMs = CLOCK_SKEW_WARNING_MS,
): ClockSkew | null {
  const serverMs = Date.parse(sample.serverTime);
  const roundTripMs = sample.receivedAtMs - sample.sentAtMs;
  if (Number.isNaN(serverMs) || !Number.isFinite(roundTripMs) || roundTripMs < 0) return null;
  const skewMs = Math.round((sample.sentAtMs + sample.receivedAtMs) / 2 - serverMs);
  return { skewMs, warning: Math.abs(skewMs) - roundTripMs / 2 > thresholdMs };
}
