import { PglitePool, type SqlPool } from '@ticketing/platform';
import { AdvisoryLockLeases } from './advisory-lock-leases';
import { SingleProcessLeases } from './single-process-leases';

/** This process's exclusive right to apply one projection. */
export interface ProjectionLease {
  /** Aborts once this process no longer owns the projection (lost or released): stop applying at once. */
  readonly signal: AbortSignal;
  release(): Promise<void>;
}

/**
 * Decides which process applies each projection, so that two projectors never apply the same one at once. The
 * checkpoint compare-and-set is the second fence: a holder that lost its lease without noticing yet can commit at
 * most a batch that still starts from the current checkpoint.
 */
export interface ProjectionLeases {
  /** The lease when no other holder has it, otherwise null. Never waits for the holder. */
  tryAcquire(projection: string): Promise<ProjectionLease | null>;
  /** Gives up every lease held through this object. */
  close(): Promise<void>;
}

/**
 * The leases fitting a pool: PGlite is one connection inside one process, so nobody else can apply its projections;
 * on a Postgres server, advisory locks arbitrate between processes.
 *
 * @example
 * const runner = new ProjectionRunner({ store, db, projections, leases: projectionLeasesFor(pool) });
 */
export function projectionLeasesFor(pool: SqlPool): ProjectionLeases {
  return pool instanceof PglitePool ? new SingleProcessLeases() : new AdvisoryLockLeases(pool);
}
