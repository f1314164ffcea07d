import { describe, expect, it } from 'vitest';
import * as stats from './index.ts';

describe('stats public API (protocol.md section 8 in one pass)', () => {
  it('reproduces the paper figures that need no patient-level data', () => {
    const favourable = stats.countPercent(23, 45);
    expect(favourable.ok && stats.roundForDisplay(favourable.value.percent, 1)).toEqual({
      ok: true,
      value: 51.1,
    });
    const table = stats.fisherExact([
      [7, 2, 13],
      [11, 0, 12],
    ]);
    expect(table.ok && stats.roundForDisplay(table.value.pValue, 3)).toEqual({
      ok: true,
      value: 0.28,
    });
    const t = stats.studentTQuantile(0.975, 44);
    expect(t.ok && t.value).toBeCloseTo(2.0154, 4);
    const z = stats.normalQuantile(0.975);
    expect(z.ok && z.value).toBeCloseTo(1.959964, 6);
  });
  it('exports exactly the documented functions and constants', () => {
    expect(Object.keys(stats).sort()).toEqual(
      [
        'FISHER_RELATIVE_TOLERANCE',
        'INTERCEPT_NAME',
        'countPercent',
        'erf',
        'erfc',
        'fisherExact',
        'logisticRegression',
        'mean',
        'meanConfidenceInterval',
        'meanConfidenceIntervalFromSummary',
        'median',
        'normalCdf',
        'normalQuantile',
        'quantile',
        'quartiles',
        'roundForDisplay',
        'sdFromMeanConfidenceInterval',
        'standardDeviation',
        'studentTCdf',
        'studentTQuantile',
        'summarize',
        'twoSidedNormalP',
        'waldInference',
      ].sort(),
    );
  });
});
