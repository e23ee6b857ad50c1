export * from './inventory.migrations';
export * from './ticket-type-inventory.projection';
export * from './ticket-type-inventory.queries';
export type * from './ticket-type-inventory.table';
export type * from './event-capacity-limit.table';
