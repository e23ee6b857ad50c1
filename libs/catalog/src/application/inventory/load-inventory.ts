import { type EventStore, toDomainEvent } from '@ticketing/event-store';
import { foldEvents } from '@ticketing/platform/domain';
import { inventoryDecider } from '../../domain/inventory/inventory.decider';
import type { InventoryEvent } from '../../domain/inventory/inventory.events';
import type { InventoryState } from '../../domain/inventory/inventory.state';
import { inventoryStream } from './inventory-stream';

/**
 * The event's inventory as its stream holds it now, for reads that must not lag behind the log (the answer to the
 * organizer who just changed a capacity). Listings read the projection instead.
 *
 * @example
 * const inventory = await loadInventory(store, eventId);
 * const left = availableUnits(inventory, ticketTypeId);
 */
export async function loadInventory(store: EventStore, eventId: string): Promise<InventoryState> {
  const history = await store.readStream(inventoryStream(eventId));
  return foldEvents(inventoryDecider, history.map(toDomainEvent<InventoryEvent>));
}
