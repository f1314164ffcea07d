/**
 * What every benchmark process hands back to scripts/bench.mjs: a list of metrics, written as
 * JSON to the file named by `--out`. The runner owns the table, the targets' PASS/MISS and
 * bench-results/latest.json; a benchmark only measures and says what it measured.
 */
import { writeFileSync } from 'node:fs';

/** `<=` / `<`: the value must be at most / below the target. */
export type Target = { readonly op: '<=' | '<'; readonly value: number };

export type Metric = {
  /** Stable id, e.g. `server.push.ratio`. */
  readonly id: string;
  /** What was measured, in words, for the table. */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: Target;
  /** How it was measured (sizes, runs, what the clock covers). */
  readonly detail?: string;
};

export type BenchOutput = {
  readonly name: string;
  readonly metrics: Metric[];
  /** Anything worth keeping that is not a headline number (sample sizes, breakdowns). */
  readonly extra: Record<string, unknown>;
  /** Problems the benchmark saw (a failed request, a refused record); shown by the runner. */
  readonly errors: string[];
};

export type CliOptions = {
  readonly out: string | null;
  readonly quick: boolean;
  readonly db: 'sqlite' | 'postgres';
};

/** `--out <file>`, `--quick`, `--db sqlite|postgres` (PostgreSQL needs TEST_DATABASE_URL). */
export function readCli(argv: readonly string[] = process.argv.slice(2)): CliOptions {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? null : (argv[i + 1] ?? null);
  };
  const db = at('--db') === 'postgres' ? 'postgres' : 'sqlite';
  return { out: at('--out'), quick: argv.includes('--quick'), db };
}

export function createOutput(name: string): BenchOutput {
  return { name, metrics: [], extra: {}, errors: [] };
}

/** Writes the output where the runner asked, and a summary on stderr for people running it by hand. */
export function finish(output: BenchOutput, cli: CliOptions): void {
  for (const m of output.metrics) {
    const target = m.target ? ` (target ${m.target.op} ${m.target.value} ${m.unit})` : '';
    process.stderr.write(`  ${m.label}: ${formatValue(m.value)} ${m.unit}${target}\n`);
  }
  for (const e of output.errors) process.stderr.write(`  ERROR ${e}\n`);
  if (cli.out !== null) writeFileSync(cli.out, JSON.stringify(output, null, 2));
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
