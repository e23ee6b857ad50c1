/**
 * PENDING (units held) → CONFIRMED (paid, or nothing to pay) → CANCELLED or REFUNDED;
 * PENDING → EXPIRED, CANCELLED or PAYMENT_FAILED; a payment after any of those → CONFIRMED when the units could be
 * had again, otherwise REFUND_DUE → REFUNDED.
 */
export const BookingStatus = {
  PENDING: 'PENDING',
  CONFIRMED: 'CONFIRMED',
  EXPIRED: 'EXPIRED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  CANCELLED: 'CANCELLED',
  REFUND_DUE: 'REFUND_DUE',
  REFUNDED: 'REFUNDED',
} as const;
export type BookingStatus = (typeof BookingStatus)[keyof typeof BookingStatus];
