import type { ReleaseReason, ReservationItem, ReturnReason } from './inventory.events';

/** Gives a ticket type its capacity in the event's inventory; repeating it with the same capacity changes nothing. */
export type RegisterTicketType = {
  type: 'RegisterTicketType';
  eventId: string;
  ticketTypeId: string;
  capacity: number;
};

/** The event's maxCapacity, or null when only each ticket type's capacity limits sales. */
export type SetEventCapacityLimit = {
  type: 'SetEventCapacityLimit';
  eventId: string;
  maxCapacity: number | null;
};

/** Holds every item until `expiresAt`, or none of them. */
export type ReserveUnits = {
  type: 'ReserveUnits';
  eventId: string;
  reservationId: string;
  items: ReservationItem[];
  expiresAt: Date;
};

export type ReleaseReservation = {
  type: 'ReleaseReservation';
  eventId: string;
  reservationId: string;
  reason: ReleaseReason;
};

export type ConfirmReservation = { type: 'ConfirmReservation'; eventId: string; reservationId: string };

/**
 * Sells every item at once or none, as a reservation confirmed on the spot: for tickets staff issue without a buyer's
 * checkout. Repeating it with the same `saleId` and items sells nothing more.
 */
export type SellUnits = {
  type: 'SellUnits';
  eventId: string;
  saleId: string;
  items: ReservationItem[];
};

/** `returnId` names the refund or cancellation, so that delivering it twice returns the units once. */
export type ReturnUnits = {
  type: 'ReturnUnits';
  eventId: string;
  returnId: string;
  ticketTypeId: string;
  quantity: number;
  reason: ReturnReason;
};

export type ChangeCapacity = {
  type: 'ChangeCapacity';
  eventId: string;
  ticketTypeId: string;
  capacity: number;
};

export type WithdrawTicketType = { type: 'WithdrawTicketType'; eventId: string; ticketTypeId: string };

export type InventoryCommand =
  | RegisterTicketType
  | SetEventCapacityLimit
  | ReserveUnits
  | ReleaseReservation
  | ConfirmReservation
  | SellUnits
  | ReturnUnits
  | ChangeCapacity
  | WithdrawTicketType;
