import { logIn, type RunningApi, signUp } from './api-harness';

/** Before registration opens: the organizer sets the festival up. */
export const setUpAt = new Date('2026-03-01T09:00:00Z');
/** Registration is open and every ticket type is on sale. */
export const duringSales = new Date('2026-04-01T12:00:00Z');

export const festivalInput = {
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

export const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
export const PUBLISH_EVENT = `mutation($id: ID!) { publishEvent(id: $id) { id } }`;
export const CREATE_TICKET_TYPE = `mutation($eventId: ID!, $input: CreateTicketTypeInput!) {
  createTicketType(eventId: $eventId, input: $input) { id } }`;
export const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) {
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
export const CONFIRM_BOOKING = `mutation($bookingId: ID!, $paymentRef: String!, $accessToken: String) {
  confirmBooking(bookingId: $bookingId, paymentRef: $paymentRef, accessToken: $accessToken) }`;
export const INVENTORY = `query($eventId: ID!) {
  ticketTypes(eventId: $eventId) { id name sold held available isSoldOut status } }`;

export interface Festival {
  eventId: string;
  organizer: { token: string; userId: string; email: string };
  general: string;
  vip: string;
  free: string;
}

/**
 * The festival on sale: General (45 EUR, 100, at most 4 per buyer), VIP (120 EUR, 3) and a free rehearsal (50). The
 * clock is left at `duringSales`, and the organizer's token is valid then.
 */
export async function openFestival(api: RunningApi): Promise<Festival> {
  const organizer = await signUp(api, 'ORGANIZER');
  const created = await api.graphql(CREATE_EVENT, { input: festivalInput }, organizer.token);
  const eventId = created.data!.createEvent.id as string;
  const ticketType = async (input: Record<string, unknown>) => {
    const result = await api.graphql(CREATE_TICKET_TYPE, { eventId, input }, organizer.token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createTicketType.id as string;
  };
  const paid = { pricingType: 'PAID', attendanceMode: 'IN_PERSON' };
  const general = await ticketType({
    ...paid,
    name: 'General',
    price: { amount: 4500, currency: 'EUR' },
    totalQuantity: 100,
    maxPerOrder: 4,
    maxPerUser: 4,
  });
  const vip = await ticketType({
    ...paid,
    name: 'VIP',
    price: { amount: 12000, currency: 'EUR' },
    totalQuantity: 3,
  });
  const free = await ticketType({
    name: 'Open rehearsal',
    pricingType: 'FREE',
    attendanceMode: 'IN_PERSON',
    totalQuantity: 50,
  });
  await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
  api.clock.set(duringSales);
  // The token from set-up time has expired by the time sales open.
  const token = await logIn(api, organizer.email);
  return { eventId, organizer: { ...organizer, token }, general, vip, free };
}

/** Asks again until `check` passes: what background processes and projections do shows up a moment later. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
