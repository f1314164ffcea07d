/**
 * Benchmark (issue 5): the pure domain functions a screen waits for, in Node (not a browser;
 * V8 in both, but a tablet CPU is slower than this machine's core): planDose, the registry on
 * the study-shaped demo center (74 patients) and on the scalable 10-year center (500 patients,
 * target <= 1 s in the browser), Fisher's exact test on Table I, and the FHIR center Bundle.
 * Median and p95 of repeated runs after a warm-up; centers are generated first, not timed
 * (their generation time is reported for information).
 *
 *   npx tsx bench/domain/domain.ts [--quick] [--out file.json]
 */
import {
  generateCenter,
  generateStudyCenter,
  STUDY_AS_OF,
  STUDY_PERIOD,
} from '../../src/domain/demo/index.ts';
import { planDose } from '../../src/domain/dosing.ts';
import { centerBundle } from '../../src/domain/exports/fhir-bundle.ts';
import { RACEMIC_KETAMINE_V1 } from '../../src/domain/protocols/racemic-ketamine-v1.ts';
import { computeRegistry } from '../../src/domain/registry/index.ts';
import { fisherExact } from '../../src/domain/stats/fisher-exact.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';
import { latencyMetrics, sampleMs } from '../lib/timing.ts';

const cli = readCli();
const out = createOutput('domain');
const q = cli.quick;

function timedOnce<T>(operation: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = operation();
  return { value, ms: performance.now() - t0 };
}

try {
  // --- planDose: session 2 (150 mg) for 70 kg, Ketalar 50 mg/mL, 50 mL syringe, propofol 1%.
  const ketamine = RACEMIC_KETAMINE_V1.ketamine.products[0];
  const propofol = RACEMIC_KETAMINE_V1.propofol.products[0];
  if (!ketamine || !propofol) throw new Error('protocol has no products');
  const planInput = {
    protocol: RACEMIC_KETAMINE_V1,
    sessionNumber: 2,
    doseMg: '150',
    weightKg: '70,5',
    ketamineProductId: ketamine.id,
    propofolProductId: propofol.id,
    finalVolumeMl: 50,
  };
  const check = planDose(planInput);
  if (!check.ok) out.errors.push(`planDose refused the bench input: ${check.error.message}`);
  const plan = latencyMetrics(
    'domain.planDose',
    'planDose (session 2, 150 mg, 70.5 kg)',
    await sampleMs(() => planDose(planInput), { runs: q ? 500 : 5000, warmup: 200 }),
    { detail: 'parse + limits + both pump rates' },
  );
  out.metrics.push(...plan.metrics);

  // --- Fisher's exact test on the paper's Table I (protocol.md section 8: p = 0.280).
  const tableOne = [
    [7, 2, 13],
    [11, 0, 12],
  ];
  const fisher = fisherExact(tableOne);
  if (!fisher.ok || Math.abs(fisher.value.pValue - 0.2804) > 0.001)
    out.errors.push(`Fisher on Table I: ${JSON.stringify(fisher)}`);
  out.metrics.push(
    ...latencyMetrics(
      'domain.fisher',
      "Fisher's exact test, Table I (2x3, n = 45)",
      await sampleMs(() => fisherExact(tableOne), { runs: q ? 200 : 2000, warmup: 50 }),
      { detail: fisher.ok ? `p = ${fisher.value.pValue.toFixed(3)}` : 'failed' },
    ).metrics,
  );

  // --- The study-shaped demo center: registry and FHIR center Bundle.
  const study = timedOnce(() => generateStudyCenter({ seed: 1 }));
  if (!study.value.ok) throw new Error(study.value.error.message);
  const demo = study.value.value;
  const demoOptions = { asOf: STUDY_AS_OF, period: STUDY_PERIOD, population: 'synthetic' } as const;
  const demoReport = computeRegistry(demo.records, demoOptions);
  if (!demoReport.ok || !demoReport.value.flow.ok || demoReport.value.flow.value.perProtocol !== 45)
    out.errors.push('registry on the demo center does not give 45 per protocol');
  out.metrics.push(
    ...latencyMetrics(
      'domain.registry.demo',
      `Registry, demo center (${demo.counts.patients} patients, ${demo.counts.records.toLocaleString('en')} records)`,
      await sampleMs(() => computeRegistry(demo.records, demoOptions), {
        runs: q ? 5 : 20,
        budgetMs: q ? 2_000 : 8_000,
      }),
      { detail: `generated in ${study.ms.toFixed(0)} ms (not timed)` },
    ).metrics,
  );
  const generatedAt = '2026-01-01T00:00:00.000Z';
  const bundle = centerBundle(demo.records, { generatedAt });
  const entries = bundle.ok ? (bundle.value.entry?.length ?? 0) : 0;
  if (!bundle.ok) out.errors.push(`FHIR center bundle: ${bundle.error.message}`);
  out.metrics.push(
    ...latencyMetrics(
      'domain.fhirBundle.demo',
      `FHIR center Bundle, demo center (${demo.counts.patients} patients)`,
      await sampleMs(() => centerBundle(demo.records, { generatedAt }), {
        runs: q ? 1 : 3,
        warmup: 0,
        budgetMs: q ? 5_000 : 10_000,
      }),
      { detail: `${entries.toLocaleString('en')} entries; built in memory, not serialized` },
    ).metrics,
  );

  // --- The scalable center: 500 patients over 10 years (issue 5's registry target).
  const big = timedOnce(() => generateCenter({ patients: q ? 100 : 500, years: 10, seed: 1 }));
  if (!big.value.ok) throw new Error(big.value.error.message);
  const center = big.value.value;
  const bigOptions = { asOf: center.asOf, population: 'synthetic' } as const;
  out.metrics.push(
    ...latencyMetrics(
      'domain.registry.scalable',
      `Registry, 10-year center (${center.counts.patients} patients, ${center.counts.records.toLocaleString('en')} records)`,
      await sampleMs(() => computeRegistry(center.records, bigOptions), {
        runs: q ? 2 : 5,
        warmup: 1,
        budgetMs: q ? 4_000 : 8_000,
      }),
      {
        target: { op: '<=', value: 1000 },
        detail: `${center.counts.sessions.toLocaleString('en')} sessions; generated in ${(big.ms / 1000).toFixed(1)} s (not timed); target is for the browser`,
      },
    ).metrics,
  );
  out.extra.centers = { demo: demo.counts, scalable: center.counts };
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
finish(out, cli);
