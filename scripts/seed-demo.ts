// `npm run seed-demo [-- options]`: loads the synthetic demo center into the center server's
// database (the same DATA_DIR/center.sqlite or DATABASE_URL that `npm start` uses), through the
// server's own store code (server/src/demo/seed.ts), so every tablet enrolled afterwards pulls
// it. `--ndjson FILE` writes the records as NDJSON instead and touches no database.
// Run `npm run seed-demo -- --help` for the options.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/src/config.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { openDatabase } from '../server/src/db/open.ts';
import { realPatientCount, seedRecords } from '../server/src/demo/seed.ts';
import { generateCenter, generateStudyCenter } from '../src/domain/demo/index.ts';
import type { ClinicalRecord } from '../src/domain/records.ts';
import { computeRegistry } from '../src/domain/registry/index.ts';
import { roundForDisplay } from '../src/domain/stats/index.ts';

const HELP = `npm run seed-demo [-- options]

Creates the synthetic demo center: 74 invented patients treated over 2015-2019 with every
session, observation, side effect and outcome, shaped like the source study (45 per protocol,
Table I and Fisher p = 0.280 as in the paper). Every patient is marked synthetic (numbers
DEMO-0001...), the staff are fictional ("... Demo (fictional ...)"), and the registry never
mixes them with real patients.

By default it loads the records into the center server's database, the one \`npm start\` uses:
PostgreSQL when DATABASE_URL is set, else DATA_DIR/center.sqlite (DATA_DIR defaults to ./data).
The tables are created if needed. Then: \`npm start\`, enroll a tablet (server/README.md), and
the tablet pulls the demo with its next sync. Running it again adds nothing twice.

Options:
  --ndjson FILE    write the records as NDJSON (one record per line) to FILE instead;
                   no database is touched
  --seed N         seed of the generator (default 1; the tablet's "Load the synthetic demo
                   center" button uses 1 too, so both hold the same records)
  --patients N --years N
                   a center of any size for benchmarks instead of the study-shaped one
  --force          load even when the database already holds real (non-synthetic) patients
  -h, --help       show this text
`;

const { values } = parseArgs({
  options: {
    ndjson: { type: 'string' },
    seed: { type: 'string', default: '1' },
    patients: { type: 'string' },
    years: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

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
  console.error(`Could not generate the demo center: ${generated.error.message}`);
  process.exit(1);
}
const center = generated.value;
console.log(
  `Synthetic demo center (${scalable ? 'scalable' : 'study-shaped'}, seed ${seed}): ` +
    `${center.counts.patients} patients, ${center.counts.sessions} sessions, ` +
    `${center.counts.records} records, generated in ${(performance.now() - started).toFixed(0)} ms`,
);

if (values.ndjson !== undefined) await writeNdjson(resolve(values.ndjson), center.records);
else await loadIntoDatabase(center.records);
printRegistry(center.records, center.asOf, center.period);

async function writeNdjson(out: string, records: readonly ClinicalRecord[]): Promise<void> {
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out, { encoding: 'utf8' });
  for (const record of records) {
    if (!stream.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>((done) => stream.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) =>
    stream.end((error?: Error | null) => (error ? fail(error) : done())),
  );
  console.log(`Written to ${out} (no database touched).`);
}

async function loadIntoDatabase(records: readonly ClinicalRecord[]): Promise<void> {
  const config = readConfig(process.env, []);
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    console.log(`Center database: ${db.dialect} ${db.location}`);
    await migrateToLatest(db);
    const real = await realPatientCount(db);
    if (real > 0 && !values.force) {
      console.error(
        `This database holds ${real} real (non-synthetic) patients, so the demo was NOT loaded. ` +
          'Use a separate DATA_DIR or DATABASE_URL for the demo, or add --force to load it beside them ' +
          '(marked synthetic; the registry never mixes the two).',
      );
      process.exitCode = 1;
      return;
    }
    const loading = performance.now();
    let shown = 0;
    const result = await seedRecords(db, records, {
      now: new Date(),
      actor: 'seed-demo',
      onProgress: (done, total) => {
        if (done - shown >= 5000 || done === total) {
          shown = done;
          process.stdout.write(
            `  stored ${done} of ${total} records${process.stdout.isTTY ? '\r' : '\n'}`,
          );
        }
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(
      `Loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s: ${result.inserted} new, ` +
        `${result.alreadyStored} already there, ${result.conflicts.length} conflicts, ` +
        `${result.invalid.length} invalid.`,
    );
    for (const bad of result.invalid.slice(0, 5))
      console.error(`  record ${bad.index}: ${bad.reason}`);
    if (result.invalid.length > 0 || result.conflicts.length > 0) process.exitCode = 1;
    console.log('Next: `npm start`, enroll a tablet (server/README.md); it pulls the demo.');
  } finally {
    await db.close();
  }
}

function printRegistry(
  records: readonly ClinicalRecord[],
  asOf: string,
  period: { readonly from: string; readonly to: string },
): void {
  const show = (x: number, d: number) => {
    const r = roundForDisplay(x, d);
    return r.ok ? r.value.toFixed(d) : 'n/a';
  };
  const registry = computeRegistry(records, { asOf, period, population: 'synthetic' });
  if (!registry.ok) {
    console.error(`Registry: ${registry.error.message}`);
    process.exitCode = 1;
    return;
  }
  const { flow, effectiveness, tableI, tableIFisher } = registry.value;
  if (flow.ok) {
    const f = flow.value;
    console.log(
      `Registry (synthetic population): treated ${f.treated} -> included ${f.included} -> ` +
        `lost after first ${f.lostAfterFirstAdministration} -> per protocol ${f.perProtocol}`,
    );
  }
  const fav = effectiveness.favorable;
  if (fav.ok)
    console.log(
      `  favorable ${fav.value.count}/${fav.value.total} (${show(fav.value.percent, 1)} %)`,
    );
  if (tableI.ok)
    console.log(
      `  Table I [unsuccessful, successful] x [neuropathic, nociceptive, nociplastic]: ${JSON.stringify(tableI.value.counts)}`,
    );
  console.log(
    `  Fisher's exact p = ${tableIFisher.ok ? show(tableIFisher.value.pValue, 3) : tableIFisher.error.message}`,
  );
}
