import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessVitals } from './monitoring.ts';
import {
  findingsSnapshot,
  highestLevel,
  storedFindings,
  storedFindingsNl,
} from './observation-findings.ts';
import type { PayloadOf } from './records/registry.ts';
import { assessSedation } from './sedation.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import type { Vitals } from './vitals.ts';

describe('highestLevel', () => {
  it('is the most severe stored level, normal when nothing was flagged', () => {
    expect(highestLevel([])).toBe('normal');
    expect(highestLevel([{ level: 'warning' }, { level: 'normal' }])).toBe('warning');
    expect(highestLevel([{ level: 'warning' }, { level: 'urgent' }, { level: 'warning' }])).toBe(
      'urgent',
    );
  });
});

const T = DEFAULT_CENTER_SETTINGS.thresholds;
const BASELINE: Vitals = {
  systolicMmHg: 130,
  diastolicMmHg: 80,
  heartRatePerMin: 70,
  spo2Percent: 98,
  respiratoryRatePerMin: null,
};

/** An observation payload as the vitals form stores it (vitals-entry.tsx). */
function recorded(
  vitals: Vitals,
  rass: number,
  baseline: Vitals | null = BASELINE,
  thresholds = T,
): PayloadOf<'observation'> {
  const assessed = assessVitals(vitals, baseline, thresholds);
  const sedation = assessSedation(rass);
  if (!assessed.ok || !sedation.ok) throw new Error('test vitals must be plausible');
  const findings = storedFindings(findingsSnapshot(assessed.value, sedation.value));
  return { ...vitals, rass, phase: 'infusion', findings };
}

describe('storedFindingsNl (Dutch words for recorded findings, protocol.md section 4)', () => {
  const high = { ...BASELINE, systolicMmHg: 185, spo2Percent: 91 };

  it('gives the Dutch words of each stored finding, in order, when re-assessing reproduces them', () => {
    const observation = recorded(high, 2);
    expect(observation.findings.map((f) => f.message)).toEqual([
      'Systolic blood pressure 185 mmHg is above 180 mmHg (urgent).',
      "Systolic blood pressure 185 mmHg is up 42 % from this session's baseline 130 mmHg (more than 30 %).",
      'SpO2 91 % is at or below 92 % (warning).',
      'Sedation RASS +2 (Agitated) (warning).',
    ]);
    expect(storedFindingsNl(observation, BASELINE, T)).toEqual([
      'Systolische bloeddruk 185 mmHg is hoger dan 180 mmHg (dringend).',
      'Systolische bloeddruk 185 mmHg is 42 % hoger dan de uitgangswaarde van deze sessie, 130 mmHg (meer dan 30 %).',
      'SpO2 91 % is gelijk aan of lager dan 92 % (waarschuwing).',
      'Sedatie RASS +2 (Geagiteerd) (waarschuwing).',
    ]);
    expect(storedFindingsNl(recorded(BASELINE, 0), BASELINE, T)).toEqual([]);
  });

  it('keeps the recorded words (null) when the baseline or thresholds differ from the recording', () => {
    const observation = recorded(high, 0);
    const correctedBaseline = { ...BASELINE, systolicMmHg: 150 };
    expect(storedFindingsNl(observation, correctedBaseline, T)).toBeNull();
    expect(storedFindingsNl(observation, null, T)).toBeNull();
    const stricter = { ...T, systolicAboveMmHg: 170 };
    expect(storedFindingsNl(observation, BASELINE, stricter)).toBeNull();
    // Recorded under other thresholds: today's defaults do not reproduce it either.
    expect(storedFindingsNl(recorded(high, 0, BASELINE, stricter), BASELINE, T)).toBeNull();
  });

  it('keeps the recorded words when a stored finding differs in any way from the re-assessment', () => {
    const observation = recorded(high, 0);
    const [first, ...rest] = observation.findings;
    if (first === undefined) throw new Error('expected findings');
    for (const changed of [
      { ...first, message: `${first.message} ` },
      { ...first, level: 'warning' as const },
      { ...first, code: 'below' },
    ]) {
      expect(
        storedFindingsNl({ ...observation, findings: [changed, ...rest] }, BASELINE, T),
      ).toBeNull();
    }
    expect(storedFindingsNl({ ...observation, findings: rest }, BASELINE, T)).toBeNull();
  });

  it('property: every plausible recorded observation reads back with the Dutch words it was made with', () => {
    const vital = (min: number, max: number) => fc.integer({ min, max });
    fc.assert(
      fc.property(
        fc.record({
          systolicMmHg: vital(95, 230),
          diastolicMmHg: vital(40, 90),
          heartRatePerMin: vital(35, 150),
          spo2Percent: vital(80, 100),
          respiratoryRatePerMin: fc.option(vital(6, 30), { nil: null }),
        }),
        fc.integer({ min: -5, max: 4 }),
        (vitals, rass) => {
          const assessed = assessVitals(vitals, BASELINE, T);
          const sedation = assessSedation(rass);
          if (!assessed.ok || !sedation.ok) return;
          const made = findingsSnapshot(assessed.value, sedation.value);
          const observation = recorded(vitals, rass);
          expect(storedFindingsNl(observation, BASELINE, T)).toEqual(made.map((f) => f.messageNl));
        },
      ),
    );
  });
});
