import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@ticketing/event-store';
import type { Database } from './database';

/**
 * A read model's projection: a name, the event types it handles, and a plain function that turns one event into
 * Kysely statements on the batch's transaction. `tables` are the tables it owns, whose rows a rebuild replaces: it
 * writes to them, and only to them, by unqualified name (a rebuild fills copies of them in a schema of its own), and
 * lists a table before any of its tables that references it. It must not read the event store inside `apply`: on
 * PGlite the batch's transaction holds the only connection. Nor may it change an event: the projections of a
 * process are handed the same event objects.
 *
 * `applyMany`, when given, takes the batch's handled events at once, in log order, and must leave exactly what
 * `apply` on each in turn leaves: a projection whose events mostly insert rows writes them in one statement per
 * table instead of one per event (see `applyInRuns`).
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
  applyMany?(trx: Transaction<Database>, events: readonly RecordedEvent[]): Promise<void>;
}

/** Keeps a run's statement far below the 65,535 parameters Postgres takes, even with several rows per event. */
const MAX_RUN = 100;

/**
 * Applies `events` in log order: each run of consecutive events that `inRun` accepts (up to `MAX_RUN` of them) goes
 * to `applyRun` at once, every other event to `applyOne` in its place. A run may then be written as one statement
 * per table, and whatever falls between two runs still sees the first one written and the second not yet.
 *
 * @example
 * applyMany: (trx, events) =>
 *   applyInRuns(events, (event) => event.type === 'BookingPlaced', (run) => insertBookings(trx, run), (event) =>
 *     bookingHistoryProjection.apply(trx, event),
 *   ),
 */
export async function applyInRuns(
  events: readonly RecordedEvent[],
  inRun: (event: RecordedEvent) => boolean,
  applyRun: (run: RecordedEvent[]) => Promise<void>,
  applyOne: (event: RecordedEvent) => Promise<void>,
): Promise<void> {
  let run: RecordedEvent[] = [];
  for (const event of events) {
    if (inRun(event)) {
      run.push(event);
      if (run.length === MAX_RUN) {
        await applyRun(run);
        run = [];
      }
      continue;
    }
    if (run.length > 0) await applyRun(run);
    run = [];
    await applyOne(event);
  }
  if (run.length > 0) await applyRun(run);
}
