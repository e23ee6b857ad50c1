import type { Kysely } from 'kysely';
import type { EventStore, LogPosition } from '@ticketing/event-store';
import type { Database } from './database';
import { sleep } from './interruptible-sleep';
import { compareCheckpoints, loadCheckpoints } from './projection-checkpoint';
import type { ProjectionMonitor, ProjectionProgress } from './projection-monitor';
import type { Projection } from './projection';

export interface CheckpointMonitorOptions {
  /** How often `waitForPosition` reads the checkpoints. Default 15 ms. */
  pollIntervalMs?: number;
  /** Lag is counted up to this many events. Default 1000. */
  lagCountCap?: number;
}

interface Waiter {
  position: LogPosition;
  deadline: number;
  settle(passed: boolean): void;
  fail(error: unknown): void;
}

/**
 * Watches projections through their stored checkpoints, so it works wherever they are applied: in this process or
 * in a separate projector. Needs no runner.
 *
 * @example
 * const monitor = new CheckpointMonitor(store, db, readModelProjections);
 * const { position } = await store.append(stream, events, revision);
 * if (!(await monitor.waitForPosition(position, 2_000))) logger.warn('read models are lagging');
 */
export class CheckpointMonitor implements ProjectionMonitor {
  private readonly names: string[];
  private readonly pollIntervalMs: number;
  private readonly lagCountCap: number;
  private readonly waiters = new Set<Waiter>();
  private polling: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<Database>,
    projections: readonly Pick<Projection, 'name'>[],
    options: CheckpointMonitorOptions = {},
  ) {
    this.names = projections.map((projection) => projection.name);
    this.pollIntervalMs = options.pollIntervalMs ?? 15;
    this.lagCountCap = options.lagCountCap ?? 1_000;
  }

  /**
   * True once every projection's checkpoint is at or past `position`; false when `timeoutMs` runs out first. All
   * pending waits share one poll of the checkpoints, so a burst of mutations costs one query per interval, not one
   * per mutation.
   */
  waitForPosition(position: LogPosition, timeoutMs: number): Promise<boolean> {
    if (this.names.length === 0) return Promise.resolve(true);
    return new Promise((settle, fail) => {
      this.waiters.add({ position, deadline: Date.now() + timeoutMs, settle, fail });
      this.polling ??= this.pollWhileWaited();
    });
  }

  /**
   * Each projection's checkpoint and lag. Counting the lag reads the events themselves, so it stops at the cap; a
   * projection at the head of the log costs nothing more than the head lookup.
   */
  async status(): Promise<ProjectionProgress[]> {
    const checkpoints = await loadCheckpoints(this.db, this.names);
    const head = await this.store.headPosition();
    const progress: ProjectionProgress[] = [];
    for (const name of this.names) {
      const position = checkpoints.get(name) ?? null;
      const lag = compareCheckpoints(position, head) >= 0 ? 0 : await this.countEventsAfter(position);
      progress.push({ name, position, lag, lagIsCapped: lag >= this.lagCountCap });
    }
    return progress;
  }

  private async pollWhileWaited(): Promise<void> {
    try {
      while (this.waiters.size > 0) {
        const slowest = await this.slowestCheckpoint();
        for (const waiter of this.waiters) {
          const passed = slowest !== null && compareCheckpoints(slowest, waiter.position) >= 0;
          if (passed || Date.now() >= waiter.deadline) {
            this.waiters.delete(waiter);
            waiter.settle(passed);
          }
        }
        if (this.waiters.size > 0) await sleep(this.pollIntervalMs);
      }
    } catch (error) {
      for (const waiter of this.waiters) waiter.fail(error);
      this.waiters.clear();
    } finally {
      this.polling = null;
    }
  }

  /** The checkpoint every projection has reached; null while one of them has none. */
  private async slowestCheckpoint(): Promise<LogPosition | null> {
    const checkpoints = await loadCheckpoints(this.db, this.names);
    let slowest: LogPosition | null = null;
    for (const name of this.names) {
      const checkpoint = checkpoints.get(name);
      if (!checkpoint) return null;
      if (slowest === null || compareCheckpoints(checkpoint, slowest) < 0) slowest = checkpoint;
    }
    return slowest;
  }

  private async countEventsAfter(position: LogPosition | null): Promise<number> {
    const behind = await this.store.readAll({
      ...(position ? { after: position } : {}),
      maxCount: this.lagCountCap,
    });
    return behind.length;
  }
}
