/**
 * The sender's record of each notification it has taken up. Not a projection's table: a rebuild of the outbox leaves
 * it alone, so a notification sent before the rebuild is still known as sent after it.
 */
export interface NotificationsDeliveriesTable {
  notification_id: string;
  /** Sends started, counting one cut short by a crash; 0 until the first. */
  attempts: number;
  /** The claim's token while a sender holds it; null between attempts. */
  claimed_by: string | null;
  /**
   * No sender claims it before this: once taken up, at once; while claimed, the end of the claim's lease; after a
   * failure, the end of the backoff.
   */
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  /** Set instead of sending when the notification was already old news the first time a sender saw it. */
  skipped_at: Date | null;
}

/** How far the senders have taken up the outbox: every row made ready at or before `ready_position` has a delivery. */
export interface NotificationsSenderCursorTable {
  outbox: string;
  ready_position: string;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    notifications_deliveries: NotificationsDeliveriesTable;
    notifications_sender_cursor: NotificationsSenderCursorTable;
  }
}
