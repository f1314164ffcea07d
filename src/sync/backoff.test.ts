import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.ts';
import { clockSkewOf } from './clock-skew.ts';

describe('backoffDelayMs (full jitter)', () => {
  it('doubles the ceiling per attempt up to the 5-minute cap', () => {
    const top = () => 0.999999999;
    expect([0, 1, 2, 3, 7, 8, 9, 50].map((a) => backoffDelayMs(a, top))).toEqual([
      1999, 3999, 7999, 15999, 255999, 299999, 299999, 299999,
    ]);
  });

  it('spreads retries uniformly below the ceiling, with a floor', () => {
    expect(backoffDelayMs(3, () => 0.5)).toBe(8000);
    expect(backoffDelayMs(3, () => 0)).toBe(DEFAULT_BACKOFF.minMs);
  });

  it('stays within [minMs, capMs] for any attempt and any random value, even bad ones', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.double()),
        fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Infinity)),
        (attempt, r) => {
          const delay = backoffDelayMs(attempt, () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.minMs);
          expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
        },
      ),
    );
  });
});

describe('clockSkewOf', () => {
  const sample = (serverTime: string, sentAtMs: number, receivedAtMs: number) => ({
    serverTime,
    sentAtMs,
    receivedAtMs,
  });
  const t = Date.parse('2026-03-02T08:00:00.000Z');

  it('measures at the midpoint of the request; warns only beyond 2 minutes', () => {
    expect(clockSkewOf(sample('2026-03-02T07:58:00.000Z', t - 100, t + 100))).toEqual({
      skewMs: 120_000,
      warning: false,
    });
    expect(clockSkewOf(sample('2026-03-02T07:57:59.999Z', t, t))).toEqual({
      skewMs: 120_001,
      warning: true,
    });
    expect(clockSkewOf(sample('2026-03-02T08:02:00.001Z', t, t))).toEqual({
      skewMs: -120_001,
      warning: true,
    });
  });

  it('does not blame the clock for a slow network: half the round trip is allowed', () => {
    expect(clockSkewOf(sample('2026-03-02T07:57:50.000Z', t - 10_000, t + 10_000))?.warning).toBe(
      false,
    );
    expect(clockSkewOf(sample('2026-03-02T07:57:49.000Z', t - 10_000, t + 10_000))?.warning).toBe(
      true,
    );
  });

  it('ignores samples it cannot read', () => {
    expect(clockSkewOf(sample('yesterday', t, t))).toBeNull();
    expect(clockSkewOf(sample('2026-03-02T08:00:00.000Z', t, t - 1))).toBeNull();
  });
});
