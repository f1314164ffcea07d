/**
 * Benchmark: JavaScript heap used by the scalable center's records once loaded (500 patients,
 * 10 years), as process.memoryUsage().heapUsed after a full garbage collection, minus the heap
 * before loading. "Loaded" = every record parsed from its stored JSON, one object tree per
 * record as IndexedDB or a pull hands them over (no structure shared between records, unlike
 * the generator's output, which is reported too). Needs --expose-gc (the runner passes it).
 *
 *   npx tsx --expose-gc bench/memory/memory.ts [--quick] [--out file.json]
 */
import { generateCenter } from '../../src/domain/demo/index.ts';
import type { ClinicalRecord } from '../../src/domain/records.ts';
import { createOutput, finish, readCli } from '../lib/metrics.ts';

const cli = readCli();
const out = createOutput('memory');
const MiB = 2 ** 20;

const gc = (globalThis as { gc?: () => void }).gc;
function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** In a function of its own, so nothing but the records outlives the generator's state. */
function generateRecords(patients: number): ClinicalRecord[] {
  const center = generateCenter({ patients, years: 10, seed: 1 });
  if (!center.ok) throw new Error(center.error.message);
  return center.value.records;
}

try {
  if (gc === undefined) out.errors.push('run with --expose-gc: heap figures include garbage');
  const patients = cli.quick ? 100 : 500;
  const before = heapAfterGc();
  let generated: ClinicalRecord[] | null = generateRecords(patients);
  const asGenerated = heapAfterGc() - before;
  const count = generated.length;
  const stored = generated.map((r) => JSON.stringify(r));
  generated = null;
  const jsonBytes = stored.reduce((s, x) => s + x.length, 0);
  const withJson = heapAfterGc();
  const t0 = performance.now();
  const loaded = stored.map((s) => JSON.parse(s) as ClinicalRecord);
  const parseMs = performance.now() - t0;
  const loadedHeap = heapAfterGc() - withJson;
  out.metrics.push(
    {
      id: 'memory.scalable.loaded',
      label: `Heap used by the loaded 10-year center (${patients} patients, ${count.toLocaleString('en')} records)`,
      value: loadedHeap / MiB,
      unit: 'MiB',
      detail: `${Math.round(loadedHeap / count)} bytes per record; ${(jsonBytes / MiB).toFixed(0)} MiB of JSON parsed in ${(parseMs / 1000).toFixed(1)} s`,
    },
    {
      id: 'memory.scalable.generated',
      label: '  as the demo generator built them (before the JSON round trip)',
      value: asGenerated / MiB,
      unit: 'MiB',
    },
    {
      id: 'memory.process.rss',
      label: '  process RSS at the end',
      value: process.memoryUsage().rss / MiB,
      unit: 'MiB',
      detail: 'includes the JSON strings kept for the measurement',
    },
  );
  out.extra.records = loaded.length;
  out.extra.jsonBytes = jsonBytes;
} catch (error) {
  out.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
finish(out, cli);
