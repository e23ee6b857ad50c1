/**
 * The maxCapacity the inventory enforces for an event, one row per event that ever set one. Availability needs it:
 * when an event's limit binds, what is left of a ticket type depends on every other type's sales too.
 */
export interface EventCapacityLimitTable {
  event_id: string;
  /** Null when the limit was removed. */
  max_capacity: number | null;
  updated_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    catalog_event_capacity_limits: EventCapacityLimitTable;
  }
}
