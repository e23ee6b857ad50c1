import { AppError } from '@ticketing/platform/domain';
import { createStripeClient, STRIPE_API_VERSION } from './stripe-client';
import { paymentIntentIdempotencyKey, StripePaymentGateway } from './stripe-payment.gateway';
import { type StripeStub, startStripeStub } from './testing/stripe-stub-server';

describe('StripePaymentGateway against a loopback Stripe', () => {
  let stub: StripeStub;
  let gateway: StripePaymentGateway;

  beforeAll(async () => {
    stub = await startStripeStub();
    gateway = new StripePaymentGateway(
      createStripeClient({ secretKey: 'sk_test_stub', webhookSecret: 'whsec_stub', apiUrl: stub.url }),
    );
  });
  afterAll(() => stub.close());
  beforeEach(() => stub.requests.splice(0));

  const payment = (bookingId: string) => ({
    bookingId,
    amount: 4500,
    currency: 'EUR',
    customerEmail: 'a@b.cd',
  });

  async function rejection(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
    return error;
  }

  it('creates a PaymentIntent with the amount, currency, booking id and a key derived from the booking', async () => {
    const created = await gateway.createPayment(payment('b-1'));

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/payment_intents' });
    expect(request.form).toMatchObject({
      amount: '4500',
      currency: 'eur',
      'metadata[bookingId]': 'b-1',
      receipt_email: 'a@b.cd',
    });
    expect(request.headers['idempotency-key']).toBe(paymentIntentIdempotencyKey('b-1'));
    expect(created.paymentRef).toMatch(/^pi_/);
    expect(created.clientSecret).toMatch(new RegExp(`^${created.paymentRef}_secret_`));
  });

  it('authenticates with the secret key and pins the API version', async () => {
    await gateway.createPayment(payment('b-2'));
    expect(stub.requests[0].headers.authorization).toBe('Bearer sk_test_stub');
    expect(stub.requests[0].headers['stripe-version']).toBe(STRIPE_API_VERSION);
  });

  it('sends the same key for the same booking, so a retried booking gets the one PaymentIntent', async () => {
    const first = await gateway.createPayment(payment('b-3'));
    const again = await gateway.createPayment(payment('b-3'));
    await gateway.createPayment(payment('b-4'));

    const keys = stub.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(again).toEqual(first);
  });

  it('resends the same key when the SDK retries after a Stripe outage', async () => {
    stub.answerNextWith({ status: 500, body: { error: { type: 'api_error', message: 'Try again' } } });

    const created = await gateway.createPayment(payment('b-5'));

    expect(stub.requests).toHaveLength(2);
    expect(new Set(stub.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([paymentIntentIdempotencyKey('b-5')]),
    );
    expect(created.paymentRef).toMatch(/^pi_/);
  });

  it('refunds through the Refunds API with the payment intent, amount, reason and the caller’s key', async () => {
    const refund = await gateway.refund({
      paymentRef: 'pi_123',
      amount: 1500,
      reason: 'requested_by_customer',
      idempotencyKey: 'refund-cmd-1',
    });

    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/refunds' });
    expect(request.form).toMatchObject({
      payment_intent: 'pi_123',
      amount: '1500',
      reason: 'requested_by_customer',
      'metadata[reason]': 'requested_by_customer',
    });
    expect(request.headers['idempotency-key']).toBe('refund-cmd-1');
    expect(refund).toEqual({ refundRef: expect.stringMatching(/^re_/), status: 'succeeded' });
  });

  it('refunds for a cancelled event without a Stripe reason, keeping ours in the metadata', async () => {
    await gateway.refund({ paymentRef: 'pi_123', reason: 'event_cancelled', idempotencyKey: 'refund-cmd-2' });
    expect(stub.requests[0].form.reason).toBeUndefined();
    expect(stub.requests[0].form.amount).toBeUndefined();
    expect(stub.requests[0].form['metadata[reason]']).toBe('event_cancelled');
  });

  it('reports a card decline as PAYMENT_DECLINED with the decline code', async () => {
    stub.answerNextWith({
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
        },
      },
    });

    const error = await rejection(gateway.createPayment(payment('b-6')));

    expect(error).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'PAYMENT_DECLINED',
      message: 'Your card has insufficient funds.',
      details: { declineCode: 'insufficient_funds' },
    });
  });

  it('reports a refused refund as PAYMENT_REJECTED with Stripe’s code', async () => {
    stub.answerNextWith({
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          code: 'charge_already_refunded',
          message: 'Charge ch_1 has already been refunded.',
        },
      },
    });

    const error = await rejection(
      gateway.refund({ paymentRef: 'pi_1', reason: 'duplicate', idempotencyKey: 'refund-cmd-3' }),
    );

    expect(error).toMatchObject({
      reason: 'PAYMENT_REJECTED',
      details: { gatewayCode: 'charge_already_refunded' },
    });
  });

  it('reports a key reused with different terms as PAYMENT_IDEMPOTENCY_CONFLICT', async () => {
    stub.answerNextWith({
      status: 400,
      body: {
        error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used...' },
      },
    });

    const error = await rejection(gateway.createPayment(payment('b-7')));

    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_IDEMPOTENCY_CONFLICT' });
  });

  it('reports a refused key as PAYMENT_GATEWAY_UNAVAILABLE without Stripe’s message', async () => {
    stub.answerNextWith({
      status: 401,
      body: { error: { type: 'authentication_error', message: 'Invalid API Key provided: sk_test_***' } },
    });

    const error = await rejection(gateway.createPayment(payment('b-8')));

    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'PAYMENT_GATEWAY_UNAVAILABLE' });
    expect(error.message).not.toContain('API Key');
  });

  it('refuses an amount that is not a positive integer before calling Stripe', async () => {
    const error = await rejection(gateway.createPayment({ ...payment('b-9'), amount: 45.5 }));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(stub.requests).toHaveLength(0);
  });
});
