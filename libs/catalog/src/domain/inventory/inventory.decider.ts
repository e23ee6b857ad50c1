import { conflict, type Decider, getEntry, notFound, ruleViolation } from '@ticketing/platform/domain';
import type {
  ChangeCapacity,
  ConfirmReservation,
  InventoryCommand,
  RegisterTicketType,
  ReleaseReservation,
  ReserveUnits,
  ReturnUnits,
  SellUnits,
  SetEventCapacityLimit,
  WithdrawTicketType,
} from './inventory.commands';
import { dueExpiries } from './expiry-queue';
import {
  type InventoryEvent,
  ReleaseReason,
  type ReservationItem,
  type ReservationReleased,
  type TicketTypeCounts,
} from './inventory.events';
import {
  type ActiveReservation,
  availableUnits,
  evolveInventory,
  initialInventoryState,
  type InventoryState,
} from './inventory.state';
import {
  assertCapacityCovers,
  assertMaxCapacityCovers,
  assertReservable,
  assertValidCapacity,
  assertValidItems,
  assertValidMaxCapacity,
  assertValidQuantity,
  assertWithdrawable,
  registeredTicketType,
  sameItems,
  ticketTypeOnSale,
} from './inventory.rules';

/**
 * The inventory of one event (`inventory-<eventId>`): capacities, held and sold units of all its ticket types, and
 * the event's maxCapacity across them. It is one boundary because "never oversell" spans the whole event when it has
 * a maxCapacity: two buyers of two different ticket types may compete for its last seat, and only the optimistic
 * concurrency of one stream lets exactly one of them have it.
 *
 * Every decision ends by saying which ticket types it sold out or put back on sale, so SOLD_OUT is only ever set and
 * cleared here.
 */
export const inventoryDecider: Decider<InventoryCommand, InventoryEvent, InventoryState> = {
  initialState: initialInventoryState,
  evolve: evolveInventory,

  decide(command, state, now) {
    const events = decideCommand(command, state, now);
    if (events.length === 0) return [];
    const after = events.reduce(evolveInventory, state);
    return [...events, ...availabilityChanges(command.eventId, after, now)];
  },
};

function decideCommand(command: InventoryCommand, state: InventoryState, now: Date): InventoryEvent[] {
  switch (command.type) {
    case 'RegisterTicketType':
      return register(command, state, now);
    case 'SetEventCapacityLimit':
      return setLimit(command, state, now);
    case 'ReserveUnits':
      return reserve(command, state, now);
    case 'ReleaseReservation':
      return release(command, state, now);
    case 'ConfirmReservation':
      return confirm(command, state, now);
    case 'SellUnits':
      return sell(command, state, now);
    case 'ReturnUnits':
      return returnUnits(command, state, now);
    case 'ChangeCapacity':
      return changeCapacity(command, state, now);
    case 'WithdrawTicketType':
      return withdraw(command, state, now);
  }
}

function register(command: RegisterTicketType, state: InventoryState, now: Date): InventoryEvent[] {
  assertValidCapacity(command.capacity);
  const existing = state.ticketTypes[command.ticketTypeId];
  if (existing) {
    if (existing.capacity === command.capacity && !existing.withdrawn) return [];
    throw conflict(
      'TICKET_TYPE_ALREADY_REGISTERED',
      `Ticket type ${command.ticketTypeId} is already in this event's inventory; change its capacity instead`,
    );
  }
  const { eventId, ticketTypeId, capacity } = command;
  return [
    {
      type: 'TicketTypeInventoryRegistered',
      data: { eventId, ticketTypeId, capacity, registeredAt: now.toISOString() },
    },
  ];
}

function setLimit(command: SetEventCapacityLimit, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, maxCapacity } = command;
  assertValidMaxCapacity(maxCapacity);
  if (maxCapacity === state.maxCapacity) return [];
  return afterExpiredReleased(eventId, state, now, (current) => {
    assertMaxCapacityCovers(current, maxCapacity);
    return [{ type: 'EventCapacityLimitSet', data: { eventId, maxCapacity, setAt: now.toISOString() } }];
  });
}

function reserve(command: ReserveUnits, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, reservationId, items } = command;
  assertValidItems(items);
  if (command.expiresAt.getTime() <= now.getTime()) {
    throw ruleViolation('INVALID_EXPIRY', 'A reservation must expire after it is made');
  }
  return afterExpiredReleased(eventId, state, now, (current) => {
    const active = getEntry(current.activeReservations, reservationId);
    if (active && sameItems(active.items, items)) return [];
    if (active) throw reservationIdReused(reservationId, 'already holds other units');
    const closed = getEntry(current.closedReservations, reservationId);
    if (closed) throw reservationIdReused(reservationId, `was already ${closed.status.toLowerCase()}`);
    assertReservable(current, items);
    const data = {
      eventId,
      reservationId,
      items,
      expiresAt: command.expiresAt.toISOString(),
      reservedAt: now.toISOString(),
      ticketTypes: countsAfter(current, items, Movement.hold),
    };
    return [{ type: 'UnitsReserved', data }];
  });
}

