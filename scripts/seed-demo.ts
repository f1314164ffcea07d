// `npx tsx scripts/seed-demo.ts [out.ndjson] [--seed N] [--patients N --years N]`
//
// Generates the synthetic demo center (src/domain/demo) and writes its records as NDJSON, one
// clinical record per line, to `out.ndjson` (default data/demo-records.ndjson; data/ is
// git-ignored). Default: the study-shaped center (74 patients, 2015-2019, validated record by
// record). With --patients and --years: the scalable benchmark center instead.
// Prints a summary and the registry's headline numbers so the output can be checked at a glance.
// Loading the records into the tablet or the server is wired separately (it reads this file).
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCenter, generateStudyCenter } from '../src/domain/demo/index.ts';
import { computeRegistry } from '../src/domain/registry/index.ts';
import { roundForDisplay } from '../src/domain/stats/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    patients: { type: 'string' },
    years: { type: 'string' },
  },
});
const out = resolve(positionals[0] ?? 'data/demo-records.ndjson');
const seed = Number(values.seed);
const scalable = values.patients !== undefined || values.years !== undefined;

const started = performance.now();
const generated = scalable
  ? generateCenter({
      patients: Number(values.patients ?? 500),
      years: Number(values.years ?? 10),
      seed,
    })
  : generateStudyCenter({ seed });
if (!generated.ok) {
  console.error(
    `Could not generate the demo center: ${generated.error.field}: ${generated.error.message}`,
  );
  process.exit(1);
}
const center = generated.value;
const generatedMs = performance.now() - started;

mkdirSync(dirname(out), { recursive: true });
const stream = createWriteStream(out, { encoding: 'utf8' });
for (const record of center.records) {
  if (!stream.write(`${JSON.stringify(record)}\n`))
    await new Promise<void>((done) => stream.once('drain', () => done()));
}
await new Promise<void>((done, fail) =>
  stream.end((error?: Error | null) => (error ? fail(error) : done())),
);

const byKind = new Map<string, number>();
for (const r of center.records) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
const show = (x: number, d: number) => {
  const r = roundForDisplay(x, d);
  return r.ok ? r.value.toFixed(d) : 'n/a';
};

console.log(
  `Synthetic demo center (${scalable ? 'scalable' : 'study-shaped'}, seed ${seed}): all patients isSynthetic, numbers DEMO-...`,
);
console.log(
  `  ${center.counts.patients} patients, ${center.counts.sessions} sessions, ${center.counts.records} records in ${generatedMs.toFixed(0)} ms`,
);
console.log(
  `  first administrations ${center.period.from} to ${center.period.to}; report as of ${center.asOf}`,
);
console.log(`  records by kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  written to ${out}`);

const registry = computeRegistry(center.records, {
  asOf: center.asOf,
  period: center.period,
  population: 'synthetic',
});
if (!registry.ok) {
  console.error(`Registry: ${registry.error.message}`);
  process.exit(1);
}
const { flow, effectiveness, tableI, tableIFisher } = registry.value;
if (flow.ok) {
  const f = flow.value;
  console.log(
    `Registry (population: synthetic): treated ${f.treated} -> included ${f.included} -> lost after first ${f.lostAfterFirstAdministration} -> deviated ${f.deviatedFromProtocol} -> per protocol ${f.perProtocol}`,
  );
}
const fav = effectiveness.favorable;
if (fav.ok)
  console.log(
    `  favorable ${fav.value.count}/${fav.value.total} (${show(fav.value.percent, 1)} %)`,
  );
const pain = effectiveness.painReductionPercent;
if (pain.ok)
  console.log(
    `  mean pain reduction ${show(pain.value.mean, 2)} % (95 % CI ${show(pain.value.lower, 2)}-${show(pain.value.upper, 2)}), n = ${pain.n}`,
  );
if (tableI.ok)
  console.log(
    `  Table I [unsuccessful, successful] x [neuropathic, nociceptive, nociplastic]: ${JSON.stringify(tableI.value.counts)}`,
  );
console.log(
  `  Fisher's exact p = ${tableIFisher.ok ? show(tableIFisher.value.pValue, 3) : tableIFisher.error.message}`,
);
