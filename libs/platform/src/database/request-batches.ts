interface Waiting<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export interface RequestBatchesOptions<Request, Result> {
  /** How many batches may be in the database at once; a request arriving while they all are waits for the next. */
  maxInFlight: number;
  /** The most requests one batch carries. */
  maxBatchSize: number;
  /** Runs one request alone: the path a request takes when nothing else is waiting. */
  runOne(request: Request): Promise<Result>;
  /** Runs several requests in one round trip; returns their results in the order given. */
  runMany(requests: Request[]): Promise<Result[]>;
  /** Requests with the same key never share a batch: the later one waits for the next. Without it, any may. */
  keyOf?(request: Request): string;
}

/**
 * Groups the requests that arrive while the database is busy into one round trip, as a database groups commits: the
 * requests made in one synchronous run go together at the end of it when fewer than `maxInFlight` batches are out;
 * those arriving while they are all out wait and leave together when one comes back. A lone request therefore waits
 * for nothing but the end of the code that made it, and under load each round trip carries as many requests as
 * arrived during the last one.
 *
 * @example
 * const reads = new RequestBatches({ maxInFlight: 2, maxBatchSize: 64, runOne, runMany, keyOf: (name) => name });
 * const events = await reads.request('booking-42');
 */
export class RequestBatches<Request, Result> {
  private readonly waiting: Waiting<Request, Result>[] = [];
  private inFlight = 0;
  private dispatchQueued = false;

  constructor(private readonly options: RequestBatchesOptions<Request, Result>) {}

  request(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      // Requests made in one synchronous run, e.g. the reads a handler starts together, leave together.
      if (this.dispatchQueued) return;
      this.dispatchQueued = true;
      queueMicrotask(() => {
        this.dispatchQueued = false;
        this.dispatch();
      });
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.dispatch();
      });
    }
  }

  /** The oldest waiting requests, one per key, up to the batch size; the rest keep their place in the queue. */
  private takeBatch(): Waiting<Request, Result>[] {
    const { keyOf, maxBatchSize } = this.options;
    if (!keyOf) return this.waiting.splice(0, maxBatchSize);
    const batch: Waiting<Request, Result>[] = [];
    const keys = new Set<string>();
    for (let index = 0; index < this.waiting.length && batch.length < maxBatchSize; ) {
      const key = keyOf(this.waiting[index].request);
      if (keys.has(key)) {
        index += 1;
        continue;
      }
      keys.add(key);
      batch.push(...this.waiting.splice(index, 1));
    }
    return batch;
  }

  private async run(batch: Waiting<Request, Result>[]): Promise<void> {
    try {
      const results =
        batch.length === 1
          ? [await this.options.runOne(batch[0].request)]
          : await this.options.runMany(batch.map((waiting) => waiting.request));
      batch.forEach((waiting, index) => waiting.resolve(results[index]));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