/**
 * Releasing a reservation that is already released or confirmed records nothing: the expiry timer, a cancellation
 * and a payment callback race for the same reservation, and whichever comes second finds its outcome (no hold left)
 * already true. A reservation that never existed is an error, because something asked to free units it never held.
 */
function release(command: ReleaseReservation, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, reservationId, reason } = command;
  const active = getEntry(state.activeReservations, reservationId);
  if (!active) {
    if (getEntry(state.closedReservations, reservationId)) return [];
    throw notFound('Reservation', reservationId);
  }
  if (reason === ReleaseReason.EXPIRED && Date.parse(active.expiresAt) > now.getTime()) {
    throw ruleViolation(
      'RESERVATION_NOT_EXPIRED',
      `Reservation ${reservationId} holds its tickets until ${active.expiresAt}`,
    );
  }
  return [released(eventId, state, reservationId, active, reason, now)];
}

/**
 * A hold still in place is sold, even when its time has passed: nobody else could take its units meanwhile. A
 * released one (the payment arrived after its hold expired) is sold only if its units can be reserved again now, and
 * says so with a distinct fact; otherwise the payment must be refunded.
 */
function confirm(command: ConfirmReservation, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, reservationId } = command;
  const active = getEntry(state.activeReservations, reservationId);
  if (active) {
    const data = {
      eventId,
      reservationId,
      items: [...active.items],
      confirmedAt: now.toISOString(),
      ticketTypes: countsAfter(state, active.items, Movement.sellHeld),
    };
    return [{ type: 'ReservationConfirmed', data }];
  }
  const closed = getEntry(state.closedReservations, reservationId);
  if (!closed) throw notFound('Reservation', reservationId);
  if (closed.status === 'CONFIRMED') return [];
  return afterExpiredReleased(eventId, state, now, (current) => {
    assertReservable(current, closed.items);
    const data = {
      eventId,
      reservationId,
      releasedBecause: closed.reason,
      items: [...closed.items],
      reacquiredAt: now.toISOString(),
      ticketTypes: countsAfter(current, closed.items, Movement.sell),
    };
    return [{ type: 'ReservationReacquired', data }];
  });
}

/**
 * A sale with no hold before it: refused exactly as a reservation of the same items would be, so staff cannot take
 * units a buyer could not. Recorded as a confirmed reservation under `saleId`, so neither a reservation nor another
 * sale reuses the id, and a retried sale of the same items finds itself done.
 */
function sell(command: SellUnits, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, saleId, items } = command;
  assertValidItems(items);
  const closed = getEntry(state.closedReservations, saleId);
  if (closed?.status === 'CONFIRMED' && sameItems(closed.items, items)) return [];
  if (closed || getEntry(state.activeReservations, saleId)) {
    throw reservationIdReused(saleId, 'was already used for other units');
  }
  return afterExpiredReleased(eventId, state, now, (current) => {
    assertReservable(current, items);
    const data = {
      eventId,
      saleId,
      items,
      soldAt: now.toISOString(),
      ticketTypes: countsAfter(current, items, Movement.sell),
    };
    return [{ type: 'UnitsSold', data }];
  });
}

function returnUnits(command: ReturnUnits, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, returnId, ticketTypeId, quantity, reason } = command;
  assertValidQuantity(ticketTypeId, quantity);
  const ticketType = registeredTicketType(state, ticketTypeId);
  const previous = getEntry(state.returns, returnId);
  if (previous) {
    if (previous.ticketTypeId === ticketTypeId && previous.quantity === quantity) return [];
    throw conflict('RETURN_ID_REUSED', `Return ${returnId} already gave back other tickets`);
  }
  if (quantity > ticketType.sold) {
    throw ruleViolation(
      'RETURN_EXCEEDS_SOLD',
      `Cannot return ${quantity} tickets of ticket type ${ticketTypeId}: ${ticketType.sold} are sold`,
      { sold: ticketType.sold },
    );
  }
  const item = { ticketTypeId, quantity };
  const data = {
    eventId,
    returnId,
    ticketTypeId,
    quantity,
    reason,
    returnedAt: now.toISOString(),
    ticketTypes: countsAfter(state, [item], Movement.return),
  };
  return [{ type: 'UnitsReturned', data }];
}

