/**
 * Why a booking stopped holding what it held before it was paid: its units in the inventory, its place under the
 * buyer's limits and its use of a promo code all end for the same reasons.
 */
export const ReleaseReason = {
  EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELLED',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
} as const;
export type ReleaseReason = (typeof ReleaseReason)[keyof typeof ReleaseReason];
