import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessVitals } from './monitoring.ts';
import { findingsSnapshot, highestLevel, storedFindingsNl } from './observation-findings.ts';
import { assessSedation } from './sedation.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import { BASELINE_VITALS, recordedObservation } from './test-support.ts';

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

describe('storedFindingsNl (Dutch words for recorded findings, protocol.md section 4)', () => {
  const high = { ...BASELINE_VITALS, systolicMmHg: 185, spo2Percent: 91 };

  it('gives the Dutch words of each stored finding, in order, when re-assessing reproduces them', () => {
    const observation = recordedObservation(high, 2);
    expect(observation.findings.map((f) => f.message)).toEqual([
      'Systolic blood pressure 185 mmHg is above 180 mmHg (urgent).',
      "Systolic blood pressure 185 mmHg is up 42 % from this session's baseline 130 mmHg (more than 30 %).",
      'SpO2 91 % is at or below 92 % (warning).',
      'Sedation RASS +2 (Agitated) (warning).',
    ]);
    expect(storedFindingsNl(observation, BASELINE_VITALS, T)).toEqual([
      'Systolische bloeddruk 185 mmHg is hoger dan 180 mmHg (dringend).',
      'Systolische bloeddruk 185 mmHg is 42 % hoger dan de uitgangswaarde van deze sessie, 130 mmHg (meer dan 30 %).',
      'SpO2 91 % is gelijk aan of lager dan 92 % (waarschuwing).',
      'Sedatie RASS +2 (Geagiteerd) (waarschuwing).',
    ]);
    expect(storedFindingsNl(recordedObservation(BASELINE_VITALS, 0), BASELINE_VITALS, T)).toEqual(
      [],
    );
  });

  it('keeps the recorded words (null) when the baseline or thresholds differ from the recording', () => {
    const observation = recordedObservation(high, 0);
    const correctedBaseline = { ...BASELINE_VITALS, systolicMmHg: 150 };
    expect(storedFindingsNl(observation, correctedBaseline, T)).toBeNull();
    expect(storedFindingsNl(observation, null, T)).toBeNull();
    const stricter = { ...T, systolicAboveMmHg: 170 };
    expect(storedFindingsNl(observation, BASELINE_VITALS, stricter)).toBeNull();
    // Recorded under other thresholds: today's defaults do not reproduce it either.
    expect(
      storedFindingsNl(recordedObservation(high, 0, BASELINE_VITALS, stricter), BASELINE_VITALS, T),
    ).toBeNull();
  });

  it('keeps the recorded words when a stored finding differs in any way from the re-assessment', () => {
    const observation = recordedObservation(high, 0);
    const [first, ...rest] = observation.findings;
    if (first === undefined) throw new Error('expected findings');
    for (const changed of [
      { ...first, message: `${first.message} ` },
      { ...first, level: 'warning' as const },
      { ...first, code: 'below' },
    ]) {
      expect(
        storedFindingsNl({ ...observation, findings: [changed, ...rest] }, BASELINE_VITALS, T),
      ).toBeNull();
    }
    expect(storedFindingsNl({ ...observation, findings: rest }, BASELINE_VITALS, T)).toBeNull();
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
          const assessed = assessVitals(vitals, BASELINE_VITALS, T);
          const sedation = assessSedation(rass);
          if (!assessed.ok || !sedation.ok) return;
          const made = findingsSnapshot(assessed.value, sedation.value);
          const observation = recordedObservation(vitals, rass);
          expect(storedFindingsNl(observation, BASELINE_VITALS, T)).toEqual(
            made.map((f) => f.messageNl),
          );
        },
      ),
    );
  });
});
