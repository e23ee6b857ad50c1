import type Stripe from 'stripe';
import type { PaymentCanceledNotice, PaymentFailedNotice, PaymentNotice } from './payment-event-handler.port';

export type StripePaymentNotice =
  | { outcome: 'succeeded'; notice: PaymentNotice }
  | { outcome: 'failed'; notice: PaymentFailedNotice }
  | { outcome: 'canceled'; notice: PaymentCanceledNotice };

/**
 * The payment outcome a verified Stripe event reports, or null when it reports none we act on: another event type,
 * or a PaymentIntent that was not created for a booking (another integration on the same Stripe account).
 */
export function paymentNoticeOf(event: Stripe.Event): StripePaymentNotice | null {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      const notice = noticeOf(event, intent);
      return notice && { outcome: 'succeeded', notice: { ...notice, amount: intent.amount_received } };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const notice = noticeOf(event, intent);
      const failure = intent.last_payment_error;
      return (
        notice && {
          outcome: 'failed',
          notice: { ...notice, failureCode: failure?.code ?? null, failureMessage: failure?.message ?? null },
        }
      );
    }
    case 'payment_intent.canceled': {
      const intent = event.data.object;
      const notice = noticeOf(event, intent);
      return (
        notice && {
          outcome: 'canceled',
          notice: { ...notice, cancellationReason: intent.cancellation_reason },
        }
      );
    }
    default:
      return null;
  }
}

function noticeOf(event: Stripe.Event, intent: Stripe.PaymentIntent): PaymentNotice | null {
  const bookingId = intent.metadata?.bookingId;
  if (!bookingId) return null;
  return {
    notificationId: event.id,
    bookingId,
    paymentRef: intent.id,
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    occurredAt: new Date(event.created * 1000),
  };
}
