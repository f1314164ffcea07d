/**
 * The synthetic study center: 74 treated patients over 2015-2019, built so that the registry
 * (protocol.md section 8) computed from its records reproduces the paper's Results (flow
 * 74 -> 61 -> 16 -> 45, Table I, 23/45 favorable, Fisher p = 0.280, side effects, 14/47).
 * Every record passes parseClinicalRecord; every patient is marked synthetic.
 */
import type { Result } from '../result.ts';
import { ok } from '../result.ts';
import { writeCenter, type CenterConfig, type GeneratedCenter } from './center.ts';
import type { Prng } from './prng.ts';
import { STUDY_AS_OF, STUDY_PERIOD } from './study-data.ts';
import { studyCenterPlans } from './study-plans.ts';

/** The study center from `rng` (same PRNG state -> same records). */
export function generateStudyCenterWith(rng: Prng, config: CenterConfig): Result<GeneratedCenter> {
  const plans = studyCenterPlans(rng);
  const written = writeCenter(rng, config, plans, {
    validate: true,
    mistakes: 1,
    startMs: Date.parse('2014-12-01T09:00:00.000Z'),
  });
  if (!written.ok) return written;
  const { records } = written.value;
  return ok({
    records,
    plans,
    asOf: STUDY_AS_OF,
    period: STUDY_PERIOD,
    counts: {
      patients: plans.length,
      sessions: records.filter((r) => r.kind === 'session').length,
      records: records.length,
    },
  });
}
