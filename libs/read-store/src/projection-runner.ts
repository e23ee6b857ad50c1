import type { Kysely } from 'kysely';
import type { EventStore, LogPosition } from '@ticketing/event-store';
import type { Database } from './database';
import { CheckpointMoves, ensureCheckpoint } from './projection-checkpoint';
import { CheckpointMonitor } from './checkpoint-monitor';
import type { ProjectionLeases } from './projection-lease';
import type { ProjectionLogger } from './projection-logger';
import type { ProjectionMonitor, ProjectionProgress } from './projection-monitor';
import { rebuildProjection } from './projection-rebuild';
import { ProjectionWorker, type ProjectionState } from './projection-worker';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  store: EventStore;
  db: Kysely<Database>;
  projections: readonly Projection[];
  /** Which process applies each projection: `projectionLeasesFor(pool)`. The caller closes them after `stop()`. */
  leases: ProjectionLeases;
  /** Events per transaction. Default 500. */
  batchSize?: number;
  /** Default `console`. */
  logger?: ProjectionLogger;
  /** Delay after a failed batch, doubling from `initialMs` up to `maxMs`. Default 250 ms to 30 s. */
  retryDelay?: { initialMs: number; maxMs: number };
  /** How often a projection owned by another process is tried again. Default 1 s. */
  leaseRetryMs?: number;
  /** Lag is counted up to this many events. Default 1000. */
  lagCountCap?: number;
}

export interface ProjectionStatus extends ProjectionProgress {
  /** What this process is doing with it; `waiting-for-lease` while another process applies it. */
  state: ProjectionState;
  /** The failure this process is retrying after, if any. */
  lastError: string | null;
}

/**
 * Keeps read models current: each projection follows the event log from its own checkpoint, one transaction per
 * batch of up to `batchSize` events, the checkpoint moving in the same transaction (for a batch it handles none of,
 * one statement that only moves the checkpoint, see `projectBatch`). A batch that throws is rolled back entirely
 * and retried with a growing delay; a restart resumes from the stored checkpoints.
 *
 * @example
 * const runner = new ProjectionRunner({ store, db, projections, leases: projectionLeasesFor(pool) });
 * await runner.start();
 * const { position } = await store.append(stream, events, NO_STREAM);
 * await runner.waitForPosition(position, 2_000);
 * await runner.stop();
 */
export class ProjectionRunner implements ProjectionMonitor {
  private readonly workers = new Map<string, ProjectionWorker>();
  private readonly projections = new Map<string, Projection>();
  private readonly monitor: CheckpointMonitor;
  private readonly logger: ProjectionLogger;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.logger = options.logger ?? console;
    const checkpoints = new CheckpointMoves(options.db);
    for (const projection of options.projections) {
      if (this.projections.has(projection.name)) {
        throw new Error(`Two projections are named ${projection.name}`);
      }
      this.projections.set(projection.name, projection);
      this.workers.set(
        projection.name,
        new ProjectionWorker({
          store: options.store,
          db: options.db,
          checkpoints,
          projection,
          leases: options.leases,
          logger: this.logger,
          batchSize: options.batchSize ?? 500,
          retryDelay: options.retryDelay ?? { initialMs: 250, maxMs: 30_000 },
          leaseRetryMs: options.leaseRetryMs ?? 1_000,
        }),
      );
    }
    this.monitor = new CheckpointMonitor(options.store, options.db, options.projections, {
      lagCountCap: options.lagCountCap,
    });
  }

  /** Creates missing checkpoints, then starts every projection in the background. */
  async start(): Promise<void> {
    for (const name of this.projections.keys()) await ensureCheckpoint(this.options.db, name);
    for (const worker of this.workers.values()) worker.start();
  }

  /** Waits for the batches in flight to commit, closes the subscriptions and gives up the leases. */
  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  /**
   * Replays one projection from the start of the log beside the live read model, then swaps it in (see
   * `rebuildProjection`). Works whether this process, another one, or none is applying the projection.
   */
  async rebuild(name: string): Promise<LogPosition | null> {
    const projection = this.projections.get(name);
    if (!projection) throw new Error(`No projection is named ${name}`);
    const { store, db, batchSize } = this.options;
    return rebuildProjection({ store, db, projection, batchSize, logger: this.logger });
  }

  /** Each projection's stored position and lag, with what this process is doing with it. */
  async status(): Promise<ProjectionStatus[]> {
    const progress = await this.monitor.status();
    return progress.map((projection) => {
      const worker = this.workers.get(projection.name);
      return { ...projection, state: worker?.state ?? 'stopped', lastError: worker?.lastError ?? null };
    });
  }

  /** True once every projection of this runner has passed `position`, wherever it is applied; false on timeout. */
  waitForPosition(position: LogPosition, timeoutMs: number): Promise<boolean> {
    return this.monitor.waitForPosition(position, timeoutMs);
  }
}
