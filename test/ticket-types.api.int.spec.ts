import { loadConfig } from '@ticketing/platform';
import { printHistory } from '../apps/admin/src/commands/history.command';
import { withInfrastructure } from '../apps/admin/src/with-infrastructure';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import { CREATE_EVENT, duringSales, festivalInput, PLACE_BOOKING, setUpAt } from './support/festival';

const TICKET_TYPE_FIELDS = `id name pricingType price { amount currency } minimumDonation { amount currency }
  salesChannel attendanceMode totalQuantity sold held available isSoldOut salesStartsAt salesEndsAt isOnSale
  saleStatusMessage minPerOrder maxPerOrder maxPerUser visibility isCurrentlyVisible access inclusiveItems
  allowReentry reentryLimit acceptedScanPoints transferable refundPolicy status createdBy updatedBy`;
const UPDATE_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { status } }`;
const CREATE = `mutation($eventId: ID!, $input: CreateTicketTypeInput!) {
  createTicketType(eventId: $eventId, input: $input) { ${TICKET_TYPE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketTypeInput!) {
  updateTicketType(id: $id, input: $input) { ${TICKET_TYPE_FIELDS} } }`;
const UPDATE_PUBLISHED = `mutation($id: ID!, $input: UpdatePublishedTicketTypeInput!) {
  updatePublishedTicketType(id: $id, input: $input) { ${TICKET_TYPE_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: TicketTypeStatus!) {
  updateTicketTypeStatus(id: $id, input: { status: $status }) { ${TICKET_TYPE_FIELDS} } }`;
const RESIZE = `mutation($id: ID!, $totalQuantity: Int!) {
  updateTicketTypeCapacity(id: $id, input: { totalQuantity: $totalQuantity }) { ${TICKET_TYPE_FIELDS} } }`;
const MOVE_SALES = `mutation($id: ID!, $input: UpdateTicketTypeSalesWindowInput!) {
  updateTicketTypeSalesWindow(id: $id, input: $input) { ${TICKET_TYPE_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteTicketType(id: $id) }`;
const CREATE_CODE = `mutation($eventId: ID!, $input: CreateAccessCodeInput!) {
  createAccessCode(eventId: $eventId, input: $input) { code ticketTypeIds } }`;
const LIST = `query($eventId: ID!, $accessCode: String) {
  ticketTypes(eventId: $eventId, accessCode: $accessCode) { ${TICKET_TYPE_FIELDS} } }`;
const GET = `query($id: ID!, $accessCode: String) { ticketType(id: $id, accessCode: $accessCode) { id name } }`;

const festival = {
  ...festivalInput,
  description: 'Three stages by the water, streamed worldwide.',
  format: 'HYBRID',
  maxCapacity: 12000,
};
const generalAdmission = {
  name: 'General Admission',
  pricingType: 'PAID',
  price: { amount: 4500, currency: 'EUR' },
  attendanceMode: 'IN_PERSON',
  totalQuantity: 2000,
};
const livestream = {
  name: 'Livestream',
  pricingType: 'PAID',
  price: { amount: 1500, currency: 'EUR' },
  attendanceMode: 'ONLINE',
  salesChannel: 'ONLINE_ONLY',
  totalQuantity: 8000,
};

interface HistoryEntry {
  type: string;
  by: string;
  data: Record<string, any>;
}

/** One printed history entry: its header, its ids, and its data as JSON. */
function parseHistoryEntry(text: string): HistoryEntry {
  const [header, , data] = text.split('\n');
  const [, type, by] = /^#\d+ (\w+) \(v\d+\) at \S+ by (.*)$/.exec(header)!;
  return { type, by, data: JSON.parse(data) };
}

describe('ticket types through GraphQL', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({}, setUpAt);
  });
  afterAll(() => api.close());
  beforeEach(() => api.clock.set(setUpAt));

  async function createFestival(token: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await api.graphql(CREATE_EVENT, { input: { ...festival, ...overrides } }, token);
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createEvent.id;
  }

  async function createTicketType(token: string, eventId: string, input: Record<string, unknown>) {
    const created = await api.graphql(CREATE, { eventId, input }, token);
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createTicketType;
  }

  const extensionsOf = (result: { errors?: { extensions: Record<string, unknown> }[] }) =>
    result.errors?.[0].extensions;

  it('an organizer builds a hybrid festival, publishes it, then pauses, resizes and closes ticket types, all in its history', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token);
    await api.graphql(UPDATE_EVENT, { id: eventId, input: { maxCapacity: 12500 } }, organizer.token);

    const general = await createTicketType(organizer.token, eventId, generalAdmission);
    expect(general).toMatchObject({
      totalQuantity: 2000,
      sold: 0,
      held: 0,
      available: 2000,
      isSoldOut: false,
      status: 'ACTIVE',
      isOnSale: false,
      saleStatusMessage: 'Sales start Mar 15, 2026',
      salesStartsAt: '2026-03-15T09:00:00.000Z',
      salesEndsAt: '2026-07-10T16:00:00.000Z',
      createdBy: organizer.userId,
      updatedBy: null,
    });
    const publishTooEarly = await api.graphql(PUBLISH, { id: eventId }, organizer.token);
    expect(extensionsOf(publishTooEarly)).toMatchObject({ reason: 'HYBRID_EVENT_NEEDS_BOTH_MODES' });

    const vip = await createTicketType(organizer.token, eventId, {
      ...generalAdmission,
      name: 'VIP',
      price: { amount: 15000, currency: 'EUR' },
      totalQuantity: 200,
      maxPerOrder: 4,
      inclusiveItems: ['Backstage access', 'Priority entry'],
      allowReentry: true,
      reentryLimit: 3,
      acceptedScanPoints: ['VIP Gate'],
      transferable: false,
      refundPolicy: 'Refundable until 7 days before the festival.',
    });
    const stream = await createTicketType(organizer.token, eventId, livestream);
    const free = await createTicketType(organizer.token, eventId, {
      name: 'Free Entry',
      pricingType: 'FREE',
      attendanceMode: 'IN_PERSON',
      totalQuantity: 300,
    });
    const donation = await createTicketType(organizer.token, eventId, {
      name: 'Support the Artist',
      pricingType: 'DONATION',
      minimumDonation: { amount: 500, currency: 'EUR' },
      attendanceMode: 'ONLINE',
      totalQuantity: 500,
    });
    expect(vip).toMatchObject({ maxPerOrder: 4, maxPerUser: 4, reentryLimit: 3, transferable: false });
    expect(free).toMatchObject({ pricingType: 'FREE', price: null });
    expect(donation).toMatchObject({
      price: null,
      minimumDonation: { amount: 500, currency: 'EUR' },
      salesChannel: 'ONLINE_ONLY',
      maxPerOrder: 1,
      maxPerUser: 1,
    });
    expect((await api.graphql(PUBLISH, { id: eventId }, organizer.token)).data?.publishEvent.status).toBe(
      'PUBLISHED',
    );

    const paused = await api.graphql(SET_STATUS, { id: general.id, status: 'INACTIVE' }, organizer.token);
    expect(paused.data?.updateTicketTypeStatus).toMatchObject({
      status: 'INACTIVE',
      updatedBy: organizer.userId,
    });
    const resized = await api.graphql(RESIZE, { id: vip.id, totalQuantity: 250 }, organizer.token);
    expect(resized.data?.updateTicketTypeCapacity).toMatchObject({ totalQuantity: 250, available: 250 });
    const closed = await api.graphql(SET_STATUS, { id: free.id, status: 'CLOSED' }, organizer.token);
    expect(closed.data?.updateTicketTypeStatus.status).toBe('CLOSED');

    api.clock.set(duringSales);
    const listed = await api.graphql(LIST, { eventId });
    expect(
      listed.data?.ticketTypes.map((t: any) => [
        t.name,
        t.status,
        t.isOnSale,
        t.saleStatusMessage,
        t.totalQuantity,
      ]),
    ).toEqual([
      ['General Admission', 'INACTIVE', false, 'Paused', 2000],
      ['VIP', 'ACTIVE', true, 'On sale until Jul 10, 2026', 250],
      ['Livestream', 'ACTIVE', true, 'On sale until Jul 10, 2026', 8000],
      ['Free Entry', 'CLOSED', false, 'Closed', 300],
      ['Support the Artist', 'ACTIVE', true, 'On sale until Jul 10, 2026', 500],
    ]);
    expect(stream.id).toBe(listed.data?.ticketTypes[2].id);

    const [eventHistory, inventoryHistory] = await histories(`event-${eventId}`, `inventory-${eventId}`);
    const byOrganizer = `${organizer.userId} (${organizer.email})`;
    expect(eventHistory.map(({ type }) => type)).toEqual([
      'EventCreated',
      'EventUpdated',
      ...Array(5).fill('TicketTypeCreated'),
      'EventPublished',
      'TicketTypeStatusChanged',
      'TicketTypeStatusChanged',
    ]);
    expect(eventHistory.every(({ by }) => by === byOrganizer)).toBe(true);
    expect(eventHistory.slice(2, 7).map(({ data }) => data.name)).toEqual([
      'General Admission',
      'VIP',
      'Livestream',
      'Free Entry',
      'Support the Artist',
    ]);
    expect(eventHistory[8].data).toMatchObject({ ticketTypeId: general.id, from: 'ACTIVE', to: 'INACTIVE' });
    expect(eventHistory[9].data).toMatchObject({ ticketTypeId: free.id, from: 'ACTIVE', to: 'CLOSED' });
    expect(inventoryHistory.filter(({ type }) => type === 'TicketTypeInventoryRegistered')).toHaveLength(5);
    expect(
      inventoryHistory.filter(({ type }) => type === 'EventCapacityLimitSet').map(({ data }) => data),
    ).toEqual([
      expect.objectContaining({ maxCapacity: 12000 }),
      expect.objectContaining({ maxCapacity: 12500 }),
    ]);
    expect(inventoryHistory.find(({ type }) => type === 'TicketTypeCapacityChanged')).toMatchObject({
      by: byOrganizer,
      data: { ticketTypeId: vip.id, previousCapacity: 200, capacity: 250 },
    });
  });

  it('answers malformed input with VALIDATION_FAILED listing each field', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token);
    const result = await api.graphql(
      CREATE,
      {
        eventId,
        input: {
          ...generalAdmission,
          name: 'x',
          totalQuantity: 0,
          price: { amount: 4500, currency: 'euro' },
          inclusiveItems: ['Poster', '   '],
          description: null,
        },
      },
      organizer.token,
    );
    expect(extensionsOf(result)?.code).toBe('VALIDATION_FAILED');
    const fields = (extensionsOf(result)?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['description', 'inclusiveItems', 'name', 'price.currency', 'totalQuantity']);
  });

  it('names the broken rule: duplicate names, sales windows, donations and attendance modes', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token);
    await createTicketType(organizer.token, eventId, generalAdmission);
    const attempt = async (input: Record<string, unknown>, id = eventId) =>
      extensionsOf(await api.graphql(CREATE, { eventId: id, input }, organizer.token));

    expect(await attempt({ ...generalAdmission, name: 'GENERAL ADMISSION' })).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'DUPLICATE_NAME',
    });
    expect(
      await attempt({
        ...livestream,
        salesStartsAt: '2026-04-01T10:00:00Z',
        salesEndsAt: '2026-04-01T10:20:00Z',
      }),
    ).toMatchObject({ reason: 'SALES_WINDOW_TOO_SHORT' });
    expect(await attempt({ ...livestream, salesEndsAt: '2026-07-11T00:00:00Z' })).toMatchObject({
      reason: 'SALES_END_AFTER_REGISTRATION_CLOSES',
    });
    expect(
      await attempt({
        ...livestream,
        name: 'Tip jar',
        pricingType: 'DONATION',
        price: null,
        salesChannel: 'EVERYWHERE',
      }),
    ).toMatchObject({ reason: 'DONATION_ONLINE_ONLY' });
    const inPersonOnly = await createFestival(organizer.token, { format: 'IN_PERSON' });
    expect(await attempt(livestream, inPersonOnly)).toMatchObject({ reason: 'ATTENDANCE_MODE_NOT_ALLOWED' });
  });

  it('full edits only while the event is a draft; afterwards the limited update, the status machine and the sales window', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token, { format: 'IN_PERSON' });
    const general = await createTicketType(organizer.token, eventId, generalAdmission);
    const limited = await api.graphql(
      UPDATE_PUBLISHED,
      { id: general.id, input: { inclusiveItems: ['Poster'] } },
      organizer.token,
    );
    expect(extensionsOf(limited)).toMatchObject({ reason: 'EVENT_NOT_PUBLISHED' });
    const edited = await api.graphql(
      UPDATE,
      { id: general.id, input: { name: 'Early Bird', maxPerOrder: 6 } },
      organizer.token,
    );
    expect(edited.data?.updateTicketType).toMatchObject({
      name: 'Early Bird',
      maxPerOrder: 6,
      updatedBy: organizer.userId,
    });
    await api.graphql(PUBLISH, { id: eventId }, organizer.token);

    const late = await api.graphql(UPDATE, { id: general.id, input: { name: 'Late Bird' } }, organizer.token);
    expect(extensionsOf(late)).toMatchObject({ reason: 'EVENT_NOT_DRAFT' });
    const shown = await api.graphql(
      UPDATE_PUBLISHED,
      {
        id: general.id,
        input: { visibility: 'HIDDEN', inclusiveItems: ['Poster', 'Tote bag'], status: 'INACTIVE' },
      },
      organizer.token,
    );
    expect(shown.data?.updatePublishedTicketType).toMatchObject({
      visibility: 'HIDDEN',
      inclusiveItems: ['Poster', 'Tote bag'],
      status: 'INACTIVE',
    });
    const moved = await api.graphql(
      MOVE_SALES,
      { id: general.id, input: { salesEndsAt: '2026-06-30T21:00:00Z' } },
      organizer.token,
    );
    expect(moved.data?.updateTicketTypeSalesWindow).toMatchObject({
      salesStartsAt: '2026-03-15T09:00:00.000Z',
      salesEndsAt: '2026-06-30T21:00:00.000Z',
    });
    const soldOutByHand = await api.graphql(
      SET_STATUS,
      { id: general.id, status: 'SOLD_OUT' },
      organizer.token,
    );
    expect(extensionsOf(soldOutByHand)).toMatchObject({ reason: 'STATUS_NOT_SETTABLE' });
    await api.graphql(SET_STATUS, { id: general.id, status: 'CLOSED' }, organizer.token);
    const reopened = await api.graphql(SET_STATUS, { id: general.id, status: 'ACTIVE' }, organizer.token);
    expect(extensionsOf(reopened)).toMatchObject({ reason: 'TICKET_TYPE_CLOSED' });
    const resized = await api.graphql(RESIZE, { id: general.id, totalQuantity: 10 }, organizer.token);
    expect(extensionsOf(resized)).toMatchObject({ reason: 'TICKET_TYPE_CLOSED' });
  });

  it('a deleted ticket type is gone from every listing, and its name is free again', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token, { format: 'IN_PERSON' });
    const general = await createTicketType(organizer.token, eventId, generalAdmission);
    expect((await api.graphql(DELETE, { id: general.id }, organizer.token)).data?.deleteTicketType).toBe(
      general.id,
    );

    expect(extensionsOf(await api.graphql(GET, { id: general.id }, organizer.token))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TICKET_TYPE_NOT_FOUND',
    });
    expect((await api.graphql(LIST, { eventId }, organizer.token)).data?.ticketTypes).toEqual([]);
    expect((await createTicketType(organizer.token, eventId, generalAdmission)).name).toBe(
      'General Admission',
    );
    const deletedAgain = await api.graphql(DELETE, { id: general.id }, organizer.token);
    expect(extensionsOf(deletedAgain)?.code).toBe('NOT_FOUND');
  });

  it("only the event's organizer or an admin manages its ticket types", async () => {
    const owner = await signUp(api, 'ORGANIZER');
    const intruder = await signUp(api, 'ORGANIZER');
    const customer = await signUp(api, 'CUSTOMER');
    const eventId = await createFestival(owner.token, { format: 'IN_PERSON' });
    const general = await createTicketType(owner.token, eventId, generalAdmission);

    const onDraft = await api.graphql(CREATE, { eventId, input: generalAdmission }, intruder.token);
    expect(extensionsOf(onDraft)?.code).toBe('NOT_FOUND');
    await api.graphql(PUBLISH, { id: eventId }, owner.token);
    for (const caller of [intruder, customer]) {
      const created = await api.graphql(
        CREATE,
        { eventId, input: { ...generalAdmission, name: 'Mine' } },
        caller.token,
      );
      expect(extensionsOf(created)?.code).toBe('FORBIDDEN');
      const paused = await api.graphql(SET_STATUS, { id: general.id, status: 'INACTIVE' }, caller.token);
      expect(extensionsOf(paused)?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.graphql(SET_STATUS, { id: general.id, status: 'INACTIVE' });
    expect(extensionsOf(anonymous)?.code).toBe('UNAUTHENTICATED');
  });

  it('buyers see neither hidden types, nor scheduled ones outside their windows, nor invite-only ones without a code', async () => {
    const organizer = await signUp(api, 'ORGANIZER');
    const eventId = await createFestival(organizer.token, { format: 'IN_PERSON' });
    const base = { ...generalAdmission, totalQuantity: 100 };
    await createTicketType(organizer.token, eventId, { ...base, name: 'Public' });
    const secret = await createTicketType(organizer.token, eventId, {
      ...base,
      name: 'Secret',
      visibility: 'HIDDEN',
    });
    await createTicketType(organizer.token, eventId, {
      ...base,
      name: 'Early',
      visibility: 'HIDDEN_WHEN_NOT_ON_SALE',
      salesStartsAt: '2026-04-01T00:00:00Z',
      salesEndsAt: '2026-05-01T00:00:00Z',
    });
    await createTicketType(organizer.token, eventId, {
      ...base,
      name: 'Preview',
      visibility: 'CUSTOM_SCHEDULE',
      visibilityStartsAt: '2026-03-20T00:00:00Z',
      visibilityEndsAt: '2026-03-25T00:00:00Z',
    });
    const friends = await createTicketType(organizer.token, eventId, {
      ...base,
      name: 'Friends',
      access: 'INVITE_ONLY',
    });
    const code = await api.graphql(
      CREATE_CODE,
      { eventId, input: { code: 'friends-2026', ticketTypeIds: [friends.id] } },
      organizer.token,
    );
    expect(code.data?.createAccessCode).toEqual({ code: 'FRIENDS-2026', ticketTypeIds: [friends.id] });
    const generated = await api.graphql(
      CREATE_CODE,
      { eventId, input: { ticketTypeIds: [friends.id] } },
      organizer.token,
    );
    expect(generated.data?.createAccessCode.code).toMatch(/^[A-Z2-9]{10}$/);
    await api.graphql(PUBLISH, { id: eventId }, organizer.token);

    const seenByOrganizer = (await api.graphql(LIST, { eventId }, organizer.token)).data?.ticketTypes;
    expect(seenByOrganizer.map((t: any) => [t.name, t.isCurrentlyVisible])).toEqual([
      ['Public', true],
      ['Secret', false],
      ['Early', false],
      ['Preview', false],
      ['Friends', true],
    ]);
    const names = async (accessCode?: string, token?: string) => {
      const listed = await api.graphql(LIST, { eventId, accessCode }, token);
      return listed.data?.ticketTypes.map((t: { name: string }) => t.name);
    };
    api.clock.set(new Date('2026-03-16T00:00:00Z'));
    expect(await names()).toEqual(['Public']);
    api.clock.set(new Date('2026-03-22T00:00:00Z'));
    expect(await names()).toEqual(['Public', 'Preview']);
    api.clock.set(new Date('2026-04-10T00:00:00Z'));
    const buyer = await signUp(api, 'CUSTOMER');
    expect(await names(undefined, buyer.token)).toEqual(['Public', 'Early']);
    expect(await names('Friends-2026', buyer.token)).toEqual(['Public', 'Early', 'Friends']);
    expect(await names('WRONG-CODE')).toEqual(['Public', 'Early']);

    expect(extensionsOf(await api.graphql(GET, { id: secret.id }))?.code).toBe('NOT_FOUND');
    expect(extensionsOf(await api.graphql(GET, { id: friends.id }))?.code).toBe('NOT_FOUND');
    const invited = await api.graphql(GET, { id: friends.id, accessCode: 'friends-2026' });
    expect(invited.data?.ticketType.name).toBe('Friends');

    // Booking reads the types as buyers see them, so what a buyer cannot see they cannot book either.
    const book = (ticketTypeId: string, accessCode?: string) =>
      api.graphql(PLACE_BOOKING, {
        input: {
          eventId,
          idempotencyKey: `${ticketTypeId}-${accessCode}`,
          accessCode,
          guest: { email: 'guest@example.com', name: 'Guest' },
          items: [{ ticketTypeId, quantity: 1 }],
        },
      });
    expect(extensionsOf(await book(secret.id))?.code).toBe('NOT_FOUND');
    expect(extensionsOf(await book(friends.id))?.code).toBe('NOT_FOUND');
    expect(extensionsOf(await book(friends.id, 'WRONG-CODE'))?.code).toBe('NOT_FOUND');
    expect((await book(friends.id, 'friends-2026')).data?.placeBooking.booking.status).toBe('PENDING');
  });

  /** Each stream's events as the admin CLI prints them, read with the API stopped, as an operator would. */
  async function histories(...streams: string[]): Promise<HistoryEntry[][]> {
    await api.close();
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      const entries: HistoryEntry[][] = [];
      for (const stream of streams) {
        printed.length = 0;
        await withInfrastructure(loadConfig({ DATA_DIR: api.dataDir }), (infrastructure) =>
          printHistory(infrastructure, stream, {}),
        );
        entries.push(printed.map(parseHistoryEntry));
      }
      return entries;
    } finally {
      log.mockRestore();
      await api.restart();
    }
  }
});
