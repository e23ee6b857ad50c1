import { NameBasedIds } from '@ticketing/platform/domain';

const notificationIds = new NameBasedIds('49439cef-d2e7-436c-90a1-6e6b41f2dfb9');

/**
 * A booking's tickets go out in one message, whose id the booking alone decides: a replay of the log, or a rebuild of
 * the outbox, finds the same notification instead of adding a second.
 */
export function bookingNotificationId(bookingId: string): string {
  return notificationIds.idOf(`booking/${bookingId}/tickets-issued`);
}

/** A ticket given outside a booking (a comp, a door sale) is announced on its own, under an id from the ticket. */
export function ticketNotificationId(ticketId: string): string {
  return notificationIds.idOf(`ticket/${ticketId}/tickets-issued`);
}
