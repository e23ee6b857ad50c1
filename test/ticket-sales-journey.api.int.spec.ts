import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { type StripeStub, startStripeStub } from '../libs/sales/src/payments/testing/stripe-stub-server';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import {
  duringSales,
  eventually,
  type Festival,
  INVENTORY,
  openFestival,
  PLACE_BOOKING,
  setUpAt,
} from './support/festival';
import { deliverToStripeWebhook, paymentIntentNotice } from './support/stripe-notices';

const WEBHOOK_SECRET = 'whsec_journey';
const TICKET_FIELDS = 'id kind status ticketTypeId holder { email } qr { payload }';
const BOOKING = `query($id: ID!, $accessToken: String) {
  booking(id: $id, accessToken: $accessToken) {
    id status amounts { subtotal discount total currency } statusHistory { status } tickets { ${TICKET_FIELDS} } } }`;
const MY_BOOKINGS = `query { myBookings(first: 10) { edges { node { id status } } } }`;
const CREATE_PROMO_CODE = `mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { code } }`;
const ISSUE_COMPS = `mutation($input: IssueCompTicketsInput!) { issueCompTickets(input: $input) { ${TICKET_FIELDS} } }`;
const PRE_GENERATE = `mutation($input: PreGenerateTicketsInput!) { preGenerateTickets(input: $input) { id status } }`;
const ACTIVATE = `mutation($input: ActivateTicketInput!) { activateTicket(input: $input) { ${TICKET_FIELDS} } }`;
const REFUND = `mutation($bookingId: ID!) { refundBooking(bookingId: $bookingId) { status tickets { status } } }`;

interface Units {
  sold: number;
  held: number;
  available: number;
  isSoldOut: boolean;
}

/**
 * The whole of selling tickets, through GraphQL and the Stripe webhook as clients and Stripe would use them: booking
 * with a promo code, paying, tickets a scanner can verify offline, order history, staff operations, a refund, and a
 * hold that runs out while no server is up.
 */
