export * from './inventory-stream';
export * from './inventory-commands';
export * from './load-inventory';
export * from './sell-units';
export type {
  ReservationItem,
  InventoryEvent,
  TicketTypeCounts,
} from '../../domain/inventory/inventory.events';
export { ReleaseReason, ReturnReason } from '../../domain/inventory/inventory.events';
export type { InventoryState, TicketTypeInventory } from '../../domain/inventory/inventory.state';
export { availableUnits } from '../../domain/inventory/inventory.state';
