import { paymentIntentIdempotencyKey } from '../libs/sales/src/payments/stripe-payment.gateway';
import { type StripeStub, startStripeStub } from '../libs/sales/src/payments/testing/stripe-stub-server';
import { type RunningApi, startApi } from './support/api-harness';
import {
  eventually,
  type Festival,
  INVENTORY,
  openFestival,
  PLACE_BOOKING,
  setUpAt,
} from './support/festival';

/** Stripe's SDK tries a request three times (two network retries) before it gives up. */
const ATTEMPTS_PER_STRIPE_CALL = 3;

describe('placeBooking sent again: after a gateway outage, and twice at once', () => {
  let stub: StripeStub;
  let api: RunningApi;
  let festival: Festival;

  beforeAll(async () => {
    stub = await startStripeStub();
    api = await startApi(
      {
        STRIPE_SECRET_KEY: 'sk_test_outage',
        STRIPE_WEBHOOK_SECRET: 'whsec_outage',
        STRIPE_API_URL: stub.url,
      },
      setUpAt,
    );
    festival = await openFestival(api);
  });
  afterAll(async () => {
    await api?.close();
    await stub?.close();
  });

  const heldOfVip = async () => {
    const result = await api.graphql(INVENTORY, { eventId: festival.eventId });
    return (result.data!.ticketTypes as { id: string; held: number }[]).find(
      (type) => type.id === festival.vip,
    )!.held;
  };

  it('a booking whose payment the gateway could not start answers PAYMENT_GATEWAY_UNAVAILABLE and keeps the hold; the same request again starts the payment and holds nothing twice', async () => {
    const request = {
      eventId: festival.eventId,
      idempotencyKey: 'outage-1',
      guest: { email: 'patient@example.com', name: 'Patient Buyer' },
      items: [{ ticketTypeId: festival.vip, quantity: 2 }],
    };
    for (let attempt = 0; attempt < ATTEMPTS_PER_STRIPE_CALL; attempt++) {
      stub.answerNextWith({ status: 500, body: { error: { type: 'api_error', message: 'Stripe is down' } } });
    }

    const failed = await api.graphql(PLACE_BOOKING, { input: request });

    expect(failed.data).toBeNull();
    expect(failed.errors?.[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'PAYMENT_GATEWAY_UNAVAILABLE',
    });
    expect(await eventually(heldOfVip, (held) => held === 2)).toBe(2);

    const retried = await api.graphql(PLACE_BOOKING, { input: request });

    expect(retried.errors).toBeUndefined();
    const placed = retried.data!.placeBooking;
    expect(placed.booking.status).toBe('PENDING');
    expect(placed.clientSecret).toMatch(/^pi_.+_secret_/);
    const keys = stub.requests.map((recorded) => recorded.headers['idempotency-key']);
    expect(keys).toEqual(
      Array(ATTEMPTS_PER_STRIPE_CALL + 1).fill(paymentIntentIdempotencyKey(placed.booking.id)),
    );
    expect(await heldOfVip()).toBe(2);
  });

  it('the same request sent twice at once gets one booking, one payment and one hold', async () => {
    const general = async () => {
      const result = await api.graphql(INVENTORY, { eventId: festival.eventId });
      return (result.data!.ticketTypes as { id: string; held: number }[]).find(
        (type) => type.id === festival.general,
      )!.held;
    };
    const heldBefore = await general();
    stub.requests.splice(0);
    const request = {
      eventId: festival.eventId,
      idempotencyKey: 'double-click',
      guest: { email: 'eager@example.com', name: 'Eager Buyer' },
      items: [{ ticketTypeId: festival.general, quantity: 3 }],
    };

    const [first, second] = await Promise.all([
      api.graphql(PLACE_BOOKING, { input: request }),
      api.graphql(PLACE_BOOKING, { input: request }),
    ]);

    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const [a, b] = [first.data!.placeBooking, second.data!.placeBooking];
    expect(b.booking.id).toBe(a.booking.id);
    expect(b.clientSecret).toBe(a.clientSecret);
    expect(a.booking.status).toBe('PENDING');
    expect(new Set(stub.requests.map((recorded) => recorded.headers['idempotency-key']))).toEqual(
      new Set([paymentIntentIdempotencyKey(a.booking.id)]),
    );
    expect(await eventually(general, (held) => held === heldBefore + 3)).toBe(heldBefore + 3);
  });

  it('a checkout refused once its buyer was counted, sent again under the same key, is refused the same way and holds nothing; other tickets under that key are told to use a new key', async () => {
    const request = {
      eventId: festival.eventId,
      idempotencyKey: 'too-many-vip',
      guest: { email: 'hopeful@example.com', name: 'Hopeful Buyer' },
      items: [{ ticketTypeId: festival.vip, quantity: 4 }],
    };
    const heldBefore = await heldOfVip();

    const refused = await api.graphql(PLACE_BOOKING, { input: request });
    const retried = await api.graphql(PLACE_BOOKING, { input: request });
    const changed = await api.graphql(PLACE_BOOKING, {
      input: { ...request, items: [{ ticketTypeId: festival.vip, quantity: 1 }] },
    });

    expect(refused.errors?.[0].extensions).toMatchObject({ reason: 'NOT_ENOUGH_UNITS' });
    expect(retried.errors?.[0].extensions).toEqual(refused.errors?.[0].extensions);
    expect(retried.errors?.[0].message).toBe(refused.errors?.[0].message);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BOOKING_ID_REUSED' });
    expect(changed.errors?.[0].message).toMatch(/new idempotency key/);
    expect(await heldOfVip()).toBe(heldBefore);
  });
});
