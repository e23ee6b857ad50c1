/** Nest injection token for the `PaymentEventHandler` port. */
export const PAYMENT_EVENT_HANDLER = Symbol('PAYMENT_EVENT_HANDLER');

/** What the gateway reported about one booking's payment. */
export interface PaymentNotice {
  /**
   * The gateway's id for this report (a Stripe event id). It stays the same when the report is delivered again:
   * use it as the command id, so a repeated report appends nothing twice.
   */
  notificationId: string;
  bookingId: string;
  paymentRef: string;
  /** Integer minor units: what was received on success, what was asked for otherwise. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** When the gateway observed it. */
  occurredAt: Date;
}

export interface PaymentFailedNotice extends PaymentNotice {
  /** The gateway's code for the failure (`card_declined`...), when it gave one. */
  failureCode: string | null;
  failureMessage: string | null;
}

export interface PaymentCanceledNotice extends PaymentNotice {
  /** Why the payment was abandoned (`abandoned`, `requested_by_customer`...), when the gateway said. */
  cancellationReason: string | null;
}

/**
 * Where payment outcomes go: the bookings context confirms a booking on success and releases its seats otherwise.
 *
 * Implementations must be idempotent. A notice is recorded as handled only after the handler returns, so one that
 * crashed halfway is delivered again, and two replicas can receive the same delivery at once.
 */
export interface PaymentEventHandler {
  onPaymentSucceeded(notice: PaymentNotice): Promise<void>;
  onPaymentFailed(notice: PaymentFailedNotice): Promise<void>;
  onPaymentCanceled(notice: PaymentCanceledNotice): Promise<void>;
}
