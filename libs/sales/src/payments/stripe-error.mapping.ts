import Stripe from 'stripe';
import { PaymentError, PaymentErrorReason } from './payment.errors';

/**
 * Stripe's errors in our vocabulary. A decline and a refused request are the caller's to act on, so they keep
 * Stripe's message; anything else (rate limits, outages, a revoked key) is ours or Stripe's to fix, so the caller
 * learns only that the gateway is unavailable. Non-Stripe errors pass through unchanged.
 */
export function toPaymentError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  if (error instanceof Stripe.errors.StripeCardError) {
    return new PaymentError(PaymentErrorReason.DECLINED, error.message, {
      declineCode: error.decline_code ?? error.code ?? null,
    });
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new PaymentError(
      PaymentErrorReason.IDEMPOTENCY_CONFLICT,
      'This payment was already requested with different terms',
    );
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return new PaymentError(PaymentErrorReason.REJECTED, error.message, { gatewayCode: error.code ?? null });
  }
  return new PaymentError(
    PaymentErrorReason.GATEWAY_UNAVAILABLE,
    'The payment gateway is unavailable; try again shortly',
  );
}
