import type { Kysely } from 'kysely';
import type { EventStore } from '@ticketing/event-store';
import { projectBatch } from './apply-batch';
import { CheckpointMovedError } from './checkpoint-moved.error';
import type { Database } from './database';
import { sleep } from './interruptible-sleep';
import { type CheckpointMoves, loadCheckpoint } from './projection-checkpoint';
import type { ProjectionLease, ProjectionLeases } from './projection-lease';
import type { ProjectionLogger } from './projection-logger';
import type { Projection } from './projection';

/** What a worker is doing in this process. */
export type ProjectionState = 'stopped' | 'waiting-for-lease' | 'projecting' | 'retrying';

export interface ProjectionWorkerOptions {
  store: EventStore;
  db: Kysely<Database>;
  /** Shared by the workers of one runner, whose checkpoint-only moves it groups. */
  checkpoints: CheckpointMoves;
  projection: Projection;
  leases: ProjectionLeases;
  logger: ProjectionLogger;
  batchSize: number;
  retryDelay: { initialMs: number; maxMs: number };
  leaseRetryMs: number;
}

/**
 * Applies one projection in this process: wins its lease, follows the log from its checkpoint (catch-up, then
 * live) one transaction per batch, and after a failure starts again from the stored checkpoint with a growing delay.
 */
export class ProjectionWorker {
  private currentState: ProjectionState = 'stopped';
  private currentError: string | null = null;
  private retryDelayMs: number;
  private stopping: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: ProjectionWorkerOptions) {
    this.retryDelayMs = options.retryDelay.initialMs;
  }

  get state(): ProjectionState {
    return this.currentState;
  }

  /** The failure the worker is retrying after, until a batch succeeds again. */
  get lastError(): string | null {
    return this.currentError;
  }

  start(): void {
    if (this.running) return;
    const stopping = new AbortController();
    this.stopping = stopping;
    this.running = this.run(stopping.signal);
  }

  /** Lets the batch in flight commit, then gives up the subscription and the lease. */
  async stop(): Promise<void> {
    this.stopping?.abort();
    await this.running;
    this.stopping = null;
    this.running = null;
    this.currentState = 'stopped';
  }

  private get name(): string {
    return this.options.projection.name;
  }

  private async run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const lease = await this.tryAcquireLease();
      if (!lease) {
        this.currentState = 'waiting-for-lease';
        await sleep(this.options.leaseRetryMs, stop);
        continue;
      }
      this.options.logger.log(`${this.name}: owned by this process`);
      try {
        await this.projectWhileOwned(AbortSignal.any([stop, lease.signal]));
      } finally {
        await lease.release();
      }
      if (!stop.aborted) {
        this.options.logger.warn(`${this.name}: lease lost, applying stopped until it is won back`);
      }
    }
  }

  private async tryAcquireLease(): Promise<ProjectionLease | null> {
    try {
      return await this.options.leases.tryAcquire(this.name);
    } catch (error) {
      this.options.logger.error(`${this.name}: could not try its lease`, error);
      return null;
    }
  }

  private async projectWhileOwned(owned: AbortSignal): Promise<void> {
    while (!owned.aborted) {
      try {
        await this.followFromCheckpoint(owned);
      } catch (error) {
        if (error instanceof CheckpointMovedError) {
          this.options.logger.log(`${error.message}; following on from there`);
          continue;
        }
        this.currentState = 'retrying';
        this.currentError = error instanceof Error ? error.message : String(error);
        this.options.logger.error(
          `${this.name}: batch rolled back, retrying in ${this.retryDelayMs} ms`,
          error,
        );
        await sleep(this.retryDelayMs, owned);
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.options.retryDelay.maxMs);
      }
    }
  }

  /** Returns only once `owned` aborts; throws on any failure, leaving the stored checkpoint to start again from. */
  private async followFromCheckpoint(owned: AbortSignal): Promise<void> {
    const { store, db, checkpoints, projection, batchSize, retryDelay } = this.options;
    let checkpoint = await loadCheckpoint(db, projection.name);
    const subscription = store.subscribeToAll(checkpoint ? { after: checkpoint } : {});
    const closeSubscription = () =>
      subscription
        .close()
        .catch((error: unknown) =>
          this.options.logger.warn(`${this.name}: closing its subscription failed: ${error}`),
        );
    // A stop or a lost lease ends the wait for the next batch.
    owned.addEventListener('abort', closeSubscription, { once: true });
    this.currentState = 'projecting';
    try {
      while (!owned.aborted) {
        const batch = await subscription.nextBatch(batchSize);
        // Events read after a stop or a lost lease are left for whoever owns the projection next.
        if (owned.aborted) return;
        if (batch.length === 0) throw new Error('The subscription ended');
        const expected = checkpoint;
        checkpoint = await projectBatch(db, checkpoints, projection, expected, batch);
        this.retryDelayMs = retryDelay.initialMs;
        this.currentError = null;
      }
    } finally {
      owned.removeEventListener('abort', closeSubscription);
      await closeSubscription();
    }
  }
}
