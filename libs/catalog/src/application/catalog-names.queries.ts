import type { Database } from '@ticketing/read-store';
import type { Kysely } from 'kysely';

/** What a message to a ticket holder names: the event as it is titled now, and where and when it happens. */
export interface EventHeading {
  id: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  /** Null for an online event. */
  venueName: string | null;
  venueCity: string | null;
}

/**
 * The event's heading whatever its status or visibility: a holder is told about the event their ticket is for even
 * when it has been unpublished or cancelled since. Undefined when the catalog does not know the event (yet).
 */
export async function findEventHeading(
  db: Kysely<Database>,
  eventId: string,
): Promise<EventHeading | undefined> {
  const row = await db
    .selectFrom('catalog_events')
    .select(['id', 'title', 'starts_at', 'time_zone', 'venue_name', 'venue_city'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      timeZone: row.time_zone,
      venueName: row.venue_name,
      venueCity: row.venue_city,
    }
  );
}

/**
 * The names of the given ticket types, hidden and deleted ones included, since a ticket sold of them still names them.
 *
 * @example
 * const names = await ticketTypeNames(db, ['general', 'vip']); // Map { 'general' => 'General', 'vip' => 'VIP' }
 */
export async function ticketTypeNames(
  db: Kysely<Database>,
  ticketTypeIds: readonly string[],
): Promise<Map<string, string>> {
  if (ticketTypeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalog_ticket_types')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ticketTypeIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
