import { randomUUID } from 'node:crypto';
import { inventoryDecider, type InventoryCommand, inventoryStream } from '@ticketing/catalog';
import type { BatchingCommandExecutor } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';

/** One ticket type on sale, in its event's inventory stream. */
export interface Sale {
  eventId: string;
  ticketTypeId: string;
}

const HOLD_MS = 15 * 60_000;

/**
 * Registers a fresh ticket type of `capacity` units in a fresh event's inventory, through `hotStreams`, so that the
 * same owner of the stream then takes the holds.
 */
export async function openInventory(hotStreams: BatchingCommandExecutor, capacity: number): Promise<Sale> {
  const sale = { eventId: randomUUID(), ticketTypeId: randomUUID() };
  await hotStreams.execute(
    inventoryDecider,
    inventoryStream(sale.eventId),
    { type: 'RegisterTicketType', ...sale, capacity },
    aBuyerContext(0),
  );
  return sale;
}

/**
 * The command path of the flash sale: the product's own hold of units, the step of placeBooking that can oversell,
 * for one unit and one buyer. It runs the inventory's decider on the event's inventory stream through the owner of
 * that hot stream, exactly as a booking does, and is refused with SOLD_OUT when nothing is left. Resolves to true
 * when the unit is held.
 */
export async function holdOneUnit(
  hotStreams: BatchingCommandExecutor,
  sale: Sale,
  buyer: number,
): Promise<boolean> {
  const context = aBuyerContext(buyer);
  const command: InventoryCommand = {
    type: 'ReserveUnits',
    eventId: sale.eventId,
    reservationId: randomUUID(),
    items: [{ ticketTypeId: sale.ticketTypeId, quantity: 1 }],
    expiresAt: new Date(context.now.getTime() + HOLD_MS),
  };
  const outcome = await hotStreams.execute(inventoryDecider, inventoryStream(sale.eventId), command, context);
  return outcome.events.some((event) => event.type === 'UnitsReserved');
}

function aBuyerContext(buyer: number): CommandContext {
  return {
    commandId: randomUUID(),
    actor: `buyer-${buyer}`,
    correlationId: randomUUID(),
    causationId: null,
    now: new Date(),
  };
}
