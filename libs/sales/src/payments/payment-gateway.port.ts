/** Nest injection token for the `PaymentGateway` port. */
export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');

export interface PaymentRequest {
  bookingId: string;
  /** Integer minor units (cents), greater than zero. */
  amount: number;
  /** ISO 4217, upper case: `EUR`, `USD`. */
  currency: string;
  description?: string;
  /** Where the gateway sends its receipt. */
  customerEmail?: string;
}

export interface CreatedPayment {
  /** The gateway's id for the payment (a PaymentIntent id with Stripe); webhooks name the payment by it. */
  paymentRef: string;
  /** What the client needs to complete the payment (Stripe.js); null when nothing is left for it to do. */
  clientSecret: string | null;
}

/** Stripe's refund reasons, plus the one our business adds. */
export type RefundReason = 'requested_by_customer' | 'event_cancelled' | 'duplicate' | 'fraudulent';

export interface RefundRequest {
  paymentRef: string;
  /** Integer minor units; the whole remaining amount when omitted. */
  amount?: number;
  reason: RefundReason;
  /** Stable per refund decision (e.g. the refund command's id), so a retried refund never pays out twice. */
  idempotencyKey: string;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface IssuedRefund {
  refundRef: string;
  status: RefundStatus;
}

/**
 * Takes payments for bookings and gives money back. Both operations are idempotent: asking twice for the same
 * booking's payment, or repeating a refund with its idempotency key, returns the first answer and charges nothing
 * twice. Failures are `PaymentError`s (or VALIDATION_FAILED for a malformed request).
 *
 * @example
 * const { paymentRef, clientSecret } = await gateway.createPayment({ bookingId, amount: 4500, currency: 'EUR' });
 * await gateway.refund({ paymentRef, reason: 'event_cancelled', idempotencyKey: `refund-${bookingId}` });
 */
export interface PaymentGateway {
  readonly kind: 'stripe' | 'development';
  createPayment(request: PaymentRequest): Promise<CreatedPayment>;
  refund(request: RefundRequest): Promise<IssuedRefund>;
}
