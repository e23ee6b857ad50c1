import type Stripe from 'stripe';
import { paymentNoticeOf } from './stripe-payment-notice';

function event(type: string, intent: Record<string, unknown> = {}): Stripe.Event {
  return {
    id: 'evt_1',
    object: 'event',
    created: 1_790_000_000,
    type,
    data: {
      object: {
        id: 'pi_1',
        object: 'payment_intent',
        amount: 4500,
        amount_received: 0,
        currency: 'eur',
        metadata: { bookingId: 'b-1' },
        last_payment_error: null,
        cancellation_reason: null,
        ...intent,
      },
    },
  } as unknown as Stripe.Event;
}

const base = {
  notificationId: 'evt_1',
  bookingId: 'b-1',
  paymentRef: 'pi_1',
  currency: 'EUR',
  occurredAt: new Date(1_790_000_000_000),
};

describe('reading payment outcomes from Stripe events', () => {
  it('reports a success with the amount received, in upper-case currency', () => {
    expect(paymentNoticeOf(event('payment_intent.succeeded', { amount_received: 4000 }))).toEqual({
      outcome: 'succeeded',
      notice: { ...base, amount: 4000 },
    });
  });

  it('reports a failure with the gateway’s code and message', () => {
    const failed = event('payment_intent.payment_failed', {
      last_payment_error: { code: 'card_declined', message: 'Declined' },
    });
    expect(paymentNoticeOf(failed)).toEqual({
      outcome: 'failed',
      notice: { ...base, amount: 4500, failureCode: 'card_declined', failureMessage: 'Declined' },
    });
  });

  it('reports a cancellation with its reason', () => {
    expect(paymentNoticeOf(event('payment_intent.canceled', { cancellation_reason: 'abandoned' }))).toEqual({
      outcome: 'canceled',
      notice: { ...base, amount: 4500, cancellationReason: 'abandoned' },
    });
  });

  it.each(['payment_intent.created', 'payment_intent.processing', 'charge.succeeded', 'customer.created'])(
    'reports nothing for %s',
    (type) => {
      expect(paymentNoticeOf(event(type))).toBeNull();
    },
  );

  it('reports nothing for a PaymentIntent that names no booking', () => {
    expect(paymentNoticeOf(event('payment_intent.succeeded', { metadata: {} }))).toBeNull();
  });
});
