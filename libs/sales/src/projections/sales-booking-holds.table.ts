import type { ReleaseReason } from '../domain/release-reason';

/**
 * One row per booking whose hold has not been given back yet: what the hold-expiry process works from.
 */
export interface SalesBookingHoldsTable {
  booking_id: string;
  event_id: string;
  buyer_key: string;
  promo_code: string | null;
  expires_at: Date;
  /** Null while the booking waits for its payment; otherwise why its hold is to be given back. */
  release_reason: ReleaseReason | null;
  /** When the booking recorded that reason; the handler that recorded it gives the hold back itself right after. */
  release_due_since: Date | null;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    sales_booking_holds: SalesBookingHoldsTable;
  }
}
