import type { DomainEvent } from '@ticketing/platform/domain';
import type { TicketTypeDetails } from './ticket-type-details';
import type { ConfiguredStatus } from './ticket-type-status';

/** Who changed a ticket type and when; every change after creation carries it. */
interface Change {
  eventId: string;
  ticketTypeId: string;
  updatedBy: string;
  updatedAt: string;
}

/** `totalQuantity` is the capacity asked for at creation; from then on the inventory owns it. */
export type TicketTypeCreated = DomainEvent<
  'TicketTypeCreated',
  TicketTypeDetails & {
    eventId: string;
    ticketTypeId: string;
    organizerId: string;
    totalQuantity: number;
    createdBy: string;
    createdAt: string;
  }
>;

/** A full edit while the event is a draft; carries only the fields that changed. */
export type TicketTypeUpdated = DomainEvent<
  'TicketTypeUpdated',
  Change & { changes: Partial<TicketTypeDetails> }
>;

export type TicketTypeVisibilityChanged = DomainEvent<
  'TicketTypeVisibilityChanged',
  Change & Pick<TicketTypeDetails, 'visibility' | 'visibilityStartsAt' | 'visibilityEndsAt'>
>;

export type TicketTypeInclusiveItemsChanged = DomainEvent<
  'TicketTypeInclusiveItemsChanged',
  Change & Pick<TicketTypeDetails, 'inclusiveItems'>
>;

export type TicketTypeSalesWindowChanged = DomainEvent<
  'TicketTypeSalesWindowChanged',
  Change & Pick<TicketTypeDetails, 'salesStartsAt' | 'salesEndsAt'>
>;

export type TicketTypeStatusChanged = DomainEvent<
  'TicketTypeStatusChanged',
  Change & { from: ConfiguredStatus; to: ConfiguredStatus }
>;

export type TicketTypeDeleted = DomainEvent<'TicketTypeDeleted', Change>;

/** `code` is upper-case; it unlocks the INVITE_ONLY ticket types listed. */
export type AccessCodeCreated = DomainEvent<
  'AccessCodeCreated',
  { eventId: string; code: string; ticketTypeIds: string[]; createdBy: string; createdAt: string }
>;

/** The ticket-type facts recorded on an `event-<id>` stream. */
export type TicketTypeEvent =
  | TicketTypeCreated
  | TicketTypeUpdated
  | TicketTypeVisibilityChanged
  | TicketTypeInclusiveItemsChanged
  | TicketTypeSalesWindowChanged
  | TicketTypeStatusChanged
  | TicketTypeDeleted
  | AccessCodeCreated;
