import type { Benchmark } from './benchmark';
import { eventStoreAppendBenchmark } from './event-store-append.bench';
import { flashSaleBenchmark } from './flash-sale.bench';

/** Every benchmark `npm run bench` knows, in the order a full run takes them. */
export const benchmarks: readonly Benchmark[] = [eventStoreAppendBenchmark, flashSaleBenchmark];
