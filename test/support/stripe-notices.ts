import { randomBytes } from 'node:crypto';
import { STRIPE_API_VERSION } from '@ticketing/sales';
import Stripe from 'stripe';
import type { RunningApi } from './api-harness';

export interface PaymentIntentFacts {
  bookingId: string;
  paymentRef: string;
  /** Minor units, as Stripe counts them. */
  amount: number;
}

/** A Stripe event about a booking's PaymentIntent, shaped as Stripe sends it, with a fresh event id. */
export function paymentIntentNotice(
  api: RunningApi,
  type: string,
  { bookingId, paymentRef, amount }: PaymentIntentFacts,
  intent: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: Math.floor(api.clock.now().getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: paymentRef,
        object: 'payment_intent',
        amount,
        amount_received: type === 'payment_intent.succeeded' ? amount : 0,
        currency: 'eur',
        metadata: { bookingId },
        last_payment_error: null,
        cancellation_reason: null,
        ...intent,
      },
    },
  });
}

/** Posts `payload` to the webhook signed with `secret` as Stripe signs it: over the exact bytes, timestamped now. */
export function deliverToStripeWebhook(api: RunningApi, payload: string, secret: string): Promise<Response> {
  return fetch(`${api.url}/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload,
        secret,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    },
    body: payload,
  });
}
