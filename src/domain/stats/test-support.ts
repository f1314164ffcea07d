/**
 * Test helper: unwraps a StatsResult, failing the test with the error's message otherwise.
 * (Only imported by *.test.ts files.)
 */
import type { StatsResult } from './errors.ts';

export function expectStatsOk<T>(result: StatsResult<T>): T {
  if (!result.ok)
    throw new Error(`${result.error.code} (${result.error.field}): ${result.error.message}`);
  return result.value;
}
