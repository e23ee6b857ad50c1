import type { Generated } from 'kysely';

export interface ProjectionCheckpointsTable {
  projection: string;
  /** The position of the last event the projection has seen, as text (bigints). Null before the first event. */
  commit_position: string | null;
  prepare_position: string | null;
  updated_at: Generated<Date>;
}

/**
 * Every read-model table, typed. Each bounded context adds its own tables by augmenting this interface from its
 * `*.table.ts` files:
 *
 * @example
 * declare module '@ticketing/read-store' {
 *   interface Database { catalog_events: CatalogEventsTable }
 * }
 */
export interface Database {
  projection_checkpoints: ProjectionCheckpointsTable;
}
