import { PostgresEventStore } from '@ticketing/event-store';
import { commandContextFor, PglitePool } from '@ticketing/platform';
import { TicketKind } from '../domain/ticket-kind';
import { issueTickets, type TicketIssue } from './issue-tickets';
import { ticketStream } from './ticket-stream';

const now = new Date('2026-06-01T10:00:00.000Z');
const comp = (email: string): TicketIssue => ({
  bookingId: null,
  eventId: 'event-1',
  ticketTypeId: 'vip',
  kind: TicketKind.COMP,
  holder: { email, name: 'A speaker' },
  price: null,
  transferable: false,
  note: 'Day-1 keynote speakers',
});

describe('issuing tickets', () => {
  let pool: PglitePool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = await PglitePool.open();
    store = new PostgresEventStore(pool);
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const context = (commandId: string) =>
    commandContextFor({ principal: null, correlationId: 'test' }, now, commandId);
  const eventsOf = async (ticketId: string) =>
    (await store.readStream(ticketStream(ticketId))).map((e) => e.type);

  it('issues each ticket on a stream of its own, with an id of its own', async () => {
    const { ticketIds, position } = await issueTickets(
      store,
      [comp('a@example.com'), comp('b@example.com')],
      context('c1'),
    );
    expect(new Set(ticketIds).size).toBe(2);
    for (const ticketId of ticketIds) expect(await eventsOf(ticketId)).toEqual(['TicketIssued']);
    expect(position).toEqual((await store.headPosition())!);
  });

  it('a retried command issues no ticket twice and completes what the first attempt had not', async () => {
    const first = await issueTickets(store, [comp('a@example.com')], context('c2'));
    const retried = await issueTickets(store, [comp('a@example.com'), comp('b@example.com')], context('c2'));
    expect(retried.ticketIds[0]).toBe(first.ticketIds[0]);
    expect(await eventsOf(retried.ticketIds[0])).toEqual(['TicketIssued']);
    expect(await eventsOf(retried.ticketIds[1])).toEqual(['TicketIssued']);
  });

  it('a retry of a command that had completed appends nothing', async () => {
    await issueTickets(store, [comp('a@example.com')], context('c3'));
    expect((await issueTickets(store, [comp('a@example.com')], context('c3'))).position).toBeNull();
  });

  it('one entry that breaks a rule fails the whole call, and no ticket is issued', async () => {
    const head = await store.headPosition();
    await expect(
      issueTickets(store, [comp('a@example.com'), comp('not-an-address')], context('c4')),
    ).rejects.toMatchObject({ reason: 'INVALID_TICKET_HOLDER' });
    expect(await store.headPosition()).toEqual(head);
  });
});
