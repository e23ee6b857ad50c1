import type { InventoryEvent, ReleaseReason, ReservationItem, TicketTypeCounts } from './inventory.events';
import { deleteEntry, emptyMap, getEntry, type PersistentMap, setEntry } from '@ticketing/platform/domain';
import { dropFirstWhile, emptyExpiryQueue, enqueueExpiry, type ExpiryQueue } from './expiry-queue';

export interface TicketTypeInventory {
  capacity: number;
  /** Units in active reservations. */
  held: number;
  sold: number;
  /** Units ever sold, returned ones included. */
  everSold: number;
  /** Deleted by the organizer: nothing can be reserved, and it counts nowhere. */
  withdrawn: boolean;
  soldOut: boolean;
}

export interface ActiveReservation {
  items: readonly ReservationItem[];
  expiresAt: string;
}

/** Kept so that a repeated command is recognised, and so a payment can still confirm a released reservation. */
export type ClosedReservation =
  | { status: 'RELEASED'; reason: ReleaseReason; items: readonly ReservationItem[] }
  | { status: 'CONFIRMED'; items: readonly ReservationItem[] };

export interface ReturnedUnits {
  ticketTypeId: string;
  quantity: number;
}

/** One event's inventory: every ticket type it sells, and the reservations that hold or held its units. */
export interface InventoryState {
  /** The event's limit across all its ticket types; null when there is none. */
  maxCapacity: number | null;
  /** By ticket type id, in registration order. */
  ticketTypes: Readonly<Record<string, TicketTypeInventory>>;
  activeReservations: PersistentMap<ActiveReservation>;
  /**
   * The active reservations by expiry, soonest first. A reservation closed since may still be queued behind the
   * first one; the first one is always active.
   */
  expiries: ExpiryQueue;
  closedReservations: PersistentMap<ClosedReservation>;
  /** By return id. */
  returns: PersistentMap<ReturnedUnits>;
}

export const initialInventoryState: InventoryState = {
  maxCapacity: null,
  ticketTypes: {},
  activeReservations: emptyMap(),
  expiries: emptyExpiryQueue,
  closedReservations: emptyMap(),
  returns: emptyMap(),
};

export function evolveInventory(state: InventoryState, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'TicketTypeInventoryRegistered': {
      const registered = { capacity: event.data.capacity, held: 0, sold: 0, everSold: 0 };
      const ticketType = { ...registered, withdrawn: false, soldOut: false };
      return { ...state, ticketTypes: { ...state.ticketTypes, [event.data.ticketTypeId]: ticketType } };
    }
    case 'EventCapacityLimitSet':
      return { ...state, maxCapacity: event.data.maxCapacity };
    case 'UnitsReserved': {
      const { reservationId, items, expiresAt, ticketTypes } = event.data;
      const activeReservations = setEntry(state.activeReservations, reservationId, { items, expiresAt });
      const expiries = enqueueExpiry(state.expiries, {
        reservationId,
        expiresAt,
        expiresAtMs: Date.parse(expiresAt),
      });
      return { ...withCounts(state, ticketTypes), activeReservations, expiries };
    }
    case 'ReservationReleased': {
      const { reservationId, reason, items, ticketTypes } = event.data;
      return closeReservation(withCounts(state, ticketTypes), reservationId, {
        status: 'RELEASED',
        reason,
        items,
      });
    }
    case 'ReservationConfirmed':
    case 'ReservationReacquired': {
      const { reservationId, items, ticketTypes } = event.data;
      return closeReservation(withCounts(state, ticketTypes), reservationId, { status: 'CONFIRMED', items });
    }
    case 'UnitsSold': {
      const { saleId, items, ticketTypes } = event.data;
      return closeReservation(withCounts(state, ticketTypes), saleId, { status: 'CONFIRMED', items });
    }
    case 'UnitsReturned': {
      const { returnId, ticketTypeId, quantity, ticketTypes } = event.data;
      const returns = setEntry(state.returns, returnId, { ticketTypeId, quantity });
      return { ...withCounts(state, ticketTypes), returns };
    }
    case 'TicketTypeCapacityChanged':
      return withCounts(state, event.data.ticketTypes);
    case 'TicketTypeWithdrawn':
      return withTicketType(state, event.data.ticketTypeId, { withdrawn: true, soldOut: false });
    case 'TicketTypeSoldOut':
      return withTicketType(state, event.data.ticketTypeId, { soldOut: true });
    case 'TicketTypeBackOnSale':
      return withTicketType(state, event.data.ticketTypeId, { soldOut: false });
  }
}

/** What a buyer can still reserve of the type: the least of what its own capacity and the event's limit leave. */
export function availableUnits(state: InventoryState, ticketTypeId: string): number {
  const ticketType = state.ticketTypes[ticketTypeId];
  if (!ticketType || ticketType.withdrawn) return 0;
  return Math.min(unitsLeft(ticketType), unitsLeftForEvent(state));
}

/** What the type's own capacity leaves, whatever the event's limit. */
export function unitsLeft(ticketType: TicketTypeInventory): number {
  return ticketType.capacity - ticketType.held - ticketType.sold;
}

/** What the event's limit leaves across all its ticket types; unbounded without a limit. */
export function unitsLeftForEvent(state: InventoryState): number {
  return state.maxCapacity === null ? Infinity : state.maxCapacity - unitsTaken(state);
}

/** Units held or sold across every ticket type of the event. */
function unitsTaken(state: InventoryState): number {
  return Object.values(state.ticketTypes).reduce((sum, type) => sum + type.held + type.sold, 0);
}

function withCounts(state: InventoryState, counts: readonly TicketTypeCounts[]): InventoryState {
  return counts.reduce(
    (current, { ticketTypeId, ...count }) => withTicketType(current, ticketTypeId, count),
    state,
  );
}

function withTicketType(
  state: InventoryState,
  ticketTypeId: string,
  change: Partial<TicketTypeInventory>,
): InventoryState {
  const ticketType = { ...state.ticketTypes[ticketTypeId], ...change };
  return { ...state, ticketTypes: { ...state.ticketTypes, [ticketTypeId]: ticketType } };
}

function closeReservation(
  state: InventoryState,
  reservationId: string,
  closed: ClosedReservation,
): InventoryState {
  const activeReservations = deleteEntry(state.activeReservations, reservationId);
  return {
    ...state,
    activeReservations,
    // Closing one deep in the queue would cost a search; it is dropped for free once it comes first.
    expiries: dropFirstWhile(
      state.expiries,
      ({ reservationId: queued }) => !getEntry(activeReservations, queued),
    ),
    closedReservations: setEntry(state.closedReservations, reservationId, closed),
  };
}
