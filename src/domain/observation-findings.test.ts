import { describe, expect, it } from 'vitest';
import { highestLevel } from './observation-findings.ts';

describe('highestLevel', () => {
  it('is the most severe stored level, normal when nothing was flagged', () => {
    expect(highestLevel([])).toBe('normal');
    expect(highestLevel([{ level: 'warning' }, { level: 'normal' }])).toBe('warning');
    expect(highestLevel([{ level: 'warning' }, { level: 'urgent' }, { level: 'warning' }])).toBe(
      'urgent',
    );
  });
});