function changeCapacity(command: ChangeCapacity, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, ticketTypeId, capacity } = command;
  assertValidCapacity(capacity);
  const previousCapacity = ticketTypeOnSale(state, ticketTypeId).capacity;
  if (previousCapacity === capacity) return [];
  return afterExpiredReleased(eventId, state, now, (current) => {
    const ticketType = current.ticketTypes[ticketTypeId];
    assertCapacityCovers(ticketType, capacity);
    const { held, sold, everSold } = ticketType;
    const data = {
      eventId,
      ticketTypeId,
      previousCapacity,
      capacity,
      changedAt: now.toISOString(),
      ticketTypes: [{ ticketTypeId, capacity, held, sold, everSold }],
    };
    return [{ type: 'TicketTypeCapacityChanged', data }];
  });
}

/** Deleting a ticket type withdraws it here first, so that the inventory has the last word on whether it may go. */
function withdraw(command: WithdrawTicketType, state: InventoryState, now: Date): InventoryEvent[] {
  const { eventId, ticketTypeId } = command;
  if (registeredTicketType(state, ticketTypeId).withdrawn) return [];
  return afterExpiredReleased(eventId, state, now, (current) => {
    assertWithdrawable(current.ticketTypes[ticketTypeId]);
    return [{ type: 'TicketTypeWithdrawn', data: { eventId, ticketTypeId, withdrawnAt: now.toISOString() } }];
  });
}

/**
 * A hold whose time has passed still counts until it is released, and the expiry process may be late. Decisions
 * that a hold can block therefore release the expired ones first, in the same append, so an expired hold never
 * refuses a sale or a capacity change. When the command itself changes nothing, nothing is released either.
 */
function afterExpiredReleased(
  eventId: string,
  state: InventoryState,
  now: Date,
  decideOn: (current: InventoryState) => InventoryEvent[],
): InventoryEvent[] {
  let current = state;
  const releases: InventoryEvent[] = [];
  for (const { reservationId } of dueExpiries(state.expiries, now.getTime())) {
    const reservation = getEntry(state.activeReservations, reservationId);
    // Closed after it was queued: nothing of it is held any more.
    if (!reservation) continue;
    const event = released(eventId, current, reservationId, reservation, ReleaseReason.EXPIRED, now);
    releases.push(event);
    current = evolveInventory(current, event);
  }
  const events = decideOn(current);
  return events.length === 0 ? [] : [...releases, ...events];
}

function released(
  eventId: string,
  state: InventoryState,
  reservationId: string,
  reservation: ActiveReservation,
  reason: ReleaseReason,
  now: Date,
): ReservationReleased {
  const data = {
    eventId,
    reservationId,
    reason,
    items: [...reservation.items],
    releasedAt: now.toISOString(),
    ticketTypes: countsAfter(state, reservation.items, Movement.release),
  };
  return { type: 'ReservationReleased', data };
}

/** Which ticket types this decision left with nothing to reserve, and which it put back on sale. */
function availabilityChanges(eventId: string, state: InventoryState, now: Date): InventoryEvent[] {
  const at = now.toISOString();
  return Object.entries(state.ticketTypes).flatMap(([ticketTypeId, ticketType]): InventoryEvent[] => {
    if (ticketType.withdrawn) return [];
    const available = availableUnits(state, ticketTypeId);
    if (available === 0 && !ticketType.soldOut) {
      return [{ type: 'TicketTypeSoldOut', data: { eventId, ticketTypeId, soldOutAt: at } }];
    }
    if (available > 0 && ticketType.soldOut) {
      return [{ type: 'TicketTypeBackOnSale', data: { eventId, ticketTypeId, available, backOnSaleAt: at } }];
    }
    return [];
  });
}

/** Where each unit of an item goes: between available, held and sold. */
const Movement = {
  hold: { held: 1, sold: 0 },
  release: { held: -1, sold: 0 },
  sellHeld: { held: -1, sold: 1 },
  sell: { held: 0, sold: 1 },
  return: { held: 0, sold: -1 },
} as const;
type Movement = (typeof Movement)[keyof typeof Movement];

function countsAfter(
  state: InventoryState,
  items: readonly ReservationItem[],
  movement: Movement,
): TicketTypeCounts[] {
  return items.map(({ ticketTypeId, quantity }) => {
    const { capacity, held, sold, everSold } = state.ticketTypes[ticketTypeId];
    return {
      ticketTypeId,
      capacity,
      held: held + movement.held * quantity,
      sold: sold + movement.sold * quantity,
      everSold: everSold + Math.max(movement.sold, 0) * quantity,
    };
  });
}

function reservationIdReused(reservationId: string, what: string) {
  return conflict('RESERVATION_ID_REUSED', `Reservation ${reservationId} ${what}; reserve under a new id`);
}
