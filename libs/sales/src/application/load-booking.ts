import { type EventStore, toDomainEvent } from '@ticketing/event-store';
import { foldEvents } from '@ticketing/platform/domain';
import { bookingDecider } from '../domain/booking/booking.decider';
import type { BookingEvent } from '../domain/booking/booking.events';
import type { BookingState } from '../domain/booking/booking.state';
import { bookingStream } from './sales-streams';

/** The booking as its own stream has it now (null when it was never placed): what its commands decide against. */
export async function loadBooking(store: EventStore, bookingId: string): Promise<BookingState | null> {
  const history = await store.readStream(bookingStream(bookingId));
  return foldEvents(bookingDecider, history.map(toDomainEvent<BookingEvent>));
}
