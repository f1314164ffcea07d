/**
 * Retry delays after a failed sync: exponential backoff with "full jitter" (a uniformly random
 * delay between 0 and the exponential ceiling; AWS Architecture Blog, "Exponential Backoff And
 * Jitter", 2015). Jitter matters here because every tablet of a center loses the network at
 * the same moment (a Wi-Fi outage) and would otherwise all retry in lock-step when it returns.
 */
export type BackoffOptions = {
  /** Ceiling of the first retry, ms. */
  readonly baseMs: number;
  /** Largest ceiling, ms: a tablet never waits longer than this between tries. */
  readonly capMs: number;
  /** Floor, ms: a random 0 would otherwise retry in a tight loop. */
  readonly minMs: number;
};

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000, minMs: 500 };

/**
 * Delay before retry number `attempt` (0 = the first retry after one failure), in ms:
 * `max(minMs, floor(random() * min(capMs, baseMs * 2^attempt)))`. `random` returns [0, 1);
 * anything else (NaN, out of range) is clamped so a bad generator cannot stop retries.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const exponent = Number.isFinite(attempt) ? Math.min(Math.max(Math.floor(attempt), 0), 40) : 40;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 1;
  return Math.min(options.capMs, Math.max(options.minMs, Math.floor(unit * ceiling)));
}
