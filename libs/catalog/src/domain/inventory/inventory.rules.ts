import { ruleViolation } from '@ticketing/platform/domain';
import type { ReservationItem } from './inventory.events';
import {
  availableUnits,
  type InventoryState,
  type TicketTypeInventory,
  unitsLeft,
  unitsLeftForEvent,
} from './inventory.state';

export function assertValidCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw ruleViolation('INVALID_CAPACITY', "A ticket type's capacity is a whole number of at least 1");
  }
}

export function assertValidMaxCapacity(maxCapacity: number | null): void {
  if (maxCapacity !== null && (!Number.isInteger(maxCapacity) || maxCapacity < 1)) {
    throw ruleViolation('INVALID_MAX_CAPACITY', 'The maximum capacity is a whole number of at least 1');
  }
}

export function assertValidItems(items: readonly ReservationItem[]): void {
  if (items.length === 0) {
    throw ruleViolation('INVALID_QUANTITY', 'A reservation holds at least one ticket');
  }
  for (const { ticketTypeId, quantity } of items) assertValidQuantity(ticketTypeId, quantity);
  if (new Set(items.map((item) => item.ticketTypeId)).size !== items.length) {
    throw ruleViolation('DUPLICATE_TICKET_TYPE', 'List each ticket type once, with its total quantity');
  }
}

export function assertValidQuantity(ticketTypeId: string, quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw ruleViolation(
      'INVALID_QUANTITY',
      `A quantity is a whole number of at least 1, not ${quantity} (ticket type ${ticketTypeId})`,
    );
  }
}

/** The same units of the same ticket types, in whatever order: what a repeated command must ask to be recognised. */
export function sameItems(a: readonly ReservationItem[], b: readonly ReservationItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item) =>
      b.some((other) => other.ticketTypeId === item.ticketTypeId && other.quantity === item.quantity),
    )
  );
}

export function registeredTicketType(state: InventoryState, ticketTypeId: string): TicketTypeInventory {
  const ticketType = state.ticketTypes[ticketTypeId];
  if (!ticketType) {
    throw ruleViolation('UNKNOWN_TICKET_TYPE', `Ticket type ${ticketTypeId} is not sold for this event`);
  }
  return ticketType;
}

export function ticketTypeOnSale(state: InventoryState, ticketTypeId: string): TicketTypeInventory {
  const ticketType = registeredTicketType(state, ticketTypeId);
  if (ticketType.withdrawn) {
    throw ruleViolation('TICKET_TYPE_WITHDRAWN', `Ticket type ${ticketTypeId} was deleted`);
  }
  return ticketType;
}

/**
 * Every item or none: the first item that cannot be had refuses the whole reservation. The details give what is
 * available of every type asked for, so a client can offer what is left in one round trip.
 */
export function assertReservable(state: InventoryState, items: readonly ReservationItem[]): void {
  for (const { ticketTypeId } of items) ticketTypeOnSale(state, ticketTypeId);
  const available = Object.fromEntries(
    items.map(({ ticketTypeId }) => [ticketTypeId, availableUnits(state, ticketTypeId)]),
  );
  for (const { ticketTypeId, quantity } of items) {
    const left = unitsLeft(state.ticketTypes[ticketTypeId]);
    if (left === 0) {
      throw ruleViolation('SOLD_OUT', `Ticket type ${ticketTypeId} is sold out`, { available });
    }
    if (left < quantity) {
      throw ruleViolation(
        'NOT_ENOUGH_UNITS',
        `Only ${ticketCount(left)} of ticket type ${ticketTypeId} ${left === 1 ? 'is' : 'are'} left; ` +
          `${quantity} were asked for`,
        { available },
      );
    }
  }
  const wanted = items.reduce((sum, item) => sum + item.quantity, 0);
  const eventAvailable = unitsLeftForEvent(state);
  if (wanted > eventAvailable) {
    throw ruleViolation(
      'EVENT_CAPACITY_REACHED',
      eventAvailable === 0
        ? 'The event has reached its maximum capacity'
        : `Only ${ticketCount(eventAvailable)} ${eventAvailable === 1 ? 'is' : 'are'} left for this event; ` +
            `${wanted} were asked for`,
      { available, eventAvailable },
    );
  }
}

/** A capacity below what is sold and held would oversell: those units are promised to buyers already. */
export function assertCapacityCovers(ticketType: TicketTypeInventory, capacity: number): void {
  const { sold, held } = ticketType;
  if (capacity < sold + held) {
    throw ruleViolation(
      'CAPACITY_BELOW_SOLD',
      `Cannot reduce capacity to ${capacity} because ${alreadyTaken(sold, held)}`,
      { capacity, sold, held },
    );
  }
}

export function assertMaxCapacityCovers(state: InventoryState, maxCapacity: number | null): void {
  const ticketTypes = Object.values(state.ticketTypes);
  const sold = ticketTypes.reduce((sum, type) => sum + type.sold, 0);
  const held = ticketTypes.reduce((sum, type) => sum + type.held, 0);
  if (maxCapacity !== null && maxCapacity < sold + held) {
    throw ruleViolation(
      'MAX_CAPACITY_BELOW_SOLD',
      `Cannot reduce the event's capacity to ${maxCapacity} because ${alreadyTaken(sold, held)}`,
      { maxCapacity, sold, held },
    );
  }
}

/**
 * Anything ever sold forbids deleting a type, even when every unit was refunded since: tickets, bookings and
 * reports still name it, so it can only be closed. A live hold forbids it too, or a buyer in checkout would pay for a
 * type that no longer exists.
 */
export function assertWithdrawable(ticketType: TicketTypeInventory): void {
  const { everSold, held } = ticketType;
  if (everSold > 0) {
    throw ruleViolation(
      'TICKET_TYPE_HAS_SALES',
      `${ticketCount(everSold)} of this ticket type ${everSold === 1 ? 'has' : 'have'} been sold, so it cannot ` +
        'be deleted; close the ticket type instead to stop its sales',
      { everSold },
    );
  }
  if (held > 0) {
    throw ruleViolation(
      'TICKET_TYPE_HAS_HOLDS',
      `${ticketCount(held)} of this ticket type ${held === 1 ? 'is' : 'are'} held by buyers checking out, so it ` +
        'cannot be deleted now; close the ticket type instead, or delete it once their holds end',
      { held },
    );
  }
}

/** "200 tickets have already been sold", "… and 30 are held in active reservations", or the holds alone. */
function alreadyTaken(sold: number, held: number): string {
  const soldPart = `${ticketCount(sold)} ${sold === 1 ? 'has' : 'have'} already been sold`;
  const heldPart = `${held === 1 ? 'is' : 'are'} held in active reservations`;
  if (held === 0) return soldPart;
  if (sold === 0) return `${ticketCount(held)} ${heldPart}`;
  return `${soldPart} and ${held} ${heldPart}`;
}

function ticketCount(count: number): string {
  return `${count} ${count === 1 ? 'ticket' : 'tickets'}`;
}
