import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@ticketing/event-store';
import type { Database } from './database';

/**
 * A read model's projection: a name, the event types it handles, and a plain function that turns one event into
 * Kysely statements on the batch's transaction. `tables` are the tables it owns, emptied when it is rebuilt.
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
