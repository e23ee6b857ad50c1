/**
 * One row per "tickets issued" notification: one per booking, or one per ticket given outside a booking. The
 * projection owns it, so a rebuild replaces its rows; whether a row has been sent lives in `notifications_deliveries`,
 * which no rebuild touches.
 */
export interface NotificationsOutboxTable {
  id: string;
  event_id: string;
  /** Null for a ticket given outside a booking. */
  booking_id: string | null;
  /** Null until the first ticket names its holder: a booking's confirmation does not carry the buyer's address. */
  recipient_email: string | null;
  recipient_name: string | null;
  /** How many tickets the message lists once complete; null until the booking's confirmation is projected. */
  expected_tickets: number | null;
  /** When it became ready to send: the last expected ticket's issue, or the confirmation if that came later. */
  ready_at: Date | null;
  /** The log position of the event that made it ready (see `outboxPosition`): the sender follows the outbox by it. */
  ready_position: string | null;
  created_at: Date;
}

/** The tickets a notification lists, one row each, so a replayed TicketIssued adds nothing. */
export interface NotificationsOutboxTicketsTable {
  notification_id: string;
  ticket_id: string;
  ticket_type_id: string;
  issued_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    notifications_outbox: NotificationsOutboxTable;
    notifications_outbox_tickets: NotificationsOutboxTicketsTable;
  }
}
