import { streamName } from '@ticketing/event-store';

/** `inventory-<eventId>`: one stream per event, because the event's maxCapacity spans all its ticket types. */
export const inventoryStream = (eventId: string) => streamName('inventory', eventId);
