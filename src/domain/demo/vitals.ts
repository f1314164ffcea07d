/**
 * Synthetic vital signs: a patient's usual values with small session-to-session and
 * observation-to-observation variation, kept inside the alert thresholds of protocol.md
 * section 4 (so observations carry no findings) except where a scenario wants a high blood
 * pressure (a session abandoned before the start).
 */
import type { PayloadOf } from '../records.ts';
import { normal, oneDecimal, randInt, type Prng } from './prng.ts';

export type VitalsProfile = {
  readonly systolicMmHg: number;
  readonly diastolicMmHg: number;
  readonly heartRatePerMin: number;
  readonly spo2Percent: number;
  readonly respiratoryRatePerMin: number;
};

const within = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A patient's usual vitals (adults at rest). */
export function vitalsProfile(rng: Prng): VitalsProfile {
  const systolic = Math.round(within(normal(rng, 128, 11), 105, 155));
  return {
    systolicMmHg: systolic,
    diastolicMmHg: Math.round(within(normal(rng, 78, 7), 62, 92)),
    heartRatePerMin: Math.round(within(normal(rng, 72, 8), 58, 92)),
    spo2Percent: randInt(rng, 96, 99),
    respiratoryRatePerMin: randInt(rng, 12, 16),
  };
}

/**
 * One set of vitals: the profile plus noise (within 8 %, so never a > 30 % change from
 * baseline). `k` is the observation number (propofol lowers the heart rate a little over
 * time); `hypertensive` gives the blood pressure that makes a nurse stop before the start.
 */
export function observationPayload(
  rng: Prng,
  v: VitalsProfile,
  k: number,
  hypertensive: boolean,
  phase: 'infusion' | 'recovery' = 'infusion',
): PayloadOf<'observation'> {
  const jitter = (x: number, pct: number) =>
    x * (1 + within(normal(rng, 0, pct / 2), -pct, pct) / 100);
  const systolic = hypertensive ? randInt(rng, 186, 198) : Math.round(jitter(v.systolicMmHg, 8));
  const diastolic = hypertensive ? randInt(rng, 100, 108) : Math.round(jitter(v.diastolicMmHg, 8));
  return {
    systolicMmHg: systolic,
    diastolicMmHg: Math.min(diastolic, systolic - 20),
    heartRatePerMin: Math.round(jitter(v.heartRatePerMin - Math.min(k, 6) * 0.5, 6)),
    spo2Percent: within(v.spo2Percent + randInt(rng, -1, 1), 95, 100),
    respiratoryRatePerMin: within(v.respiratoryRatePerMin + randInt(rng, -1, 1), 11, 18),
    rass: phase === 'infusion' && k > 0 ? (rng() < 0.35 ? -1 : 0) : 0,
    phase,
    findings: [],
  };
}

/** Today's weight: the usual weight +- about 1 kg, one decimal (scale resolution). */
export const todaysWeightKg = (rng: Prng, usualKg: number): number =>
  oneDecimal(within(normal(rng, usualKg, 0.8), usualKg - 2.5, usualKg + 2.5));
