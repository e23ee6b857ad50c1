import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { decodeJwt } from 'jose';
import { type RunningApi, signUp, startApi } from './support/api-harness';

const setUpAt = new Date('2026-03-01T09:00:00Z');
const duringSales = new Date('2026-04-01T12:00:00Z');
const festival = {
  title: 'Harbour Lights Festival',
  description: 'Three stages by the water.',
  format: 'IN_PERSON',
  venue: { name: 'Pier 9', address: '9 Quay Street', city: 'Lisbon', country: 'PT' },
  startsAt: '2026-07-10T16:00:00Z',
  endsAt: '2026-07-12T23:00:00Z',
  timeZone: 'Europe/Lisbon',
  registrationOpensAt: '2026-03-15T09:00:00Z',
  registrationClosesAt: '2026-07-10T16:00:00Z',
  maxCapacity: 5000,
};
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const PUBLISH_EVENT = `mutation($id: ID!) { publishEvent(id: $id) { id } }`;
const CREATE_TICKET_TYPE = `mutation($eventId: ID!, $input: CreateTicketTypeInput!) {
  createTicketType(eventId: $eventId, input: $input) { id } }`;
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) {
  placeBooking(input: $input) {
    booking {
      id eventId status expiresAt
      items { ticketTypeId ticketTypeName quantity unitPrice subtotal discount total }
      amounts { subtotal discount total currency }
    }
    clientSecret
    accessToken
  }
}`;

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
    const organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE_EVENT, { input: festival }, organizer.token);
    eventId = created.data!.createEvent.id;
    const ticketType = async (input: Record<string, unknown>) => {
      const result = await api.graphql(CREATE_TICKET_TYPE, { eventId, input }, organizer.token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    const paid = { pricingType: 'PAID', attendanceMode: 'IN_PERSON' };
    general = await ticketType({
      ...paid,
      name: 'General',
      price: { amount: 4500, currency: 'EUR' },
      totalQuantity: 100,
      maxPerOrder: 4,
      maxPerUser: 4,
    });
    vip = await ticketType({
      ...paid,
      name: 'VIP',
      price: { amount: 12000, currency: 'EUR' },
      totalQuantity: 3,
    });
    free = await ticketType({
      name: 'Open rehearsal',
      pricingType: 'FREE',
      attendanceMode: 'IN_PERSON',
      totalQuantity: 50,
    });
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
    api.clock.set(duringSales);
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
