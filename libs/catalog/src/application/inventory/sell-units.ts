import type { BatchingCommandExecutor } from '@ticketing/event-store';
import type { CommandContext } from '@ticketing/platform';
import { conflict } from '@ticketing/platform/domain';
import { inventoryDecider } from '../../domain/inventory/inventory.decider';
import type { ReservationItem, UnitsSold } from '../../domain/inventory/inventory.events';
import { sameItems } from '../../domain/inventory/inventory.rules';
import type { InventoryOutcome } from './inventory-commands';
import { inventoryStream } from './inventory-stream';

/**
 * Sells `items` at once through the process's owner of the event's hot inventory stream, or refuses them all
 * (SOLD_OUT, NOT_ENOUGH_UNITS, EVENT_CAPACITY_REACHED, TICKET_TYPE_WITHDRAWN...). Repeating it with the same sale id
 * and items sells nothing more; with other items it is refused with RESERVATION_ID_REUSED.
 *
 * The owner answers a command id it has seen append with what it appended, without deciding again, so that path is
 * checked here: the same command id asking for other items would otherwise pass for the earlier sale.
 *
 * @example
 * await sellUnits(hotStreams, eventId, { saleId, items: [{ ticketTypeId, quantity: 2 }] }, context);
 */
export async function sellUnits(
  hotStreams: BatchingCommandExecutor,
  eventId: string,
  request: { saleId: string; items: ReservationItem[] },
  context: CommandContext,
): Promise<InventoryOutcome> {
  const { saleId, items } = request;
  const outcome = await hotStreams.execute(
    inventoryDecider,
    inventoryStream(eventId),
    { type: 'SellUnits', eventId, saleId, items },
    context,
  );
  const sold = outcome.events.find((event): event is UnitsSold => event.type === 'UnitsSold');
  if (sold && !sameItems(sold.data.items, items)) {
    throw conflict('RESERVATION_ID_REUSED', `Sale ${saleId} already sold other units; sell under a new id`);
  }
  return outcome;
}
