import { sellUnits } from '@ticketing/catalog';
import {
  type BatchingCommandExecutor,
  HOT_STREAMS,
  READ_YOUR_WRITES,
  type ReadYourWrites,
} from '@ticketing/event-store';
import { commandContextFor } from '@ticketing/platform';
import { StaffOperation, staffOperationIdFor, verifyTicketQr } from '@ticketing/ticketing';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import {
  CREATE_EVENT,
  CREATE_TICKET_TYPE,
  duringSales,
  festivalInput,
  PUBLISH_EVENT,
} from './support/festival';
import { createTemporaryDatabase, type TemporaryDatabase } from './support/temporary-database';

const TICKET_TYPE_UNITS = `query($id: ID!) { ticketType(id: $id) { totalQuantity sold held available isSoldOut } }`;
const TICKET_FIELDS = `id eventId ticketTypeId kind status bookingId note
  holder { userId email name } price { amount currency } qr { payload }`;
const ISSUE_COMPS = `mutation($input: IssueCompTicketsInput!) { issueCompTickets(input: $input) { ${TICKET_FIELDS} } }`;
const PRE_GENERATE = `mutation($input: PreGenerateTicketsInput!) { preGenerateTickets(input: $input) { ${TICKET_FIELDS} } }`;
const ACTIVATE = `mutation($input: ActivateTicketInput!) { activateTicket(input: $input) { ${TICKET_FIELDS} } }`;
const EVENT_TICKETS = `query($eventId: ID!, $kind: TicketKind, $status: TicketStatus, $first: Int, $after: String) {
  tickets(eventId: $eventId, kind: $kind, status: $status, first: $first, after: $after) {
    edges { node { id kind status note holder { email } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const MY_TICKETS = `query { myTickets { edges { node { id } } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) { placeBooking(input: $input) { booking { id status } } }`;

const ISSUER = 'urn:ticketing:api';
const admin = { email: 'root@example.com', password: 'a very long admin password' };
const payment = { amount: 3000, currency: 'EUR', method: 'cash', reference: 'till-2/0017' };

describe('staff issue comp and door tickets through GraphQL', () => {
  let api: RunningApi;
  let organizer: Awaited<ReturnType<typeof signUp>>;
  let eventId: string;
  /** 3 VIP places, for comps. */
  let vip: string;
  /** 56 places sold online and at the door. */
  let door: string;
  /** Sold online only: no door tickets. */
  let stream: string;
  let keys = 0;
  const newKey = () => `staff-call-${++keys}-${Math.random().toString(36).slice(2)}`;

  let database: TemporaryDatabase | undefined;

  beforeAll(async () => {
    // On the embedded store by default; on a real server of its own when one is configured (CI).
    const serverUrl = process.env.TEST_DATABASE_URL;
    database = serverUrl ? await createTemporaryDatabase(serverUrl) : undefined;
    const storage: Record<string, string> = database ? { DATABASE_URL: database.url } : {};
    api = await startApi(
      { ...storage, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
      duringSales,
    );
    organizer = await signUp(api, 'ORGANIZER');
    eventId = (await api.graphql(CREATE_EVENT, { input: festivalInput }, organizer.token)).data!.createEvent
      .id;
    const ticketType = async (input: Record<string, unknown>) => {
      const result = await api.graphql(CREATE_TICKET_TYPE, { eventId, input }, organizer.token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    const paid = { pricingType: 'PAID', attendanceMode: 'IN_PERSON' };
    vip = await ticketType({
      ...paid,
      name: 'VIP',
      price: { amount: 12000, currency: 'EUR' },
      totalQuantity: 3,
    });
    door = await ticketType({
      ...paid,
      name: 'General',
      price: { amount: 3000, currency: 'EUR' },
      totalQuantity: 56,
    });
    stream = await ticketType({
      ...paid,
      name: 'Early bird',
      price: { amount: 2000, currency: 'EUR' },
      totalQuantity: 10,
      salesChannel: 'ONLINE_ONLY',
    });
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
  });
  afterAll(async () => {
    await api.close();
    await database?.drop();
  });

  const unitsOf = async (ticketTypeId: string) =>
    (await api.graphql(TICKET_TYPE_UNITS, { id: ticketTypeId }, organizer.token)).data!.ticketType;
  const eventTickets = async (variables: Record<string, unknown>, token = organizer.token) =>
    api.graphql(EVENT_TICKETS, { eventId, first: 100, ...variables }, token);
  const issueComps = (input: Record<string, unknown>, token = organizer.token) =>
    api.graphql(
      ISSUE_COMPS,
      { input: { eventId, ticketTypeId: vip, note: 'Keynote speakers', ...input } },
      token,
    );
  const preGenerate = (input: Record<string, unknown>, token = organizer.token) =>
    api.graphql(PRE_GENERATE, { input: { eventId, ticketTypeId: door, ...input } }, token);
  const jwks = async () => (await api.get('/.well-known/jwks.json')).body;

  const speakers = [
    { email: 'Ada@Example.com', name: 'Ada Lovelace' },
    { email: 'grace@example.com', name: 'Grace Hopper' },
  ];
  let compKey: string;
  let compIds: string[];

  it('the organizer gives 2 comps: unpaid COMP tickets with the note and a QR code, sold in the inventory', async () => {
    compKey = newKey();
    const result = await issueComps({ holders: speakers, idempotencyKey: compKey });

    expect(result.errors).toBeUndefined();
    const comps = result.data!.issueCompTickets;
    expect(comps).toEqual([
      expect.objectContaining({
        eventId,
        ticketTypeId: vip,
        kind: 'COMP',
        status: 'ACTIVE',
        bookingId: null,
        note: 'Keynote speakers',
        price: null,
        holder: { userId: null, email: 'ada@example.com', name: 'Ada Lovelace' },
      }),
      expect.objectContaining({ holder: { userId: null, email: 'grace@example.com', name: 'Grace Hopper' } }),
    ]);
    compIds = comps.map((ticket: { id: string }) => ticket.id);
    expect(await verifyTicketQr(comps[0].qr.payload, await jwks(), ISSUER)).toMatchObject({
      ticketId: compIds[0],
      eventId,
      ticketTypeId: vip,
      qrVersion: 1,
    });
    expect(await unitsOf(vip)).toEqual({
      totalQuantity: 3,
      sold: 2,
      held: 0,
      available: 1,
      isSoldOut: false,
    });
    const listed = (await eventTickets({ kind: 'COMP' })).data!.tickets.edges;
    expect(listed.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual([...compIds].sort());
    expect(listed[0].node).toMatchObject({ kind: 'COMP', status: 'ACTIVE', note: 'Keynote speakers' });
  });

  it('a comp sent to an address is not shown in the account that signs up with it: an address proves nothing about who holds it', async () => {
    const claimant = await signUp(api, 'CUSTOMER', 'grace@example.com');
    expect((await api.graphql(MY_TICKETS, {}, claimant.token)).data!.myTickets.edges).toEqual([]);
  });

  it('the same idempotency key returns the same tickets and counts their units once', async () => {
    const again = await issueComps({ holders: speakers, idempotencyKey: compKey });

    expect(again.errors).toBeUndefined();
    expect(again.data!.issueCompTickets.map((ticket: { id: string }) => ticket.id)).toEqual(compIds);
    expect((await unitsOf(vip)).sold).toBe(2);
  });

  it('IDEMPOTENCY_KEY_REUSED: the same key for another request issues nothing', async () => {
    const other = await issueComps({ holders: speakers.slice(0, 1), idempotencyKey: compKey });

    expect(other.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await unitsOf(vip)).sold).toBe(2);
  });

  it("comps beyond capacity are refused with the inventory's reason, and none is issued", async () => {
    const refused = await issueComps({
      holders: [...speakers, { email: 'linus@example.com', name: 'Linus' }],
      idempotencyKey: newKey(),
    });

    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'NOT_ENOUGH_UNITS',
      available: { [vip]: 1 },
    });
    expect(refused.data).toBeNull();
    expect((await eventTickets({ kind: 'COMP' })).data!.tickets.edges).toHaveLength(2);
    expect((await unitsOf(vip)).sold).toBe(2);
  });

  let doorTicketId: string;

  it('50 pre-generated door tickets are UNACTIVATED, with no holder nor QR code, and hold 50 units', async () => {
    const result = await preGenerate({ quantity: 50, idempotencyKey: newKey() });

    expect(result.errors).toBeUndefined();
    const tickets = result.data!.preGenerateTickets;
    expect(tickets).toHaveLength(50);
    for (const ticket of tickets) {
      expect(ticket).toMatchObject({
        kind: 'DOOR',
        status: 'UNACTIVATED',
        holder: null,
        price: null,
        qr: null,
      });
    }
    expect(await unitsOf(door)).toMatchObject({ totalQuantity: 56, sold: 50, available: 6 });
    doorTicketId = tickets[0].id;
  });

  it('a call retried after its units were sold but before its tickets were issued issues them, selling nothing more', async () => {
    const idempotencyKey = newKey();
    const operationId = staffOperationIdFor(
      StaffOperation.DOOR_TICKETS,
      eventId,
      organizer.userId,
      idempotencyKey,
    );
    const origin = { principal: null, correlationId: 'crashed-call' };
    const { position } = await sellUnits(
      api.app.get<BatchingCommandExecutor>(HOT_STREAMS),
      eventId,
      { saleId: operationId, items: [{ ticketTypeId: door, quantity: 2 }] },
      commandContextFor(origin, api.clock.now(), `${operationId}/sell-units`),
    );
    await api.app.get<ReadYourWrites>(READ_YOUR_WRITES).waitFor(position);
    expect((await unitsOf(door)).sold).toBe(52);

    const retried = await preGenerate({ quantity: 2, idempotencyKey });

    expect(retried.errors).toBeUndefined();
    expect(retried.data!.preGenerateTickets).toHaveLength(2);
    expect((await unitsOf(door)).sold).toBe(52);
  });

  it("the event's tickets list the unsold door tickets a page at a time, never skipping nor repeating one", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let hasNextPage = true; hasNextPage; ) {
      const { data, errors } = await eventTickets({ kind: 'DOOR', status: 'UNACTIVATED', first: 20, after });
      expect(errors).toBeUndefined();
      seen.push(...data!.tickets.edges.map((edge: { node: { id: string } }) => edge.node.id));
      ({ hasNextPage } = data!.tickets.pageInfo);
      after = data!.tickets.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toHaveLength(52);
    expect(new Set(seen).size).toBe(52);
    expect(seen).toContain(doorTicketId);
  });

  it('online buyers cannot take the units the door tickets hold', async () => {
    const booking = (quantity: number) =>
      api.graphql(PLACE_BOOKING, {
        input: {
          eventId,
          idempotencyKey: newKey(),
          guest: { email: 'walk-in@example.com', name: 'Walk In' },
          items: [{ ticketTypeId: door, quantity }],
        },
      });

    expect((await booking(5)).errors?.[0].extensions).toMatchObject({
      reason: 'NOT_ENOUGH_UNITS',
      available: { [door]: 4 },
    });
    expect((await booking(4)).errors).toBeUndefined();
    expect((await booking(1)).errors?.[0].extensions.reason).toBe('SOLD_OUT');
  });

  it('a door ticket sold at the door is ACTIVE for its holder, priced, with a QR code that verifies', async () => {
    const holder = { email: 'Walk-Up@Example.com', name: 'Walk-up Guest' };
    const result = await api.graphql(
      ACTIVATE,
      { input: { ticketId: doorTicketId, holder, payment } },
      organizer.token,
    );

    expect(result.errors).toBeUndefined();
    const ticket = result.data!.activateTicket;
    expect(ticket).toMatchObject({
      id: doorTicketId,
      kind: 'DOOR',
      status: 'ACTIVE',
      holder: { userId: null, email: 'walk-up@example.com', name: 'Walk-up Guest' },
      price: { amount: 3000, currency: 'EUR' },
    });
    expect(await verifyTicketQr(ticket.qr.payload, await jwks(), ISSUER)).toMatchObject({
      ticketId: doorTicketId,
      ticketTypeId: door,
      qrVersion: 1,
    });
    expect((await eventTickets({ kind: 'DOOR', status: 'UNACTIVATED' })).data!.tickets.edges).toHaveLength(
      51,
    );
    // The door ticket held its unit from the start: selling it takes none more.
    expect(await unitsOf(door)).toMatchObject({ sold: 52, held: 4, available: 0 });
  });

  it('TICKET_ALREADY_ACTIVATED: a door ticket is sold once', async () => {
    const again = await api.graphql(
      ACTIVATE,
      { input: { ticketId: doorTicketId, holder: { email: 'other@example.com', name: 'Other' }, payment } },
      organizer.token,
    );

    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'TICKET_ALREADY_ACTIVATED',
    });
  });

  it('TICKET_TYPE_NOT_SOLD_AT_DOOR: a ticket type sold online only has no door tickets', async () => {
    const refused = await preGenerate({ ticketTypeId: stream, quantity: 5, idempotencyKey: newKey() });

    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATION',
      reason: 'TICKET_TYPE_NOT_SOLD_AT_DOOR',
    });
    expect((await unitsOf(stream)).sold).toBe(0);
  });

  it('VALIDATION_FAILED: at most 1,000 door tickets per call', async () => {
    const refused = await preGenerate({ quantity: 1001, idempotencyKey: newKey() });

    expect(refused.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0].extensions.fields).toEqual([
      expect.objectContaining({ field: expect.stringContaining('quantity') }),
    ]);
  });

  it("an admin issues comps for any organizer's event", async () => {
    const token = (await api.graphql(LOG_IN, { input: admin })).data!.logIn.accessToken;
    const result = await issueComps(
      { ticketTypeId: stream, holders: speakers.slice(0, 1), idempotencyKey: newKey() },
      token,
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.issueCompTickets).toEqual([
      expect.objectContaining({ kind: 'COMP', ticketTypeId: stream }),
    ]);
    expect((await unitsOf(stream)).sold).toBe(1);
  });

  it('FORBIDDEN: another organizer or a customer can neither issue, sell nor list the tickets of the event', async () => {
    const strangers = [await signUp(api, 'ORGANIZER'), await signUp(api, 'CUSTOMER')];
    const [unsold] = (await eventTickets({ kind: 'DOOR', status: 'UNACTIVATED', first: 1 })).data!.tickets
      .edges;

    for (const stranger of strangers) {
      const attempts = await Promise.all([
        issueComps({ holders: speakers.slice(0, 1), idempotencyKey: newKey() }, stranger.token),
        preGenerate({ quantity: 1, idempotencyKey: newKey() }, stranger.token),
        api.graphql(
          ACTIVATE,
          { input: { ticketId: unsold.node.id, holder: speakers[0], payment } },
          stranger.token,
        ),
        eventTickets({}, stranger.token),
      ]);
      for (const attempt of attempts) expect(attempt.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await unitsOf(vip)).toMatchObject({ sold: 2 });
    expect((await eventTickets({ kind: 'DOOR', status: 'UNACTIVATED' })).data!.tickets.edges).toHaveLength(
      51,
    );
  });
});
