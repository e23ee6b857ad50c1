import { type GraphQLResponse, logIn, type RunningApi, signUp, startApi } from './support/api-harness';
import {
  CREATE_EVENT,
  CREATE_TICKET_TYPE,
  duringSales,
  eventually,
  festivalInput,
  PUBLISH_EVENT,
  setUpAt,
} from './support/festival';

const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) {
  placeBooking(input: $input) { booking { id } accessToken }
}`;
const BOOKING_FIELDS = `
  id eventId status placedAt
  items { ticketTypeId ticketTypeName quantity unitPrice subtotal discount total }
  amounts { subtotal discount total currency }
  statusHistory { previousStatus status changedAt }
  tickets { id bookingId status }`;
const MY_BOOKINGS = `query($first: Int, $after: String) {
  myBookings(first: $first, after: $after) { edges { cursor node { ${BOOKING_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
const BOOKING = `query($id: ID!, $accessToken: String) { booking(id: $id, accessToken: $accessToken) { ${BOOKING_FIELDS} } }`;
const EVENT_BOOKINGS = `query($eventId: ID!, $status: BookingStatus) {
  bookings(eventId: $eventId, status: $status) { edges { node { id status } } }
}`;

describe('reading bookings through GraphQL', () => {
  let api: RunningApi;
  let organizer: { token: string; userId: string; email: string };
  let eventId: string;
  let general: string;
  let keys = 0;
  const newKey = () => `history-${++keys}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    api = await startApi({ HOLD_MINUTES: '20' }, setUpAt);
    organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE_EVENT, { input: festivalInput }, organizer.token);
    eventId = created.data!.createEvent.id;
    const ticketType = async (input: Record<string, unknown>) => {
      const result = await api.graphql(CREATE_TICKET_TYPE, { eventId, input }, organizer.token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    general = await ticketType({
      name: 'General',
      pricingType: 'PAID',
      attendanceMode: 'IN_PERSON',
      price: { amount: 4500, currency: 'EUR' },
      totalQuantity: 100,
    });
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
    api.clock.set(duringSales);
    // The token from sign-up expired while the clock moved to the sales period.
    organizer.token = await logIn(api, organizer.email);
  });
  afterAll(() => api.close());

  async function place(input: Record<string, unknown>, token?: string) {
    const result = await api.graphql(
      PLACE_BOOKING,
      { input: { eventId, idempotencyKey: newKey(), ...input } },
      token,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.placeBooking as { booking: { id: string }; accessToken: string | null };
  }

  const readBooking = (id: string, token?: string, accessToken?: string) =>
    eventually(
      () => api.graphql(BOOKING, { id, accessToken }, token),
      (response) => response.data?.booking !== undefined && response.data.booking !== null,
    );

  it('a customer sees their booking in myBookings with its items, amounts and status history', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const { booking } = await place({ items: [{ ticketTypeId: general, quantity: 2 }] }, customer.token);

    const result = await eventually(
      () => api.graphql(MY_BOOKINGS, { first: 10 }, customer.token),
      (response) => response.data?.myBookings.edges.length === 1,
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.myBookings.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({
        id: booking.id,
        eventId,
        status: 'PENDING',
        placedAt: duringSales.toISOString(),
        items: [
          {
            ticketTypeId: general,
            ticketTypeName: 'General',
            quantity: 2,
            unitPrice: 4500,
            subtotal: 9000,
            discount: 0,
            total: 9000,
          },
        ],
        amounts: { subtotal: 9000, discount: 0, total: 9000, currency: 'EUR' },
        statusHistory: [{ previousStatus: null, status: 'PENDING', changedAt: duringSales.toISOString() }],
        tickets: [],
      }),
    ]);
  });

  it('myBookings lists the newest first and pages on with the opaque cursor', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const older = await place({ items: [{ ticketTypeId: general, quantity: 1 }] }, customer.token);
    api.clock.set(new Date(duringSales.getTime() + 60_000));
    const newer = await place({ items: [{ ticketTypeId: general, quantity: 1 }] }, customer.token);
    api.clock.set(duringSales);

    const first = await eventually(
      () => api.graphql(MY_BOOKINGS, { first: 1 }, customer.token),
      (response) => response.data?.myBookings.pageInfo.hasNextPage === true,
    );
    const { endCursor } = first.data!.myBookings.pageInfo;
    const second = await api.graphql(MY_BOOKINGS, { first: 1, after: endCursor }, customer.token);

    expect(first.data!.myBookings.edges[0].node.id).toBe(newer.booking.id);
    expect(second.data!.myBookings.edges.map((edge: any) => edge.node.id)).toEqual([older.booking.id]);
    expect(second.data!.myBookings.pageInfo.hasNextPage).toBe(false);
  });

  it('a stranger is told a booking is NOT_FOUND, as if it did not exist', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const stranger = await signUp(api, 'CUSTOMER');
    const { booking } = await place({ items: [{ ticketTypeId: general, quantity: 1 }] }, customer.token);
    await readBooking(booking.id, customer.token);

    const result = await api.graphql(BOOKING, { id: booking.id }, stranger.token);

    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a guest reads their booking with its access token and gets NOT_FOUND without it', async () => {
    const { booking, accessToken } = await place({
      guest: { email: 'guest@example.com', name: 'Gus Guest' },
      items: [{ ticketTypeId: general, quantity: 1 }],
    });

    const withToken = await readBooking(booking.id, undefined, accessToken!);
    const withoutToken = await api.graphql(BOOKING, { id: booking.id });

    expect(withToken.errors).toBeUndefined();
    expect(withToken.data!.booking).toMatchObject({ id: booking.id, status: 'PENDING' });
    expect(withoutToken.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("a guest's access token opens that booking alone", async () => {
    const guest = { email: 'other-guest@example.com', name: 'Otto Guest' };
    const mine = await place({ guest, items: [{ ticketTypeId: general, quantity: 1 }] });
    const other = await place({ guest, items: [{ ticketTypeId: general, quantity: 2 }] });
    await readBooking(other.booking.id, organizer.token);

    const result = await api.graphql(BOOKING, { id: other.booking.id, accessToken: mine.accessToken });

    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("the event's organizer lists its bookings filtered by status", async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const { booking } = await place({ items: [{ ticketTypeId: general, quantity: 1 }] }, customer.token);
    const listed = (status: string) => api.graphql(EVENT_BOOKINGS, { eventId, status }, organizer.token);
    const ids = (response: GraphQLResponse) => response.data!.bookings.edges.map((edge: any) => edge.node.id);

    const pending = await eventually(
      () => listed('PENDING'),
      (response) => ids(response).includes(booking.id),
    );
    const confirmed = await listed('CONFIRMED');

    expect(pending.errors).toBeUndefined();
    expect(pending.data!.bookings.edges.every((edge: any) => edge.node.status === 'PENDING')).toBe(true);
    expect(ids(confirmed)).not.toContain(booking.id);
  });

  it("another organizer is told the event's bookings are NOT_FOUND and a customer is FORBIDDEN", async () => {
    const otherOrganizer = await signUp(api, 'ORGANIZER');
    const customer = await signUp(api, 'CUSTOMER');

    const asOrganizer = await api.graphql(EVENT_BOOKINGS, { eventId }, otherOrganizer.token);
    const asCustomer = await api.graphql(EVENT_BOOKINGS, { eventId }, customer.token);

    expect(asOrganizer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(asCustomer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
