import type { EventStore } from '@ticketing/event-store';
import { notFound } from '@ticketing/platform/domain';
import { type Actor, changeableBy } from '../domain/event.decider';
import { isSoldAtDoor } from '../domain/ticket-type-details';
import { liveTicketTypes } from '../domain/ticket-type-rules';
import { loadEventState } from './load-event-state';

/** What another context needs of a ticket type it issues tickets of on the organizer's behalf. */
export interface ManagedTicketType {
  eventId: string;
  ticketTypeId: string;
  /** Door staff may sell it: it is sold EVERYWHERE or AT_DOOR_ONLY. */
  soldAtDoor: boolean;
  transferable: boolean;
}

/**
 * A ticket type of an event as the event's stream now stands, for staff who issue its tickets themselves (comps, door
 * tickets). Refused exactly as the catalog's own changes are: NOT_FOUND for an event `actor` may not see (a
 * stranger's draft), FORBIDDEN for one they see but do not manage, EVENT_CANCELLED once cancelled; and NOT_FOUND for
 * a ticket type the event does not have or deleted. Whether the type is on sale to buyers does not matter here.
 *
 * @example
 * const { soldAtDoor } = await loadTicketTypeManagedBy(store, eventId, ticketTypeId, principal);
 */
export async function loadTicketTypeManagedBy(
  store: EventStore,
  eventId: string,
  ticketTypeId: string,
  actor: Actor,
): Promise<ManagedTicketType> {
  const event = changeableBy(actor, eventId, await loadEventState(store, eventId));
  const ticketType = liveTicketTypes(event.ticketTypes).find((type) => type.ticketTypeId === ticketTypeId);
  if (!ticketType) throw notFound('Ticket type', ticketTypeId);
  return {
    eventId,
    ticketTypeId,
    soldAtDoor: isSoldAtDoor(ticketType.details.salesChannel),
    transferable: ticketType.details.transferable,
  };
}
