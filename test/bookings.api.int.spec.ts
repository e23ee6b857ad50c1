import { randomBytes } from 'node:crypto';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { type Database, READ_DB } from '@ticketing/read-store';
import { listBookingTickets, type TicketView, verifyTicketQr } from '@ticketing/ticketing';
import { decodeJwt } from 'jose';
import type { Kysely } from 'kysely';
import { type StripeStub, startStripeStub } from '../libs/sales/src/payments/testing/stripe-stub-server';
import { GetTicketQrQuery } from '../libs/ticketing/src/application/get-ticket-qr.handler';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import { deliverToStripeWebhook, paymentIntentNotice } from './support/stripe-notices';
import {
  CONFIRM_BOOKING,
  duringSales,
  INVENTORY,
  type Festival,
  openFestival,
  PLACE_BOOKING,
  setUpAt,
} from './support/festival';

const MY_TICKETS = `query { myTickets { edges { node { id status qr { payload } } } } }`;
const WEBHOOK_SECRET = 'whsec_bookings_suite';

describe('placing bookings through GraphQL', () => {
  let api: RunningApi;
  let eventId: string;
  let general: string;
  let vip: string;
  let free: string;
  let keys = 0;
  const newKey = () => `checkout-${++keys}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    api = await startApi({ HOLD_MINUTES: '20' }, setUpAt);
    ({ eventId, general, vip, free } = await openFestival(api));
  });
  afterAll(() => api.close());

  const guest = { email: 'Ann@Example.com', name: 'Ann Guest' };
  const place = (input: Record<string, unknown>, token?: string) =>
    api.graphql(PLACE_BOOKING, { input: { eventId, idempotencyKey: newKey(), ...input } }, token);

  it('a guest holds 2 General and 1 VIP as one PENDING booking, priced, held for HOLD_MINUTES, with a token for it', async () => {
    const result = await place({
      guest,
      items: [
        { ticketTypeId: general, quantity: 2 },
        { ticketTypeId: vip, quantity: 1 },
      ],
    });

    expect(result.errors).toBeUndefined();
    const { booking, clientSecret, accessToken } = result.data!.placeBooking;
    expect(booking).toMatchObject({
      eventId,
      status: 'PENDING',
      expiresAt: new Date(duringSales.getTime() + 20 * 60_000).toISOString(),
      amounts: { subtotal: 21000, discount: 0, total: 21000, currency: 'EUR' },
    });
    expect(booking.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticketTypeId: general, quantity: 2, unitPrice: 4500, total: 9000 }),
        expect.objectContaining({ ticketTypeId: vip, quantity: 1, unitPrice: 12000, total: 12000 }),
      ]),
    );
    expect(clientSecret).toBeNull();
    expect(decodeJwt(accessToken)).toMatchObject({ sub: booking.id, aud: 'urn:ticketing:booking-access' });
  });

  it('the same idempotency key from the same buyer returns the first booking and holds nothing more', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const input = { idempotencyKey: newKey(), items: [{ ticketTypeId: general, quantity: 3 }] };

    const first = await place(input, customer.token);
    const again = await place(input, customer.token);

    expect(again.errors).toBeUndefined();
    expect(again.data!.placeBooking.booking.id).toBe(first.data!.placeBooking.booking.id);
    expect(again.data!.placeBooking.accessToken).toBeNull();
    const held = await place({ items: [{ ticketTypeId: general, quantity: 1 }] }, customer.token);
    expect(held.errors).toBeUndefined();
  });

  it('a buyer cannot pass maxPerUser across their bookings, counted by their e-mail as a guest', async () => {
    const buyer = { email: 'limits@example.com', name: 'Lim Its' };
    await place({ guest: buyer, items: [{ ticketTypeId: general, quantity: 3 }] });

    const second = await place({
      guest: { ...buyer, email: 'Limits@Example.com' },
      items: [{ ticketTypeId: general, quantity: 2 }],
    });

    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'MAX_PER_USER_EXCEEDED',
    });
  });

  it('an oversold attempt is refused SOLD_OUT and gives back the allowance it had counted', async () => {
    const first = await place({
      guest: { email: 'vip1@example.com', name: 'Vi P' },
      items: [{ ticketTypeId: vip, quantity: 2 }],
    });
    expect(first.errors).toBeUndefined();
    const customer = await signUp(api, 'CUSTOMER');

    const oversold = await place({ items: [{ ticketTypeId: vip, quantity: 1 }] }, customer.token);

    expect(oversold.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'SOLD_OUT',
    });
    const store = api.app.get<EventStore>(EVENT_STORE);
    const limits = await store.readStream(`buyerLimits-${eventId}-user:${customer.userId}`);
    expect(limits.map((event) => event.type)).toEqual(['BuyerUnitsReserved', 'BuyerUnitsReleased']);
  });

  it('a booking with nothing to pay is confirmed at once, with no payment to complete', async () => {
    const result = await place({ guest, items: [{ ticketTypeId: free, quantity: 2 }] });

    expect(result.errors).toBeUndefined();
    expect(result.data!.placeBooking).toMatchObject({
      booking: { status: 'CONFIRMED', amounts: { total: 0, currency: null } },
      clientSecret: null,
    });
  });

  it('a buyer who is neither signed in nor gives guest details is refused GUEST_DETAILS_REQUIRED', async () => {
    const result = await place({ items: [{ ticketTypeId: general, quantity: 1 }] });

    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'GUEST_DETAILS_REQUIRED',
    });
  });
});

/** Tickets are read from the projection, which follows the log: wait until the booking's have all arrived. */
async function ticketsOf(api: RunningApi, bookingId: string, expected: number): Promise<TicketView[]> {
  const db = api.app.get<Kysely<Database>>(READ_DB);
  for (let attempt = 0; attempt < 100; attempt++) {
    const tickets = await listBookingTickets(db, bookingId);
    if (tickets.length >= expected) return tickets;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return listBookingTickets(db, bookingId);
}

describe('confirming bookings paid with the development gateway', () => {
  let api: RunningApi;
  let shop: Festival;
  let keys = 0;

  beforeAll(async () => {
    api = await startApi({ HOLD_MINUTES: '20' }, setUpAt);
    shop = await openFestival(api);
  });
  afterAll(() => api.close());

  const place = (input: Record<string, unknown>, token?: string) =>
    api.graphql(
      PLACE_BOOKING,
      { input: { eventId: shop.eventId, idempotencyKey: `confirm-${++keys}`, ...input } },
      token,
    );
  const confirm = (bookingId: string, accessToken?: string | null) =>
    api.graphql(CONFIRM_BOOKING, { bookingId, paymentRef: `dev_${bookingId}`, accessToken });

  it('a guest who paid is CONFIRMED with one PURCHASED ticket per unit, each QR verifying against the JWKS', async () => {
    const guest = { email: 'paid@example.com', name: 'Pai D' };
    const placed = await place({
      guest,
      items: [
        { ticketTypeId: shop.general, quantity: 2 },
        { ticketTypeId: shop.vip, quantity: 1 },
      ],
    });
    const { booking, accessToken } = placed.data!.placeBooking;

    const confirmed = await confirm(booking.id, accessToken);

    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmBooking).toBe('CONFIRMED');
    const tickets = await ticketsOf(api, booking.id, 3);
    expect(tickets.map((ticket) => ticket.ticketTypeId).sort()).toEqual(
      [shop.general, shop.general, shop.vip].sort(),
    );
    expect(
      tickets.every((ticket) => ticket.kind === 'PURCHASED' && ticket.holder?.email === guest.email),
    ).toBe(true);
    const jwks = (await api.get('/.well-known/jwks.json')).body;
    for (const ticket of tickets) {
      const qr = await api.app.get(QueryBus).execute(new GetTicketQrQuery(ticket));
      expect(await verifyTicketQr(qr!.payload, jwks, 'urn:ticketing:api')).toMatchObject({
        ticketId: ticket.id,
      });
    }
  });

  it('a caller without the booking access token is told the booking does not exist', async () => {
    const placed = await place({
      guest: { email: 'other@example.com', name: 'Oth Er' },
      items: [{ ticketTypeId: shop.general, quantity: 1 }],
    });

    const confirmed = await confirm(placed.data!.placeBooking.booking.id);

    expect(confirmed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a free booking gets its ticket when it is placed', async () => {
    const placed = await place({
      guest: { email: 'free@example.com', name: 'Fr Ee' },
      items: [{ ticketTypeId: shop.free, quantity: 1 }],
    });

    const tickets = await ticketsOf(api, placed.data!.placeBooking.booking.id, 1);

    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ ticketTypeId: shop.free, holder: { email: 'free@example.com' } });
  });

  it('a payment after the expired hold was released confirms the booking when its units can be taken again', async () => {
    const placed = await place({
      guest: { email: 'late@example.com', name: 'La Te' },
      items: [{ ticketTypeId: shop.general, quantity: 2 }],
    });
    const { booking, accessToken } = placed.data!.placeBooking;
    api.clock.set(new Date(Date.parse(booking.expiresAt) + 60_000));
    // The next sale releases the expired hold, so the late payment finds its units given back.
    await place({
      guest: { email: 'next@example.com', name: 'Ne Xt' },
      items: [{ ticketTypeId: shop.general, quantity: 1 }],
    });

    const confirmed = await confirm(booking.id, accessToken);

    expect(confirmed.data!.confirmBooking).toBe('CONFIRMED');
    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${booking.id}`);
    expect(history.at(-1)).toMatchObject({ type: 'BookingConfirmed', data: { reacquired: true } });
    expect(await ticketsOf(api, booking.id, 2)).toHaveLength(2);
  });

  it('a payment after the units were sold to someone else is recorded REFUND_DUE and refunded in full', async () => {
    const placed = await place({
      guest: { email: 'too-late@example.com', name: 'Too Late' },
      items: [{ ticketTypeId: shop.vip, quantity: 2 }],
    });
    const { booking, accessToken } = placed.data!.placeBooking;
    api.clock.set(new Date(Date.parse(booking.expiresAt) + 60_000));
    const taken = await place({
      guest: { email: 'quicker@example.com', name: 'Quick Er' },
      items: [{ ticketTypeId: shop.vip, quantity: 2 }],
    });
    expect(taken.errors).toBeUndefined();

    const confirmed = await confirm(booking.id, accessToken);

    expect(confirmed.data!.confirmBooking).toBe('REFUNDED');
    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${booking.id}`);
    expect(history.slice(-2)).toMatchObject([
      { type: 'BookingRefundDue', data: { reason: 'UNITS_UNAVAILABLE', unavailableBecause: 'SOLD_OUT' } },
      { type: 'BookingRefunded', data: { amount: 24000, refundRef: `dev_refund_${booking.id}/refund` } },
    ]);
  });
});

describe('confirming bookings paid through Stripe', () => {
  let api: RunningApi;
  let stub: StripeStub;
  let shop: Festival;

  beforeAll(async () => {
    stub = await startStripeStub();
    api = await startApi(
      {
        HOLD_MINUTES: '20',
        STRIPE_SECRET_KEY: 'sk_test_bookings_suite',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stub.url,
      },
      setUpAt,
    );
    shop = await openFestival(api);
  });
  afterAll(async () => {
    await api.close();
    await stub.close();
  });

  async function paymentStarted(bookingId: string): Promise<string> {
    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${bookingId}`);
    const started = history.find((event) => event.type === 'BookingPaymentStarted');
    return (started!.data as { paymentRef: string }).paymentRef;
  }

  const notice = (
    type: string,
    bookingId: string,
    paymentRef: string,
    amount: number,
    intent: Record<string, unknown> = {},
  ) => paymentIntentNotice(api, type, { bookingId, paymentRef, amount }, intent);
  const succeeded = (bookingId: string, paymentRef: string, amount: number) =>
    notice('payment_intent.succeeded', bookingId, paymentRef, amount);

  async function placeVip(quantity: number): Promise<{ bookingId: string; paymentRef: string }> {
    const customer = await signUp(api, 'CUSTOMER');
    const placed = await api.graphql(
      PLACE_BOOKING,
      {
        input: {
          eventId: shop.eventId,
          idempotencyKey: `vip-${randomBytes(4).toString('hex')}`,
          items: [{ ticketTypeId: shop.vip, quantity }],
        },
      },
      customer.token,
    );
    const bookingId = placed.data!.placeBooking.booking.id as string;
    return { bookingId, paymentRef: await paymentStarted(bookingId) };
  }

  const vipHeld = async () => {
    const result = await api.graphql(INVENTORY, { eventId: shop.eventId });
    return result.data!.ticketTypes.find((type: { id: string }) => type.id === shop.vip).held as number;
  };

  const bookingEvents = (bookingId: string) =>
    api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${bookingId}`);

  const deliver = (payload: string) => deliverToStripeWebhook(api, payload, WEBHOOK_SECRET);

  it('payment_intent.succeeded delivered three times confirms the booking once and issues its three tickets once', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const placed = await api.graphql(
      PLACE_BOOKING,
      {
        input: {
          eventId: shop.eventId,
          idempotencyKey: 'stripe-checkout',
          items: [{ ticketTypeId: shop.general, quantity: 3 }],
        },
      },
      customer.token,
    );
    const { booking } = placed.data!.placeBooking;
    const payload = succeeded(booking.id, await paymentStarted(booking.id), 13500);

    for (let delivery = 0; delivery < 3; delivery++) expect((await deliver(payload)).status).toBe(200);

    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${booking.id}`);
    expect(history.filter((event) => event.type === 'BookingConfirmed')).toHaveLength(1);
    expect(await ticketsOf(api, booking.id, 3)).toHaveLength(3);
    const mine = await api.graphql(MY_TICKETS, {}, customer.token);
    const jwks = (await api.get('/.well-known/jwks.json')).body;
    expect(mine.data!.myTickets.edges).toHaveLength(3);
    for (const { node } of mine.data!.myTickets.edges) {
      expect(await verifyTicketQr(node.qr.payload, jwks, 'urn:ticketing:api')).toMatchObject({
        ticketId: node.id,
      });
    }
  });

  it('payment_intent.payment_failed ends the booking PAYMENT_FAILED with what Stripe said, and gives its hold back', async () => {
    const { bookingId, paymentRef } = await placeVip(2);
    expect(await vipHeld()).toBe(2);
    const failure = notice('payment_intent.payment_failed', bookingId, paymentRef, 24000, {
      last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
    });

    expect((await deliver(failure)).status).toBe(200);

    const history = await bookingEvents(bookingId);
    expect(history.slice(-2)).toMatchObject([
      {
        type: 'BookingPaymentFailed',
        data: {
          status: 'PAYMENT_FAILED',
          failureCode: 'card_declined',
          failureMessage: 'Your card was declined.',
        },
      },
      { type: 'BookingHoldReleased', data: { reason: 'PAYMENT_FAILED' } },
    ]);
    expect(await vipHeld()).toBe(0);
  });

  it('payment_intent.canceled ends the booking with the cancellation reason, and gives its hold back', async () => {
    const { bookingId, paymentRef } = await placeVip(1);
    const cancellation = notice('payment_intent.canceled', bookingId, paymentRef, 12000, {
      cancellation_reason: 'abandoned',
    });

    expect((await deliver(cancellation)).status).toBe(200);

    const history = await bookingEvents(bookingId);
    expect(history.slice(-2)).toMatchObject([
      {
        type: 'BookingPaymentFailed',
        data: { failureCode: 'payment_canceled', failureMessage: 'abandoned' },
      },
      { type: 'BookingHoldReleased', data: { reason: 'PAYMENT_FAILED' } },
    ]);
    expect(await vipHeld()).toBe(0);
  });

  it('refundBooking refunds a Stripe payment through the Refunds API with the booking as idempotency key', async () => {
    const { bookingId, paymentRef } = await placeVip(1);
    expect((await deliver(succeeded(bookingId, paymentRef, 12000))).status).toBe(200);

    const refunded = await api.graphql(
      `mutation($bookingId: ID!) { refundBooking(bookingId: $bookingId) { status } }`,
      { bookingId },
      shop.organizer.token,
    );

    expect(refunded.data?.refundBooking.status).toBe('REFUNDED');
    const refunds = stub.requests.filter((request) => request.path === '/v1/refunds');
    expect(refunds.at(-1)).toMatchObject({
      form: { payment_intent: paymentRef, reason: 'requested_by_customer' },
      headers: { 'idempotency-key': `${bookingId}/refund` },
    });
  });

  it('a second payment for a booking already paid is refunded once and its notice acknowledged', async () => {
    const { bookingId, paymentRef } = await placeVip(1);
    expect((await deliver(succeeded(bookingId, paymentRef, 12000))).status).toBe(200);

    const duplicate = succeeded(bookingId, 'pi_second_checkout_tab', 12000);
    for (let delivery = 0; delivery < 2; delivery++) expect((await deliver(duplicate)).status).toBe(200);

    const refunds = stub.requests.filter(
      (request) => request.path === '/v1/refunds' && request.form.payment_intent === 'pi_second_checkout_tab',
    );
    expect(refunds.map((request) => request.headers['idempotency-key'])).toEqual([
      `${bookingId}/duplicate-payment-pi_second_checkout_tab`,
    ]);
    expect(refunds[0].form.reason).toBe('duplicate');
    const history = await bookingEvents(bookingId);
    expect(history.at(-1)).toMatchObject({ type: 'BookingConfirmed', data: { payment: { paymentRef } } });
  });

  it('confirmBooking is refused DEVELOPMENT_GATEWAY_INACTIVE: only Stripe says a payment succeeded', async () => {
    const confirmed = await api.graphql(CONFIRM_BOOKING, {
      bookingId: 'any-booking',
      paymentRef: 'pi_forged',
    });

    expect(confirmed.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'DEVELOPMENT_GATEWAY_INACTIVE',
    });
  });
});
