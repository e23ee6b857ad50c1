import type { EventState } from './event.decider';
import type { TicketTypeDetails } from './ticket-type-details';
import { type ConfiguredStatus, TicketTypeStatus } from './ticket-type-status';
import type { TicketTypeEvent } from './ticket-type.events';

export interface TicketTypeState {
  ticketTypeId: string;
  status: ConfiguredStatus;
  details: TicketTypeDetails;
}

/** Folds a ticket-type fact into its event's state; ticket types keep their creation order. */
export function evolveTicketTypes(state: EventState, event: TicketTypeEvent): EventState {
  switch (event.type) {
    case 'TicketTypeCreated': {
      const {
        eventId: _eventId,
        ticketTypeId,
        organizerId: _organizerId,
        totalQuantity: _totalQuantity,
        createdBy: _createdBy,
        createdAt: _createdAt,
        ...details
      } = event.data;
      const created = { ticketTypeId, status: TicketTypeStatus.ACTIVE, details };
      return { ...state, ticketTypes: [...state.ticketTypes, created] };
    }
    case 'TicketTypeUpdated':
      return withDetails(state, event.data.ticketTypeId, event.data.changes);
    case 'TicketTypeVisibilityChanged': {
      const { visibility, visibilityStartsAt, visibilityEndsAt } = event.data;
      return withDetails(state, event.data.ticketTypeId, {
        visibility,
        visibilityStartsAt,
        visibilityEndsAt,
      });
    }
    case 'TicketTypeInclusiveItemsChanged':
      return withDetails(state, event.data.ticketTypeId, { inclusiveItems: event.data.inclusiveItems });
    case 'TicketTypeSalesWindowChanged': {
      const { salesStartsAt, salesEndsAt } = event.data;
      return withDetails(state, event.data.ticketTypeId, { salesStartsAt, salesEndsAt });
    }
    case 'TicketTypeStatusChanged':
      return withTicketType(state, event.data.ticketTypeId, (type) => ({ ...type, status: event.data.to }));
    case 'TicketTypeDeleted':
      return withTicketType(state, event.data.ticketTypeId, (type) => ({
        ...type,
        status: TicketTypeStatus.DELETED,
      }));
    case 'AccessCodeCreated':
      return { ...state, accessCodes: [...state.accessCodes, event.data.code] };
  }
}

function withDetails(
  state: EventState,
  ticketTypeId: string,
  changes: Partial<TicketTypeDetails>,
): EventState {
  return withTicketType(state, ticketTypeId, (type) => ({
    ...type,
    details: { ...type.details, ...changes },
  }));
}

function withTicketType(
  state: EventState,
  ticketTypeId: string,
  change: (type: TicketTypeState) => TicketTypeState,
): EventState {
  return {
    ...state,
    ticketTypes: state.ticketTypes.map((type) => (type.ticketTypeId === ticketTypeId ? change(type) : type)),
  };
}
