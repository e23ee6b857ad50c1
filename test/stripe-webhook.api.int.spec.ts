import { randomBytes } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import {
  PAYMENT_EVENT_HANDLER,
  PAYMENT_GATEWAY,
  type PaymentEventHandler,
  type PaymentGateway,
  STRIPE_API_VERSION,
  stripeEventStream,
} from '@ticketing/sales';
import Stripe from 'stripe';
import { type StripeStub, startStripeStub } from '../libs/sales/src/payments/testing/stripe-stub-server';
import { type RunningApi, startApi } from './support/api-harness';

const WEBHOOK_SECRET = 'whsec_test_endpoint_secret';

interface Delivery {
  status: number;
  body: any;
}

async function deliver(api: RunningApi, payload: string, signature?: string): Promise<Delivery> {
  const response = await fetch(`${api.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
  return { status: response.status, body: await response.json() };
}

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, ...options });
}

function paymentIntentEvent(type: string, intent: Record<string, unknown> = {}) {
  return {
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: 1_790_000_000,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: `pi_${randomBytes(8).toString('hex')}`,
        object: 'payment_intent',
        amount: 4500,
        amount_received: 4500,
        currency: 'eur',
        metadata: { bookingId: `booking-${randomBytes(4).toString('hex')}` },
        last_payment_error: null,
        cancellation_reason: null,
        ...intent,
      },
    },
  };
}

describe('Stripe webhook with Stripe configured', () => {
  let api: RunningApi;
  let stub: StripeStub;
  let handler: PaymentEventHandler;

  beforeAll(async () => {
    stub = await startStripeStub();
    api = await startApi({
      STRIPE_SECRET_KEY: 'sk_test_webhook_suite',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stub.url,
    });
    handler = api.app.get(PAYMENT_EVENT_HANDLER);
  });
  afterAll(async () => {
    await api.close();
    await stub.close();
  });
  afterEach(() => jest.restoreAllMocks());

  it('hands a correctly signed payment_intent.succeeded to the payment event handler once', async () => {
    const succeeded = jest.spyOn(handler, 'onPaymentSucceeded');
    const event = paymentIntentEvent('payment_intent.succeeded', { amount_received: 4200 });
    const payload = JSON.stringify(event);

    const delivery = await deliver(api, payload, sign(payload));

    expect(delivery).toEqual({ status: 200, body: { received: true, outcome: 'handled' } });
    expect(succeeded).toHaveBeenCalledTimes(1);
    expect(succeeded).toHaveBeenCalledWith({
      notificationId: event.id,
      bookingId: event.data.object.metadata.bookingId,
      paymentRef: event.data.object.id,
      amount: 4200,
      currency: 'EUR',
      occurredAt: new Date(event.created * 1000),
    });
  });

  it('handles an event delivered three times only once', async () => {
    const succeeded = jest.spyOn(handler, 'onPaymentSucceeded');
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded'));

    const outcomes: string[] = [];
    for (let delivery = 0; delivery < 3; delivery++) {
      const { status, body } = await deliver(api, payload, sign(payload));
      expect(status).toBe(200);
      outcomes.push(body.outcome);
    }

    expect(outcomes).toEqual(['handled', 'duplicate', 'duplicate']);
    expect(succeeded).toHaveBeenCalledTimes(1);
  });

  it('records an event delivered concurrently exactly once and acknowledges every delivery', async () => {
    const event = paymentIntentEvent('payment_intent.succeeded');
    const payload = JSON.stringify(event);

    const deliveries = await Promise.all([1, 2, 3].map(() => deliver(api, payload, sign(payload))));

    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    const store = api.app.get<EventStore>(EVENT_STORE);
    const claim = await store.readStream(stripeEventStream(event.id));
    expect(claim.map((e) => e.type)).toEqual(['StripeEventHandled']);
  });

  it('answers 500 when the handler fails, records nothing, and handles the redelivery', async () => {
    const succeeded = jest
      .spyOn(handler, 'onPaymentSucceeded')
      .mockRejectedValueOnce(new Error('the bookings store is down'));
    const event = paymentIntentEvent('payment_intent.succeeded');
    const payload = JSON.stringify(event);

    const failed = await deliver(api, payload, sign(payload));
    const store = api.app.get<EventStore>(EVENT_STORE);
    const recordedAfterFailure = await store.readStream(stripeEventStream(event.id));
    const redelivered = await deliver(api, payload, sign(payload));

    expect(failed.status).toBe(500);
    expect(recordedAfterFailure).toEqual([]);
    expect(redelivered).toEqual({ status: 200, body: { received: true, outcome: 'handled' } });
    expect(succeeded).toHaveBeenCalledTimes(2);
  });

  it('rejects a delivery signed with another secret with 400', async () => {
    const succeeded = jest.spyOn(handler, 'onPaymentSucceeded');
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded'));

    const delivery = await deliver(api, payload, sign(payload, { secret: 'whsec_someone_else' }));

    expect(delivery.status).toBe(400);
    expect(delivery.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'STRIPE_SIGNATURE_INVALID' });
    expect(succeeded).not.toHaveBeenCalled();
  });

  it('rejects a body changed after signing with 400', async () => {
    const succeeded = jest.spyOn(handler, 'onPaymentSucceeded');
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded'));
    const signature = sign(payload);

    const delivery = await deliver(
      api,
      payload.replace('"amount_received":4500', '"amount_received":1'),
      signature,
    );

    expect(delivery.status).toBe(400);
    expect(delivery.body.reason).toBe('STRIPE_SIGNATURE_INVALID');
    expect(succeeded).not.toHaveBeenCalled();
  });

  it('rejects a body that is not JSON with 400 and a JSON error', async () => {
    const delivery = await deliver(api, '{"id": "evt_1", "type":', sign('{"id": "evt_1", "type":'));
    expect(delivery.status).toBe(400);
    expect(delivery.body).toMatchObject({ statusCode: 400 });
  });

  it('rejects a delivery without a Stripe-Signature header with 400', async () => {
    const delivery = await deliver(api, JSON.stringify(paymentIntentEvent('payment_intent.succeeded')));
    expect(delivery.status).toBe(400);
    expect(delivery.body.reason).toBe('STRIPE_SIGNATURE_MISSING');
  });

  it('rejects a correctly signed delivery replayed more than five minutes later with 400', async () => {
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded'));
    const sixMinutesAgo = Math.floor(api.clock.now().getTime() / 1000) - 6 * 60;

    const delivery = await deliver(api, payload, sign(payload, { timestamp: sixMinutesAgo }));

    expect(delivery.status).toBe(400);
    expect(delivery.body.reason).toBe('STRIPE_SIGNATURE_INVALID');
  });

  it('answers 200 to an event type it does not act on, and ignores it', async () => {
    const payload = JSON.stringify({
      ...paymentIntentEvent('customer.created'),
      data: { object: { id: 'cus_1' } },
    });
    const delivery = await deliver(api, payload, sign(payload));
    expect(delivery).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
  });

  it('ignores a PaymentIntent that was not created for a booking', async () => {
    const succeeded = jest.spyOn(handler, 'onPaymentSucceeded');
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded', { metadata: {} }));

    const delivery = await deliver(api, payload, sign(payload));

    expect(delivery.body.outcome).toBe('ignored');
    expect(succeeded).not.toHaveBeenCalled();
  });

  it('hands payment_failed and canceled to their handlers with the failure and the reason', async () => {
    const failed = jest.spyOn(handler, 'onPaymentFailed');
    const canceled = jest.spyOn(handler, 'onPaymentCanceled');
    const failure = paymentIntentEvent('payment_intent.payment_failed', {
      last_payment_error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' },
    });
    const cancellation = paymentIntentEvent('payment_intent.canceled', { cancellation_reason: 'abandoned' });

    for (const event of [failure, cancellation]) {
      const payload = JSON.stringify(event);
      expect((await deliver(api, payload, sign(payload))).body.outcome).toBe('handled');
    }

    expect(failed).toHaveBeenCalledWith(
      expect.objectContaining({
        bookingId: failure.data.object.metadata.bookingId,
        failureCode: 'card_declined',
        failureMessage: 'Your card was declined.',
      }),
    );
    expect(canceled).toHaveBeenCalledWith(
      expect.objectContaining({ paymentRef: cancellation.data.object.id, cancellationReason: 'abandoned' }),
    );
  });

  it('takes payments through Stripe at the configured API', async () => {
    const gateway = api.app.get<PaymentGateway>(PAYMENT_GATEWAY);

    const created = await gateway.createPayment({ bookingId: 'b-booted', amount: 1000, currency: 'USD' });

    expect(gateway.kind).toBe('stripe');
    expect(created.paymentRef).toMatch(/^pi_/);
    expect(stub.requests.at(-1)?.form['metadata[bookingId]']).toBe('b-booted');
  });
});

describe('Stripe webhook without Stripe configured', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('takes payments through the development gateway and refuses Stripe deliveries with 404', async () => {
    const payload = JSON.stringify(paymentIntentEvent('payment_intent.succeeded'));

    const delivery = await deliver(api, payload, sign(payload));

    expect(api.app.get<PaymentGateway>(PAYMENT_GATEWAY).kind).toBe('development');
    expect(delivery.status).toBe(404);
    expect(delivery.body.reason).toBe('STRIPE_WEBHOOKS_DISABLED');
  });
});
