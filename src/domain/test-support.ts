/**
 * Assertions shared by the domain tests. Not a test file itself (vitest runs *.test.ts only).
 */
import { expect } from 'vitest';
import { assessVitals } from './monitoring.ts';
import { findingsSnapshot, storedFindings } from './observation-findings.ts';
import type { PayloadOf } from './records/registry.ts';
import { assessSedation } from './sedation.ts';
import { DEFAULT_CENTER_SETTINGS } from './settings.ts';
import type { VitalThresholds } from './settings.ts';
import type { Vitals } from './vitals.ts';

const numbersIn = (text: string) => text.match(/\d+(\.\d+)?/g) ?? [];

/**
 * A text a Dutch screen shows instead of `message`: really Dutch (not the English copied) and
 * carrying the same numbers in the same order, so no value, limit or unit count is lost in
 * translation.
 */
export function expectDutchTwin(
  texts: { readonly message: string; readonly messageNl: string },
  label: string = texts.message,
): void {
  expect(texts.messageNl, label).not.toBe(texts.message);
  expect(texts.messageNl.length, label).toBeGreaterThan(20);
  expect(numbersIn(texts.messageNl), label).toEqual(numbersIn(texts.message));
}

/** A calm pre-infusion baseline (mmHg, /min, %), respiratory rate not measured. */
export const BASELINE_VITALS: Vitals = {
  systolicMmHg: 130,
  diastolicMmHg: 80,
  heartRatePerMin: 70,
  spo2Percent: 98,
  respiratoryRatePerMin: null,
};

/**
 * An observation payload with the findings the vitals form stores for it (vitals-entry.tsx):
 * assessed against `baseline` and `thresholds` (the center defaults unless given).
 */
export function recordedObservation(
  vitals: Vitals,
  rass: number,
  baseline: Vitals | null = BASELINE_VITALS,
  thresholds: VitalThresholds = DEFAULT_CENTER_SETTINGS.thresholds,
): PayloadOf<'observation'> {
  const assessed = assessVitals(vitals, baseline, thresholds);
  const sedation = assessSedation(rass);
  if (!assessed.ok || !sedation.ok) throw new Error('test vitals must be plausible');
  const findings = storedFindings(findingsSnapshot(assessed.value, sedation.value));
  return { ...vitals, rass, phase: 'infusion', findings };
}
