import type { DomainEvent } from '@ticketing/platform/domain';

/** One ticket type of a reservation and how many of its units it holds. */
export interface ReservationItem {
  ticketTypeId: string;
  quantity: number;
}

export const ReleaseReason = {
  EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELLED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
} as const;
export type ReleaseReason = (typeof ReleaseReason)[keyof typeof ReleaseReason];

export const ReturnReason = {
  REFUNDED: 'REFUNDED',
  TICKET_CANCELLED: 'TICKET_CANCELLED',
} as const;
export type ReturnReason = (typeof ReturnReason)[keyof typeof ReturnReason];

/**
 * A ticket type's counts right after the fact that carries them, so a read model sets them rather than adding deltas.
 * `everSold` only grows: units returned after a sale still count, because a type that ever sold cannot be deleted.
 */
export interface TicketTypeCounts {
  ticketTypeId: string;
  capacity: number;
  held: number;
  sold: number;
  everSold: number;
}

export type TicketTypeInventoryRegistered = DomainEvent<
  'TicketTypeInventoryRegistered',
  { eventId: string; ticketTypeId: string; capacity: number; registeredAt: string }
>;

/** `maxCapacity` null: only each ticket type's own capacity limits sales. */
export type EventCapacityLimitSet = DomainEvent<
  'EventCapacityLimitSet',
  { eventId: string; maxCapacity: number | null; setAt: string }
>;

export type UnitsReserved = DomainEvent<
  'UnitsReserved',
  {
    eventId: string;
    reservationId: string;
    items: ReservationItem[];
    expiresAt: string;
    reservedAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

export type ReservationReleased = DomainEvent<
  'ReservationReleased',
  {
    eventId: string;
    reservationId: string;
    reason: ReleaseReason;
    items: ReservationItem[];
    releasedAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

/** The held units became sold. */
export type ReservationConfirmed = DomainEvent<
  'ReservationConfirmed',
  {
    eventId: string;
    reservationId: string;
    items: ReservationItem[];
    confirmedAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

/**
 * A reservation was confirmed after it had been released (a payment that arrived after its hold expired): its units
 * were still available, so they were taken again and sold at once.
 */
export type ReservationReacquired = DomainEvent<
  'ReservationReacquired',
  {
    eventId: string;
    reservationId: string;
    releasedBecause: ReleaseReason;
    items: ReservationItem[];
    reacquiredAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

/**
 * Units sold at once, with no hold before: tickets staff issue themselves (comps, door tickets held back). `saleId`
 * names the staff operation, in the same namespace as reservation ids, so repeating it sells nothing more.
 */
export type UnitsSold = DomainEvent<
  'UnitsSold',
  {
    eventId: string;
    saleId: string;
    items: ReservationItem[];
    soldAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

/** Sold units came back to sale: a refund, or a cancelled ticket. */
export type UnitsReturned = DomainEvent<
  'UnitsReturned',
  {
    eventId: string;
    returnId: string;
    ticketTypeId: string;
    quantity: number;
    reason: ReturnReason;
    returnedAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

export type TicketTypeCapacityChanged = DomainEvent<
  'TicketTypeCapacityChanged',
  {
    eventId: string;
    ticketTypeId: string;
    previousCapacity: number;
    capacity: number;
    changedAt: string;
    ticketTypes: TicketTypeCounts[];
  }
>;

/** The ticket type was deleted before anything of it sold: nothing of it can be reserved again. */
export type TicketTypeWithdrawn = DomainEvent<
  'TicketTypeWithdrawn',
  { eventId: string; ticketTypeId: string; withdrawnAt: string }
>;

/** Nothing of the type is left to reserve, by its own capacity or by the event's. Only the inventory says so. */
export type TicketTypeSoldOut = DomainEvent<
  'TicketTypeSoldOut',
  { eventId: string; ticketTypeId: string; soldOutAt: string }
>;

export type TicketTypeBackOnSale = DomainEvent<
  'TicketTypeBackOnSale',
  { eventId: string; ticketTypeId: string; available: number; backOnSaleAt: string }
>;

/** The facts recorded on an `inventory-<eventId>` stream. */
export type InventoryEvent =
  | TicketTypeInventoryRegistered
  | EventCapacityLimitSet
  | UnitsReserved
  | ReservationReleased
  | ReservationConfirmed
  | ReservationReacquired
  | UnitsSold
  | UnitsReturned
  | TicketTypeCapacityChanged
  | TicketTypeWithdrawn
  | TicketTypeSoldOut
  | TicketTypeBackOnSale;
