import { type CommandOutcome, type EventStore, runCommand } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import type {
  ChangeCapacity,
  ConfirmReservation,
  InventoryCommand,
  RegisterTicketType,
  ReleaseReservation,
  ReserveUnits,
  ReturnUnits,
  SetEventCapacityLimit,
  WithdrawTicketType,
} from '../../domain/inventory/inventory.commands';
import { inventoryDecider } from '../../domain/inventory/inventory.decider';
import type { InventoryEvent } from '../../domain/inventory/inventory.events';
import type { InventoryState } from '../../domain/inventory/inventory.state';
import { inventoryStream } from './inventory-stream';

/** What an inventory command appended (nothing when it changed nothing), where, and the inventory after it. */
export type InventoryOutcome = CommandOutcome<InventoryEvent, InventoryState>;

/** A command's own fields: the function called says which command it is, and `eventId` which inventory. */
type Request<Command extends InventoryCommand> = Omit<Command, 'type' | 'eventId'>;

/**
 * Gives a new ticket type its capacity in its event's inventory. Call it after the ticket type is recorded on the
 * event's stream; repeating it with the same capacity appends nothing, so a retried creation completes.
 *
 * Like every function here, it derives its event ids from `context.commandId`: two calls that append to the same
 * inventory within one command need two command ids, or the store takes the second for a retry of the first.
 *
 * @example
 * await registerTicketTypeInventory(store, eventId, { ticketTypeId, capacity: 500 }, context);
 */
export function registerTicketTypeInventory(
  store: EventStore,
  eventId: string,
  request: Request<RegisterTicketType>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'RegisterTicketType', eventId, ...request }, context);
}

/** Sets the event's maxCapacity across all its ticket types (null for none); refused below what is sold and held. */
export function setEventCapacityLimit(
  store: EventStore,
  eventId: string,
  request: Request<SetEventCapacityLimit>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'SetEventCapacityLimit', eventId, ...request }, context);
}

/**
 * Holds every item until `expiresAt`, or refuses them all (SOLD_OUT, NOT_ENOUGH_UNITS, EVENT_CAPACITY_REACHED...).
 * Repeating it with the same reservation id and items holds nothing more.
 *
 * @example
 * const items = [{ ticketTypeId: 'ga', quantity: 2 }];
 * await reserveUnits(store, eventId, { reservationId: bookingId, items, expiresAt }, context);
 */
export function reserveUnits(
  store: EventStore,
  eventId: string,
  request: Request<ReserveUnits>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'ReserveUnits', eventId, ...request }, context);
}

/** Frees a reservation's held units; a reservation already released or confirmed is left as it is. */
export function releaseReservation(
  store: EventStore,
  eventId: string,
  request: Request<ReleaseReservation>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'ReleaseReservation', eventId, ...request }, context);
}

/**
 * Sells a reservation's units. A reservation released meanwhile is sold only if its units are still available
 * (`ReservationReacquired`); otherwise SOLD_OUT, and the payment is to be refunded.
 */
export function confirmReservation(
  store: EventStore,
  eventId: string,
  request: Request<ConfirmReservation>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'ConfirmReservation', eventId, ...request }, context);
}

/** Puts sold units back on sale after a refund or cancellation, once per `returnId`. */
export function returnUnits(
  store: EventStore,
  eventId: string,
  request: Request<ReturnUnits>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'ReturnUnits', eventId, ...request }, context);
}

/** Sets a ticket type's capacity; refused with CAPACITY_BELOW_SOLD below what is sold plus held. */
export function changeTicketTypeCapacity(
  store: EventStore,
  eventId: string,
  request: Request<ChangeCapacity>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'ChangeCapacity', eventId, ...request }, context);
}

/**
 * Takes a ticket type out of sale for good, before it is deleted on the event's stream. Refused with
 * TICKET_TYPE_HAS_SALES once anything of it was ever sold, and TICKET_TYPE_HAS_HOLDS while a buyer holds some.
 */
export function withdrawTicketType(
  store: EventStore,
  eventId: string,
  request: Request<WithdrawTicketType>,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runInventoryCommand(store, { type: 'WithdrawTicketType', eventId, ...request }, context);
}

function runInventoryCommand(
  store: EventStore,
  command: InventoryCommand,
  context: CommandContext,
): Promise<InventoryOutcome> {
  return runCommand(store, inventoryDecider, inventoryStream(command.eventId), command, context);
}