describe('selling tickets from booking to refund', () => {
  let api: RunningApi;
  let stripe: StripeStub;
  let festival: Festival;

  beforeAll(async () => {
    stripe = await startStripeStub();
    api = await startApi(
      {
        HOLD_MINUTES: '15',
        HOLD_EXPIRY_POLL_MS: '100',
        STRIPE_SECRET_KEY: 'sk_test_journey',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
      },
      setUpAt,
    );
    festival = await openFestival(api);
  });
  afterAll(async () => {
    await api.close();
    await stripe.close();
  });

  const organizer = () => festival.organizer.token;
  const unitsOf = async (ticketTypeId: string): Promise<Units> => {
    const result = await api.graphql(INVENTORY, { eventId: festival.eventId });
    return result.data!.ticketTypes.find((type: { id: string }) => type.id === ticketTypeId);
  };
  const paymentRefOf = async (bookingId: string) => {
    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${bookingId}`);
    return (history.find((event) => event.type === 'BookingPaymentStarted')!.data as { paymentRef: string })
      .paymentRef;
  };
  /** What a door scanner does offline: check the signature against the published keys, nothing else. */
  const scan = async (payload: string) => {
    const jwks = (await api.get('/.well-known/jwks.json')).body;
    const header = decodeProtectedHeader(payload);
    expect(['EdDSA', 'ES256']).toContain(header.alg);
    expect(jwks.keys.map((key: { kid: string }) => key.kid)).toContain(header.kid);
    const verified = await jwtVerify(payload, createLocalJWKSet(jwks), {
      issuer: 'urn:ticketing:api',
      audience: 'urn:ticketing:scanners',
    });
    return verified.payload;
  };

  let guestBookingId: string;

  it('a guest books 2 General and 1 VIP with a promo code, pays with Stripe, and gets three tickets a scanner verifies', async () => {
    const code = await api.graphql(
      CREATE_PROMO_CODE,
      { input: { eventId: festival.eventId, code: 'HARBOUR10', discount: { percentOff: 10 }, maxUses: 100 } },
      organizer(),
    );
    expect(code.errors).toBeUndefined();

    const placed = await api.graphql(PLACE_BOOKING, {
      input: {
        eventId: festival.eventId,
        idempotencyKey: 'guest-checkout-1',
        guest: { email: 'marta@example.com', name: 'Marta Sousa' },
        promoCode: 'harbour10',
        items: [
          { ticketTypeId: festival.general, quantity: 2 },
          { ticketTypeId: festival.vip, quantity: 1 },
        ],
      },
    });
    expect(placed.errors).toBeUndefined();
    const { booking, clientSecret, accessToken } = placed.data!.placeBooking;
    expect(booking.status).toBe('PENDING');
    expect(booking.amounts).toEqual({ subtotal: 21000, discount: 2100, total: 18900, currency: 'EUR' });
    expect(clientSecret).toMatch(/^pi_.+_secret_/);
    guestBookingId = booking.id;

    const notice = paymentIntentNotice(api, 'payment_intent.succeeded', {
      bookingId: booking.id,
      paymentRef: await paymentRefOf(booking.id),
      amount: 18900,
    });
    for (let delivery = 0; delivery < 3; delivery++) {
      expect((await deliverToStripeWebhook(api, notice, WEBHOOK_SECRET)).status).toBe(200);
    }

    const history = await api.app.get<EventStore>(EVENT_STORE).readStream(`booking-${booking.id}`);
    expect(history.filter((event) => event.type === 'BookingConfirmed')).toHaveLength(1);
    const paid = await eventually(
      () => api.graphql(BOOKING, { id: booking.id, accessToken }),
      (result) => result.data?.booking.tickets.length === 3,
    );
    expect(paid.data!.booking.status).toBe('CONFIRMED');
    const tickets = paid.data!.booking.tickets as { id: string; qr: { payload: string } }[];
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(3);
    for (const ticket of tickets) {
      expect(await scan(ticket.qr.payload)).toMatchObject({ tid: ticket.id });
    }
  });

  it('a signed-in customer sees their booking in myBookings; a stranger is told it does not exist', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const placed = await api.graphql(
      PLACE_BOOKING,
      {
        input: {
          eventId: festival.eventId,
          idempotencyKey: 'customer-checkout-1',
          items: [{ ticketTypeId: festival.general, quantity: 1 }],
        },
      },
      customer.token,
    );
    const bookingId = placed.data!.placeBooking.booking.id as string;

    const mine = await eventually(
      () => api.graphql(MY_BOOKINGS, {}, customer.token),
      (result) => result.data?.myBookings.edges.length === 1,
    );
    expect(mine.data!.myBookings.edges[0].node).toEqual({ id: bookingId, status: 'PENDING' });
    const stranger = await signUp(api, 'CUSTOMER');
    const peek = await api.graphql(BOOKING, { id: bookingId }, stranger.token);
    expect(peek.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const guestPeek = await api.graphql(BOOKING, { id: guestBookingId }, stranger.token);
    expect(guestPeek.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('the organizer issues comps, pre-generates 50 door tickets and sells one at the door', async () => {
    const before = await unitsOf(festival.general);
    const comps = await api.graphql(
      ISSUE_COMPS,
      {
        input: {
          eventId: festival.eventId,
          ticketTypeId: festival.general,
          holders: [{ email: 'press@example.com', name: 'Harbour Gazette' }],
          note: 'Press',
          idempotencyKey: 'press-comps',
        },
      },
      organizer(),
    );
    expect(comps.errors).toBeUndefined();
    expect(comps.data!.issueCompTickets).toMatchObject([{ kind: 'COMP', status: 'ACTIVE' }]);
    expect(await scan(comps.data!.issueCompTickets[0].qr.payload)).toMatchObject({
      tid: comps.data!.issueCompTickets[0].id,
    });

    const door = await api.graphql(
      PRE_GENERATE,
      {
        input: {
          eventId: festival.eventId,
          ticketTypeId: festival.general,
          quantity: 50,
          idempotencyKey: 'door-batch-1',
        },
      },
      organizer(),
    );
    expect(door.errors).toBeUndefined();
    expect(door.data!.preGenerateTickets).toHaveLength(50);
    expect(
      door.data!.preGenerateTickets.every((ticket: { status: string }) => ticket.status === 'UNACTIVATED'),
    ).toBe(true);
    expect(await unitsOf(festival.general)).toMatchObject({ sold: before.sold + 51 });

    const sold = await api.graphql(
      ACTIVATE,
      {
        input: {
          ticketId: door.data!.preGenerateTickets[0].id,
          holder: { email: 'walkup@example.com', name: 'Walk-up' },
          payment: { amount: 5000, currency: 'EUR', method: 'card', reference: 'terminal-7/0042' },
        },
      },
      organizer(),
    );
    expect(sold.errors).toBeUndefined();
    expect(sold.data!.activateTicket).toMatchObject({ kind: 'DOOR', status: 'ACTIVE' });
    expect(await scan(sold.data!.activateTicket.qr.payload)).toMatchObject({
      tid: door.data!.preGenerateTickets[0].id,
    });
  });

  it('the organizer refunds the guest booking: the payment goes back through Stripe and the units are on sale again', async () => {
    const before = await unitsOf(festival.vip);
    expect(before).toMatchObject({ sold: 1 });

    const refunded = await api.graphql(REFUND, { bookingId: guestBookingId }, organizer());

    expect(refunded.errors).toBeUndefined();
    expect(refunded.data!.refundBooking.status).toBe('REFUNDED');
    expect(refunded.data!.refundBooking.tickets.map((ticket: { status: string }) => ticket.status)).toEqual([
      'REFUNDED',
      'REFUNDED',
      'REFUNDED',
    ]);
    expect(stripe.requests.filter((request) => request.path === '/v1/refunds')).toHaveLength(1);
    expect(await unitsOf(festival.vip)).toMatchObject({ sold: 0, available: before.available + 1 });
  });

  it('a hold that runs out while the server is down is released after the restart', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const placed = await api.graphql(
      PLACE_BOOKING,
      {
        input: {
          eventId: festival.eventId,
          idempotencyKey: 'last-vips',
          items: [{ ticketTypeId: festival.vip, quantity: 3 }],
        },
      },
      buyer.token,
    );
    expect(placed.data!.placeBooking.booking.status).toBe('PENDING');
    expect(await unitsOf(festival.vip)).toMatchObject({ held: 3, available: 0, isSoldOut: true });

    await api.restart(() => api.clock.set(new Date(duringSales.getTime() + 60 * 60_000)));

    const released = await eventually(
      () => unitsOf(festival.vip),
      (units) => units.held === 0,
    );
    expect(released).toMatchObject({ held: 0, available: 3, isSoldOut: false });
  });
});
