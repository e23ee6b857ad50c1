import type { EventStore } from '@ticketing/event-store';
import { type Actor, changeableBy } from '../domain/event.decider';
import { liveTicketTypes } from '../domain/ticket-type-rules';
import { loadEventState } from './load-event-state';

/** What another context needs to know of an event it attaches something to on its organizer's behalf. */
export interface ManagedEvent {
  eventId: string;
  organizerId: string;
  /** When its tickets can sell at the earliest and the latest, as ISO instants. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Its ticket types not deleted, in creation order. */
  ticketTypeIds: string[];
}

/**
 * The event as its stream now stands, for a change another context makes that only the event's organizer or an
 * admin may make. It is refused exactly as the catalog's own changes are: NOT_FOUND for an event `actor` may not
 * see (a stranger's draft), FORBIDDEN for one they see but do not manage, EVENT_CANCELLED once cancelled.
 *
 * @example
 * const event = await loadEventManagedBy(store, eventId, principal);
 */
export async function loadEventManagedBy(
  store: EventStore,
  eventId: string,
  actor: Actor,
): Promise<ManagedEvent> {
  const event = changeableBy(actor, eventId, await loadEventState(store, eventId));
  return {
    eventId: event.eventId,
    organizerId: event.organizerId,
    registrationOpensAt: event.details.registrationOpensAt,
    registrationClosesAt: event.details.registrationClosesAt,
    ticketTypeIds: liveTicketTypes(event.ticketTypes).map((type) => type.ticketTypeId),
  };
}
