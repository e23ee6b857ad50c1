import type { BookingAmounts, PricedLine } from '../domain/booking/booking-pricing';
import type { BookingStatus } from '../domain/booking/booking-status';
import type { BookingState } from '../domain/booking/booking.state';

export interface BookingView {
  id: string;
  eventId: string;
  status: BookingStatus;
  items: PricedLine[];
  amounts: BookingAmounts;
  expiresAt: Date;
}

/** What the buyer needs to complete a booking just placed, besides the booking itself. */
export interface PlacedBookingView {
  booking: BookingView;
  /** What the client hands to the payment form; null when there is nothing to pay or nothing left to do for it. */
  clientSecret: string | null;
  /** For a guest: the token that opens this booking; null for a signed-in customer. */
  accessToken: string | null;
}

export function toBookingView(state: BookingState): BookingView {
  return {
    id: state.reference.bookingId,
    eventId: state.reference.eventId,
    status: state.status,
    items: state.items,
    amounts: state.amounts,
    expiresAt: new Date(state.expiresAt),
  };
}
