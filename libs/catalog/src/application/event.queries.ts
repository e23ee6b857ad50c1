import { Role } from '@ticketing/platform/domain';
import type { Database } from '@ticketing/read-store';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { EventFormat, Venue } from '../domain/event-details';
import { type Actor, EventStatus } from '../domain/event.decider';
import type { CatalogEventsTable } from '../projections/catalog-events.table';
import { decodeEventCursor, encodeEventCursor } from './event-cursor';

export interface EventView {
  id: string;
  organizerId: string;
  status: EventStatus;
  title: string;
  description: string;
  format: EventFormat;
  venue: Venue | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  maxCapacity: number | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  version: number;
}

export interface EventsFilter {
  status?: EventStatus;
  /** Inclusive. */
  startsAfter?: Date;
  /** Exclusive, so consecutive ranges neither overlap nor leave a gap. */
  startsBefore?: Date;
  organizerId?: string;
}

export interface EventsPage {
  first: number;
  /** The `endCursor` of the previous page. */
  after?: string;
}

export interface EventConnection {
  edges: { cursor: string; node: EventView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The event, or undefined when it does not exist or `viewer` may not see it: the two are indistinguishable. */
export async function findVisibleEvent(
  db: Kysely<Database>,
  id: string,
  viewer: Actor | null,
): Promise<EventView | undefined> {
  const row = await db
    .selectFrom('catalog_events')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => visibleTo(eb, viewer))
    .executeTakeFirst();
  return row && toView(row);
}

/**
 * Events `viewer` may see, ordered by start then id, a page at a time.
 *
 * @example
 * const page = await listVisibleEvents(db, { status: 'PUBLISHED' }, { first: 20 }, null);
 * const next = await listVisibleEvents(db, { status: 'PUBLISHED' }, { first: 20, after: page.pageInfo.endCursor }, null);
 */
export async function listVisibleEvents(
  db: Kysely<Database>,
  filter: EventsFilter,
  page: EventsPage,
  viewer: Actor | null,
): Promise<EventConnection> {
  const after = page.after === undefined ? undefined : decodeEventCursor(page.after);
  let query = db
    .selectFrom('catalog_events')
    .selectAll()
    .where((eb) => visibleTo(eb, viewer))
    .orderBy('starts_at')
    .orderBy('id')
    // One more than asked tells whether another page follows without counting.
    .limit(page.first + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.organizerId) query = query.where('organizer_id', '=', filter.organizerId);
  if (filter.startsAfter) query = query.where('starts_at', '>=', filter.startsAfter);
  if (filter.startsBefore) query = query.where('starts_at', '<', filter.startsBefore);
  if (after) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('starts_at', 'id'), '>', tuple(after.startsAt, after.id)),
    );
  }
  const rows = await query.execute();
  const edges = rows.slice(0, page.first).map((row) => ({
    cursor: encodeEventCursor({ startsAt: row.starts_at, id: row.id }),
    node: toView(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** `isEventVisibleTo` as SQL: drafts only for their organizer and admins. */
function visibleTo(eb: ExpressionBuilder<Database, 'catalog_events'>, viewer: Actor | null) {
  if (viewer?.role === Role.ADMIN) return eb.lit(true);
  const published = eb('status', '!=', EventStatus.DRAFT);
  return viewer ? eb.or([published, eb('organizer_id', '=', viewer.userId)]) : published;
}

function toView(row: Selectable<CatalogEventsTable>): EventView {
  return {
    id: row.id,
    organizerId: row.organizer_id,
    status: row.status,
    title: row.title,
    description: row.description,
    format: row.format,
    venue:
      row.venue_name === null
        ? null
        : {
            name: row.venue_name,
            address: row.venue_address!,
            city: row.venue_city!,
            country: row.venue_country!,
          },
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    maxCapacity: row.max_capacity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    cancelledAt: row.cancelled_at,
    cancellationReason: row.cancellation_reason,
    version: row.version,
  };
}
