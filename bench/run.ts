import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Benchmark, BenchmarkRow } from './benchmark';
import { benchmarks } from './benchmarks';
import { formatTable } from './format-table';

// Compiled to dist/bench/run.js; results belong beside the sources, in the git-ignored bench/results.
const RESULTS_DIRECTORY = resolve(__dirname, '..', '..', 'bench', 'results');

/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>...]` runs the named ones. Each prints its
 * table and writes `bench/results/<name>.json`.
 */
async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    const known = benchmarks.map((benchmark) => benchmark.name).join(', ');
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${known}`);
  }
  const selected =
    names.length === 0 ? benchmarks : benchmarks.filter((benchmark) => names.includes(benchmark.name));
  for (const benchmark of selected) {
    console.log(`\n${benchmark.name}: ${benchmark.description}\n`);
    const startedAt = new Date();
    const rows = await benchmark.run();
    console.log(formatTable(rows));
    const file = await writeResults(benchmark, rows, startedAt);
    console.log(
      `\n(${((Date.now() - startedAt.getTime()) / 1_000).toFixed(1)} s, written to ${relative(process.cwd(), file)})`,
    );
  }
}

async function writeResults(benchmark: Benchmark, rows: BenchmarkRow[], startedAt: Date): Promise<string> {
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  const file = join(RESULTS_DIRECTORY, `${benchmark.name}.json`);
  const results = {
    name: benchmark.name,
    description: benchmark.description,
    startedAt: startedAt.toISOString(),
    node: process.version,
    rows,
  };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
