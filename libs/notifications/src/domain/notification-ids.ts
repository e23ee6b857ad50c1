import { v5 as uuidv5 } from 'uuid';

const NOTIFICATION_ID_NAMESPACE = '49439cef-d2e7-436c-90a1-6e6b41f2dfb9';

/**
 * A booking's tickets go out in one message, whose id the booking alone decides: a replay of the log, or a rebuild of
 * the outbox, finds the same notification instead of adding a second.
 */
export function bookingNotificationId(bookingId: string): string {
  return uuidv5(`booking/${bookingId}/tickets-issued`, NOTIFICATION_ID_NAMESPACE);
}

/** A ticket given outside a booking (a comp, a door sale) is announced on its own, under an id from the ticket. */
export function ticketNotificationId(ticketId: string): string {
  return uuidv5(`ticket/${ticketId}/tickets-issued`, NOTIFICATION_ID_NAMESPACE);
}
