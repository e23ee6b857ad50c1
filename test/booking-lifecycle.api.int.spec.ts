import { type RunningApi, signUp, startApi } from './support/api-harness';
import {
  CONFIRM_BOOKING,
  duringSales,
  eventually,
  type Festival,
  INVENTORY,
  openFestival,
  PLACE_BOOKING,
  setUpAt,
} from './support/festival';

const BOOKING = `query($id: ID!, $accessToken: String) {
  booking(id: $id, accessToken: $accessToken) { id status statusHistory { status } tickets { id status } } }`;
const CANCEL = `mutation($bookingId: ID!, $reason: String!, $accessToken: String) {
  cancelBooking(bookingId: $bookingId, reason: $reason, accessToken: $accessToken) {
    id status tickets { id status } } }`;
const REFUND = `mutation($bookingId: ID!) { refundBooking(bookingId: $bookingId) { id status tickets { id status } } }`;

describe('the lifecycle of a booking after it is placed', () => {
  let api: RunningApi;
  let festival: Festival;
  let keys = 0;

  beforeAll(async () => {
    api = await startApi({ HOLD_MINUTES: '15', HOLD_EXPIRY_POLL_MS: '100' }, setUpAt);
    festival = await openFestival(api);
  });
  afterAll(() => api.close());

  const place = async (items: { ticketTypeId: string; quantity: number }[], token?: string) => {
    const input = { eventId: festival.eventId, idempotencyKey: `lifecycle-${++keys}`, items };
    const guest = token ? {} : { guest: { email: `guest-${keys}@example.com`, name: 'A Guest' } };
    const result = await api.graphql(PLACE_BOOKING, { input: { ...input, ...guest } }, token);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.placeBooking as {
      booking: { id: string; status: string };
      accessToken: string | null;
    };
  };
  const confirm = async (bookingId: string, token: string) => {
    const result = await api.graphql(CONFIRM_BOOKING, { bookingId, paymentRef: `dev_${bookingId}` }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.confirmBooking as string;
  };
  const inventoryOf = async (ticketTypeId: string) => {
    const result = await api.graphql(INVENTORY, { eventId: festival.eventId });
    return result.data!.ticketTypes.find((type: { id: string }) => type.id === ticketTypeId) as {
      sold: number;
      held: number;
      available: number;
      isSoldOut: boolean;
    };
  };
  const bookingAsOrganizer = async (id: string) =>
    (await api.graphql(BOOKING, { id }, festival.organizer.token)).data!.booking;

  it('a hold that expires while no server runs is released by the expiry process after the restart', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const { booking } = await place([{ ticketTypeId: festival.vip, quantity: 3 }], buyer.token);
    expect(await inventoryOf(festival.vip)).toMatchObject({ held: 3, available: 0, isSoldOut: true });

    await api.restart(() => api.clock.set(new Date(duringSales.getTime() + 16 * 60_000)));

    const released = await eventually(
      () => inventoryOf(festival.vip),
      (vip) => vip.held === 0,
    );
    expect(released).toMatchObject({ held: 0, sold: 0, available: 3, isSoldOut: false });
    const expired = await eventually(
      () => bookingAsOrganizer(booking.id),
      (record) => record.status === 'EXPIRED',
    );
    expect(expired.statusHistory.map((change: { status: string }) => change.status)).toEqual([
      'PENDING',
      'EXPIRED',
    ]);
    const again = await place([{ ticketTypeId: festival.vip, quantity: 3 }], buyer.token);
    expect(again.booking.status).toBe('PENDING');
    await api.graphql(CANCEL, { bookingId: again.booking.id, reason: 'Tidying up' }, buyer.token);
  });

  it('a pending booking cancelled by a guest with its access token gives its hold back', async () => {
    const before = await inventoryOf(festival.general);
    const { booking, accessToken } = await place([{ ticketTypeId: festival.general, quantity: 2 }]);
    expect((await inventoryOf(festival.general)).held).toBe(before.held + 2);

    const withoutToken = await api.graphql(CANCEL, { bookingId: booking.id, reason: 'Changed my mind' });
    expect(withoutToken.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const cancelled = await api.graphql(CANCEL, {
      bookingId: booking.id,
      reason: 'Changed my mind',
      accessToken,
    });

    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelBooking).toMatchObject({ status: 'CANCELLED', tickets: [] });
    expect(await inventoryOf(festival.general)).toMatchObject({ held: before.held, sold: before.sold });
  });

  it('a buyer cannot cancel a confirmed booking; its organizer can, which voids its tickets and returns its units', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const { booking } = await place([{ ticketTypeId: festival.general, quantity: 2 }], buyer.token);
    expect(await confirm(booking.id, buyer.token)).toBe('CONFIRMED');
    const sold = (await inventoryOf(festival.general)).sold;

    const byBuyer = await api.graphql(CANCEL, { bookingId: booking.id, reason: 'Cannot come' }, buyer.token);
    expect(byBuyer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const stranger = await signUp(api, 'ORGANIZER');
    const byStranger = await api.graphql(
      CANCEL,
      { bookingId: booking.id, reason: 'Mine now' },
      stranger.token,
    );
    expect(byStranger.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const byOrganizer = await api.graphql(
      CANCEL,
      { bookingId: booking.id, reason: 'Duplicate order' },
      festival.organizer.token,
    );
    expect(byOrganizer.errors).toBeUndefined();
    expect(byOrganizer.data!.cancelBooking.status).toBe('CANCELLED');
    expect(
      byOrganizer.data!.cancelBooking.tickets.map((ticket: { status: string }) => ticket.status),
    ).toEqual(['VOIDED', 'VOIDED']);
    expect((await inventoryOf(festival.general)).sold).toBe(sold - 2);
  });

  it('a refund reverses the payment, marks the tickets refunded and puts the units back on sale', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const { booking } = await place([{ ticketTypeId: festival.vip, quantity: 3 }], buyer.token);
    expect(await confirm(booking.id, buyer.token)).toBe('CONFIRMED');
    expect(await inventoryOf(festival.vip)).toMatchObject({ sold: 3, available: 0, isSoldOut: true });

    const byBuyer = await api.graphql(REFUND, { bookingId: booking.id }, buyer.token);
    expect(byBuyer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const refunded = await api.graphql(REFUND, { bookingId: booking.id }, festival.organizer.token);

    expect(refunded.errors).toBeUndefined();
    expect(refunded.data!.refundBooking.status).toBe('REFUNDED');
    expect(refunded.data!.refundBooking.tickets.map((ticket: { status: string }) => ticket.status)).toEqual([
      'REFUNDED',
      'REFUNDED',
      'REFUNDED',
    ]);
    expect(await inventoryOf(festival.vip)).toMatchObject({ sold: 0, available: 3, isSoldOut: false });
    const again = await api.graphql(REFUND, { bookingId: booking.id }, festival.organizer.token);
    expect(again.data!.refundBooking.status).toBe('REFUNDED');
    expect(await inventoryOf(festival.vip)).toMatchObject({ sold: 0, available: 3 });
  });

  it('a late payment whose buyer has used their allowance since is refunded, and the units it took again go back on sale', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const before = await inventoryOf(festival.general);
    const { booking: first } = await place([{ ticketTypeId: festival.general, quantity: 4 }], buyer.token);
    api.clock.set(new Date(api.clock.now().getTime() + 16 * 60_000));
    await eventually(
      () => bookingAsOrganizer(first.id),
      (record) => record.status === 'EXPIRED',
    );
    const { booking: second } = await place([{ ticketTypeId: festival.general, quantity: 4 }], buyer.token);
    expect(second.status).toBe('PENDING');

    expect(await confirm(first.id, buyer.token)).toBe('REFUNDED');

    expect(await inventoryOf(festival.general)).toMatchObject({ sold: before.sold, held: before.held + 4 });
    const record = await bookingAsOrganizer(first.id);
    expect(record.statusHistory.map((change: { status: string }) => change.status)).toEqual([
      'PENDING',
      'EXPIRED',
      'REFUND_DUE',
      'REFUNDED',
    ]);
  });

  it('a booking never paid cannot be refunded', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const { booking } = await place([{ ticketTypeId: festival.general, quantity: 1 }], buyer.token);
    const refused = await api.graphql(REFUND, { bookingId: booking.id }, festival.organizer.token);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'BOOKING_NOT_REFUNDABLE',
    });
  });
});
