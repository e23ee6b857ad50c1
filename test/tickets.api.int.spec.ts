import { EVENT_STORE, type EventStore, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { commandContextFor } from '@ticketing/platform';
import { issueTickets, runTicketCommand, TicketKind, verifyTicketQr } from '@ticketing/ticketing';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import { CREATE_EVENT, festivalInput, PUBLISH_EVENT, setUpAt } from './support/festival';

const festival = { ...festivalInput, registrationClosesAt: '2026-07-12T18:00:00Z' };
const MY_TICKETS = `query { myTickets { edges { node { id status qrVersion holder { email } qr { payload svg pngDataUrl } } } } }`;
const MY_TICKET_IDS = `query { myTickets { edges { node { id qrVersion qr { payload } } } } }`;
const TICKET = `query Ticket($id: ID!) { ticket(id: $id) { id holder { email } } }`;
const REVOCATIONS = `query Revocations($eventId: ID!, $after: Int) {
  ticketRevocations(eventId: $eventId, after: $after) { revocations { ticketId qrVersion reason } cursor hasMore }
}`;

describe('issued tickets through GraphQL', () => {
  let api: RunningApi;
  let organizer: Awaited<ReturnType<typeof signUp>>;
  let eventId: string;

  beforeAll(async () => {
    api = await startApi({}, setUpAt);
    organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE_EVENT, { input: festival }, organizer.token);
    eventId = created.data!.createEvent.id;
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
  });
  afterAll(() => api.close());

  /** Bookings do not exist yet: tickets are issued as a confirmed booking will issue them. */
  async function issueTicketTo(holder: { userId: string; email: string }): Promise<string> {
    const { ticketIds, position } = await issueTickets(
      api.app.get<EventStore>(EVENT_STORE),
      [
        {
          bookingId: 'booking-1',
          eventId,
          ticketTypeId: 'general-admission',
          kind: TicketKind.PURCHASED,
          holder: { ...holder, name: 'A holder' },
          price: { amount: 4500, currency: 'EUR' },
          transferable: true,
        },
      ],
      commandContextFor({ principal: null, correlationId: 'tickets-api-test' }, api.clock.now()),
    );
    await api.app.get<ReadYourWrites>(READ_YOUR_WRITES).waitFor(position);
    return ticketIds[0];
  }

  async function transfer(ticketId: string, to: { userId: string; email: string }): Promise<void> {
    const { position } = await runTicketCommand(
      api.app.get<EventStore>(EVENT_STORE),
      { type: 'TransferTicket', ticketId, to: { ...to, name: 'The new holder' } },
      commandContextFor({ principal: null, correlationId: 'tickets-api-test' }, api.clock.now()),
    );
    await api.app.get<ReadYourWrites>(READ_YOUR_WRITES).waitFor(position);
  }

  it('shows a holder their ticket with a QR code whose payload verifies against the published JWKS', async () => {
    const holder = await signUp(api, 'CUSTOMER');
    const ticketId = await issueTicketTo(holder);

    const { data, errors } = await api.graphql(MY_TICKETS, {}, holder.token);
    expect(errors).toBeUndefined();
    const [{ node: ticket }] = data!.myTickets.edges;
    expect(ticket).toMatchObject({
      id: ticketId,
      status: 'ACTIVE',
      qrVersion: 1,
      holder: { email: holder.email },
    });
    expect(ticket.qr.svg).toMatch(/^<svg/);
    expect(ticket.qr.pngDataUrl).toMatch(/^data:image\/png;base64,/);

    const jwks = await api.get('/.well-known/jwks.json');
    expect(await verifyTicketQr(ticket.qr.payload, jwks.body, 'urn:ticketing:api')).toMatchObject({
      ticketId,
      eventId,
      ticketTypeId: 'general-admission',
      qrVersion: 1,
    });
  });

  it("shows a ticket to its event's organizer, and to a stranger as NOT_FOUND", async () => {
    const holder = await signUp(api, 'CUSTOMER');
    const stranger = await signUp(api, 'CUSTOMER');
    const ticketId = await issueTicketTo(holder);

    expect((await api.graphql(TICKET, { id: ticketId }, organizer.token)).data?.ticket).toEqual({
      id: ticketId,
      holder: { email: holder.email },
    });
    const seen = await api.graphql(TICKET, { id: ticketId }, stranger.token);
    expect(seen.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
  });

  it("a transfer puts the old holder's QR version on the revocation feed and gives the new holder a newer one", async () => {
    const holder = await signUp(api, 'CUSTOMER');
    const recipient = await signUp(api, 'CUSTOMER');
    const ticketId = await issueTicketTo(holder);
    const before = await api.graphql(REVOCATIONS, { eventId }, organizer.token);

    await transfer(ticketId, recipient);

    const after = await api.graphql(
      REVOCATIONS,
      { eventId, after: before.data!.ticketRevocations.cursor },
      organizer.token,
    );
    expect(after.data?.ticketRevocations).toMatchObject({
      revocations: [{ ticketId, qrVersion: 1, reason: 'TRANSFERRED' }],
      hasMore: false,
    });
    expect((await api.graphql(MY_TICKET_IDS, {}, holder.token)).data?.myTickets.edges).toEqual([]);
    const [{ node: received }] = (await api.graphql(MY_TICKET_IDS, {}, recipient.token)).data!.myTickets
      .edges;
    const jwks = (await api.get('/.well-known/jwks.json')).body;
    expect(await verifyTicketQr(received.qr.payload, jwks, 'urn:ticketing:api')).toMatchObject({
      ticketId,
      qrVersion: 2,
    });
  });

  it('lets no customer pull the revocation feed', async () => {
    const customer = await signUp(api, 'CUSTOMER');
    const pulled = await api.graphql(REVOCATIONS, { eventId }, customer.token);
    expect(pulled.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it("refuses another organizer the event's revocation feed", async () => {
    const other = await signUp(api, 'ORGANIZER');
    const pulled = await api.graphql(REVOCATIONS, { eventId }, other.token);
    expect(pulled.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
