import type { Generated } from 'kysely';

/**
 * One row per projection: the position of the last event it has read, handled or not.
 *
 * Positions are stored as text because they are bigints and because the two drivers disagree on int8: PGlite
 * returns it as a number (losing precision past 2^53), pg as a string. Read-model tables should likewise prefer
 * integer or text columns over bigint.
 */
export interface ProjectionCheckpointsTable {
  projection: string;
  /** Null before the first event. */
  commit_position: string | null;
  prepare_position: string | null;
  updated_at: Generated<Date>;
}

/**
 * Every read-model table, typed. Each bounded context adds its own tables by augmenting this interface from its
 * `*.table.ts` files:
 *
 * @example
 * declare module '@ticketing/read-store/database' {
 *   interface Database { catalog_events: CatalogEventsTable }
 * }
 */
export interface Database {
  projection_checkpoints: ProjectionCheckpointsTable;
}
