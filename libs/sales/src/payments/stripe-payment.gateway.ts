import { Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import { PaymentError, PaymentErrorReason } from './payment.errors';
import type {
  CreatedPayment,
  IssuedRefund,
  PaymentGateway,
  PaymentRequest,
  RefundReason,
  RefundRequest,
  RefundStatus,
} from './payment-gateway.port';
import { assertValidPaymentRequest, assertValidRefundRequest } from './payment-request.validation';
import { toPaymentError } from './stripe-error.mapping';

/**
 * One PaymentIntent per booking, whoever asks and however often: Stripe answers a repeated key with the intent it
 * created first. Stripe keeps keys for at least 24 hours, far longer than a booking's hold, and the intent also names
 * the booking in its metadata, which is how webhooks lead back to it.
 */
export function paymentIntentIdempotencyKey(bookingId: string): string {
  return `booking-${bookingId}-payment-intent`;
}

/** Stripe knows no "event cancelled"; our reason travels in the refund's metadata either way. */
const stripeRefundReasons: Record<RefundReason, Stripe.RefundCreateParams.Reason | undefined> = {
  requested_by_customer: 'requested_by_customer',
  event_cancelled: undefined,
  duplicate: 'duplicate',
  fraudulent: 'fraudulent',
};

/** A refund that needs the customer's action is not settled yet; one Stripe cancelled will not pay out. */
const refundStatuses: Record<string, RefundStatus> = {
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'failed',
};

/** The `PaymentGateway` on Stripe's PaymentIntents and Refunds APIs, through the official SDK. */
export class StripePaymentGateway implements PaymentGateway {
  readonly kind = 'stripe';
  private readonly logger = new Logger(StripePaymentGateway.name);

  constructor(private readonly stripe: Stripe) {}

  async createPayment(request: PaymentRequest): Promise<CreatedPayment> {
    assertValidPaymentRequest(request);
    const intent = await this.call('create a payment', () =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          description: request.description,
          receipt_email: request.customerEmail,
          metadata: { bookingId: request.bookingId },
        },
        { idempotencyKey: paymentIntentIdempotencyKey(request.bookingId) },
      ),
    );
    return { paymentRef: intent.id, clientSecret: intent.client_secret };
  }

  async refund(request: RefundRequest): Promise<IssuedRefund> {
    assertValidRefundRequest(request);
    const refund = await this.call('refund a payment', () =>
      this.stripe.refunds.create(
        {
          payment_intent: request.paymentRef,
          amount: request.amount,
          reason: stripeRefundReasons[request.reason],
          metadata: { reason: request.reason },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { refundRef: refund.id, status: refundStatuses[refund.status ?? ''] ?? 'pending' };
  }

  private async call<T>(operation: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const mapped = toPaymentError(error);
      if (mapped instanceof PaymentError && mapped.reason === PaymentErrorReason.GATEWAY_UNAVAILABLE) {
        const stripeError = error as Stripe.errors.StripeError;
        this.logger.error(
          `Stripe could not ${operation}: ${stripeError.type} ${stripeError.message} (request ${stripeError.requestId ?? 'none'})`,
        );
      }
      throw mapped;
    }
  }
}
