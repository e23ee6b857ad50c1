/**
 * Items per second achieved by `workers` concurrent loops, each calling `step` until `durationMs` has passed.
 * `step` returns how many items it handled; items of a step that ends after the deadline still count, and so does
 * the time they took.
 */
export async function measureThroughput(
  workers: number,
  durationMs: number,
  step: (worker: number) => Promise<number>,
): Promise<number> {
  const started = performance.now();
  const deadline = started + durationMs;
  const handled = await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      let items = 0;
      while (performance.now() < deadline) items += await step(worker);
      return items;
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  return handled.reduce((sum, items) => sum + items, 0) / seconds;
}

/** Items per second to process a fixed amount of work once. */
export async function measureOnce(work: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const items = await work();
  return items / ((performance.now() - started) / 1_000);
}

/**
 * Measures a subject and its baseline in alternating rounds (subject first in odd rounds, baseline first in even
 * ones) and returns the median of each, so that a burst of load from a neighbour on a shared machine lands on both
 * sides instead of skewing one.
 */
export async function compareWithBaseline(
  rounds: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ subject: number; baseline: number }> {
  const subjectRates: number[] = [];
  const baselineRates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      subjectRates.push(await subject());
      baselineRates.push(await baseline());
    } else {
      baselineRates.push(await baseline());
      subjectRates.push(await subject());
    }
  }
  return { subject: median(subjectRates), baseline: median(baselineRates) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest rank: the smallest latency that at least `fraction` of all latencies do not exceed. */
export function percentile(latencies: readonly number[], fraction: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}
