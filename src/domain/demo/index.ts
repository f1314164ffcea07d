/**
 * Public API of the synthetic demo centers, with the center defaults wired in (this is the
 * "defaults wiring" place: the generators themselves take settings and protocol as arguments).
 * Synthetic data only: every patient isSynthetic, numbers DEMO-0001..., staff fictional.
 */
import { RACEMIC_KETAMINE_V1 } from '../protocols/racemic-ketamine-v1.ts';
import type { Result } from '../result.ts';
import { DEFAULT_CENTER_SETTINGS } from '../settings.ts';
import type { CenterConfig, GeneratedCenter } from './center.ts';
import { mulberry32 } from './prng.ts';
import { generateCenterWith, type ScalableCenterOptions } from './scalable-center.ts';
import { generateStudyCenterWith } from './study-center.ts';

export const DEFAULT_DEMO_CONFIG: CenterConfig = {
  settings: DEFAULT_CENTER_SETTINGS,
  protocol: RACEMIC_KETAMINE_V1,
};

/** The study-shaped center (74 patients, 2015-2019) from a seed, with the default settings and protocol. */
export const generateStudyCenter = (options: { readonly seed: number }): Result<GeneratedCenter> =>
  generateStudyCenterWith(mulberry32(options.seed), DEFAULT_DEMO_CONFIG);

/** A center of any size for benchmarks, e.g. { patients: 500, years: 10, seed: 1 }. */
export const generateCenter = (options: ScalableCenterOptions): Result<GeneratedCenter> =>
  generateCenterWith(options, DEFAULT_DEMO_CONFIG);

export { generateStudyCenterWith } from './study-center.ts';
export { generateCenterWith, type ScalableCenterOptions } from './scalable-center.ts';
export { asOfAfter, type CenterConfig, type GeneratedCenter } from './center.ts';
export { mulberry32, type Prng } from './prng.ts';
export type { PatientPlan } from './plan.ts';
export { STUDY_AS_OF, STUDY_PERIOD } from './study-data.ts';
