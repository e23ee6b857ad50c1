/** One line of a benchmark's table: column name to value. Numbers stay numbers in the JSON results. */
export type BenchmarkRow = Record<string, string | number>;

/** A named measurement that `npm run bench [-- <name>]` can run. */
export interface Benchmark {
  /** Kebab-case; also the results file name (`bench/results/<name>.json`). */
  name: string;
  description: string;
  run(): Promise<BenchmarkRow[]>;
}
