import type { TicketKind } from '../domain/ticket-kind';
import type { TicketStatus } from '../domain/ticket-status';

/** One row per issued ticket, as its holder, its organizer and door staff look it up. */
export interface TicketingTicketsTable {
  id: string;
  booking_id: string | null;
  event_id: string;
  ticket_type_id: string;
  kind: TicketKind;
  status: TicketStatus;
  /** All three null while a door ticket waits to be sold. */
  holder_user_id: string | null;
  holder_email: string | null;
  holder_name: string | null;
  /** When the current holder got it (issue, door sale or transfer): their list shows the newest first. */
  held_since: Date;
  /** What was paid; null for comps and unsold door tickets. */
  price_amount: number | null;
  price_currency: string | null;
  transferable: boolean;
  qr_version: number;
  note: string | null;
  checked_in_at: Date | null;
  issued_at: Date;
  updated_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    ticketing_tickets: TicketingTicketsTable;
  }
}
