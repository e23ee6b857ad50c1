import type { Recorded } from '@ticketing/event-store';
import type { Database, Projection } from '@ticketing/read-store';
import type { Transaction, Updateable } from 'kysely';
import type { EventDetails } from '../domain/event-details';
import { EventStatus } from '../domain/event.decider';
import type {
  EventCancelled,
  EventCreated,
  EventPublished,
  EventStreamEvent,
  EventUpdated,
} from '../domain/event.events';
import type { CatalogEventsTable } from './catalog-events.table';

/** Every event with its details and where it stands in its lifecycle: what listings and event pages read. */
export const eventListingProjection: Projection = {
  name: 'catalog-event-listing',
  handles: [
    'EventCreated',
    'EventUpdated',
    'EventPublished',
    'EventCancelled',
  ] satisfies EventStreamEvent['type'][],
  tables: ['catalog_events'],
  async apply(trx, event) {
    switch (event.type) {
      case 'EventCreated':
        return insertEvent(trx, event as Recorded<EventCreated>);
      case 'EventUpdated':
        return updateEventDetails(trx, event as Recorded<EventUpdated>);
      case 'EventPublished':
        return markEventPublished(trx, event as Recorded<EventPublished>);
      case 'EventCancelled':
        return markEventCancelled(trx, event as Recorded<EventCancelled>);
    }
  },
};

export async function insertEvent(trx: Transaction<Database>, event: Recorded<EventCreated>): Promise<void> {
  const { eventId, organizerId, createdAt, ...details } = event.data;
  await trx
    .insertInto('catalog_events')
    .values({
      id: eventId,
      organizer_id: organizerId,
      status: EventStatus.DRAFT,
      // A created event carries every detail, so every detail column is set.
      ...(detailColumns(details) as DetailColumns),
      created_at: new Date(createdAt),
      updated_at: new Date(createdAt),
      version: versionOf(event),
    })
    .execute();
}

export async function updateEventDetails(
  trx: Transaction<Database>,
  event: Recorded<EventUpdated>,
): Promise<void> {
  const { eventId, changes, updatedAt } = event.data;
  await changeEvent(trx, eventId, {
    ...detailColumns(changes),
    updated_at: new Date(updatedAt),
    version: versionOf(event),
  });
}

export async function markEventPublished(
  trx: Transaction<Database>,
  event: Recorded<EventPublished>,
): Promise<void> {
  const publishedAt = new Date(event.data.publishedAt);
  await changeEvent(trx, event.data.eventId, {
    status: EventStatus.PUBLISHED,
    published_at: publishedAt,
    updated_at: publishedAt,
    version: versionOf(event),
  });
}

export async function markEventCancelled(
  trx: Transaction<Database>,
  event: Recorded<EventCancelled>,
): Promise<void> {
  const cancelledAt = new Date(event.data.cancelledAt);
  await changeEvent(trx, event.data.eventId, {
    status: EventStatus.CANCELLED,
    cancelled_at: cancelledAt,
    cancellation_reason: event.data.reason,
    updated_at: cancelledAt,
    version: versionOf(event),
  });
}

async function changeEvent(
  trx: Transaction<Database>,
  eventId: string,
  columns: Updateable<CatalogEventsTable>,
) {
  await trx.updateTable('catalog_events').set(columns).where('id', '=', eventId).execute();
}

type DetailColumns = Omit<
  CatalogEventsTable,
  | 'id'
  | 'organizer_id'
  | 'status'
  | 'created_at'
  | 'updated_at'
  | 'published_at'
  | 'cancelled_at'
  | 'cancellation_reason'
  | 'version'
>;

/** The columns of the fields present in `details`; an absent field leaves its columns alone. */
function detailColumns(details: Partial<EventDetails>): Partial<DetailColumns> {
  const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  const columns: Partial<DetailColumns> = {
    title: details.title,
    description: details.description,
    format: details.format,
    starts_at: instant(details.startsAt),
    ends_at: instant(details.endsAt),
    time_zone: details.timeZone,
    registration_opens_at: instant(details.registrationOpensAt),
    registration_closes_at: instant(details.registrationClosesAt),
    max_capacity: details.maxCapacity,
  };
  if (details.venue !== undefined) {
    columns.venue_name = details.venue?.name ?? null;
    columns.venue_address = details.venue?.address ?? null;
    columns.venue_city = details.venue?.city ?? null;
    columns.venue_country = details.venue?.country ?? null;
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

function versionOf(event: Recorded<EventStreamEvent>): number {
  return Number(event.revision) + 1;
}
