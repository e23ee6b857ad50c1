import type { BookingStatus } from '../domain/booking/booking-status';

/** One row per booking, as its buyer, its event's organizer and admins list it. */
export interface SalesBookingsTable {
  id: string;
  event_id: string;
  /** Null for a guest, who is known only by e-mail. */
  buyer_user_id: string | null;
  buyer_email: string | null;
  buyer_name: string | null;
  status: BookingStatus;
  subtotal: number;
  discount: number;
  total: number;
  currency: string | null;
  promo_code: string | null;
  expires_at: Date;
  placed_at: Date;
  updated_at: Date;
}

/** One row per ticket type of a booking, priced when it was placed. */
export interface SalesBookingItemsTable {
  booking_id: string;
  /** The order the buyer listed the lines in, which a fixed discount followed. */
  position: number;
  ticket_type_id: string;
  ticket_type_name: string;
  quantity: number;
  unit_price: number;
  subtotal: number;
  discount: number;
  total: number;
}

/** One row per status a booking went through, in order. */
export interface SalesBookingStatusHistoryTable {
  booking_id: string;
  /** The revision of the change in the booking's stream: unique per booking and in the order it happened. */
  revision: number;
  previous_status: BookingStatus | null;
  status: BookingStatus;
  changed_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    sales_bookings: SalesBookingsTable;
    sales_booking_items: SalesBookingItemsTable;
    sales_booking_status_history: SalesBookingStatusHistoryTable;
  }
}
