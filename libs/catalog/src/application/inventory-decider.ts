/**
 * The inventory's decider, for contexts that write the inventory stream through a batching executor: its owner
 * needs the decider itself, the same object for every command on the stream.
 */
export { inventoryDecider } from '../domain/inventory/inventory.decider';
export type { InventoryCommand } from '../domain/inventory/inventory.commands';
