import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@ticketing/event-store';
import type { Database } from './database';

/**
 * A read model's projection: a name, the event types it handles, and a plain function that turns one event into
 * Kysely statements on the batch's transaction. `tables` are the tables it owns, whose rows a rebuild replaces: it
 * writes to them, and only to them, by unqualified name (a rebuild fills copies of them in a schema of its own), and
 * lists a table before any of its tables that references it. It must not read the event store inside `apply`: on
 * PGlite the batch's transaction holds the only connection.
 *
 * @example
 * export const eventListingProjection: Projection = {
 *   name: 'event-listing',
 *   handles: ['EventCreated', 'EventPublished'],
 *   tables: ['catalog_events'],
 *   apply: (trx, event) => applyToEventListing(trx, event),
 * };
 */
export interface Projection {
  name: string;
  handles: readonly string[];
  tables: readonly (keyof Database & string)[];
  apply(trx: Transaction<Database>, event: RecordedEvent): Promise<void>;
}
