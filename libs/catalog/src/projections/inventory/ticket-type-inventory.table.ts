/**
 * One row per ticket type registered in an event's inventory, keyed by the ticket type's id alone (ids are unique
 * across events): its counts as the last inventory fact left them.
 */
export interface TicketTypeInventoryTable {
  ticket_type_id: string;
  event_id: string;
  capacity: number;
  held: number;
  sold: number;
  /** Units ever sold, returned ones included: a type with any cannot be deleted. */
  ever_sold: number;
  withdrawn: boolean;
  sold_out: boolean;
  updated_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    catalog_ticket_type_inventory: TicketTypeInventoryTable;
  }
}
