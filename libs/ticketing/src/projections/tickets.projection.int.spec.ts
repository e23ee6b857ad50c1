import type { PostgresEventStore } from '@ticketing/event-store';
import { type CommandContext, commandContextFor } from '@ticketing/platform';
import { type Database, rebuildProjection } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import {
  openProjectionTestBed,
  type ProjectionTestBed,
} from '../../../read-store/src/testing/projection-test-bed';
import { issueTickets, type TicketIssue } from '../application/issue-tickets';
import { runTicketCommand } from '../application/run-ticket-command';
import { listTicketRevocations } from '../application/ticket-revocation.queries';
import { findTicketById, listBookingTickets, listHolderTickets } from '../application/ticket.queries';
import { RevocationReason } from '../domain/qr-revocation';
import { TicketKind } from '../domain/ticket-kind';
import { TicketStatus } from '../domain/ticket-status';
import type { TicketCommand } from '../domain/ticket.commands';
import { ticketRevocationsProjection } from './ticket-revocations.projection';
import { ticketingMigrations } from './ticketing.migrations';
import { ticketingProjections } from './ticketing.projections';

const ada = { userId: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' };
const grace = { userId: 'user-grace', email: 'grace@example.com', name: 'Grace Hopper' };
const start = new Date('2026-06-01T10:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('ticket read models', () => {
  let bed: ProjectionTestBed;
  let store: PostgresEventStore;
  let db: Kysely<Database>;
  let commandCounter = 0;

  beforeAll(async () => {
    bed = await openProjectionTestBed({ migrations: ticketingMigrations, projections: ticketingProjections });
    ({ store, db } = bed);
  });
  afterAll(() => bed.close());

  const project = () => bed.project();

  const contextAt = (now: Date): CommandContext =>
    commandContextFor({ principal: null, correlationId: 'test' }, now, `command-${++commandCounter}`);

  async function issue(issues: Partial<TicketIssue>[], now = start): Promise<string[]> {
    const { ticketIds } = await issueTickets(
      store,
      issues.map((overrides) => ({
        bookingId: 'booking-1',
        eventId: 'event-1',
        ticketTypeId: 'general',
        kind: TicketKind.PURCHASED,
        holder: ada,
        price: { amount: 4500, currency: 'EUR' },
        transferable: true,
        ...overrides,
      })),
      contextAt(now),
    );
    await project();
    return ticketIds;
  }

  async function happen(command: TicketCommand, now: Date): Promise<void> {
    await runTicketCommand(store, command, contextAt(now));
    await project();
  }

  const heldBy = async (holder: { userId: string } | { email: string }, first = 20) =>
    (await listHolderTickets(db, holder, { first })).edges.map((edge) => edge.node.id);

  it('keeps every field of a ticket as it is issued, transferred and checked in', async () => {
    const [ticketId] = await issue([{ note: 'Aisle seat' }]);
    await happen({ type: 'TransferTicket', ticketId, to: grace }, minutes(5));
    await happen({ type: 'CheckInTicket', ticketId, qrVersion: 2 }, minutes(9));
    expect(await findTicketById(db, ticketId)).toEqual({
      id: ticketId,
      bookingId: 'booking-1',
      eventId: 'event-1',
      ticketTypeId: 'general',
      kind: TicketKind.PURCHASED,
      status: TicketStatus.ACTIVE,
      holder: grace,
      heldSince: minutes(5),
      price: { amount: 4500, currency: 'EUR' },
      transferable: true,
      qrVersion: 2,
      note: 'Aisle seat',
      checkedInAt: minutes(9),
      issuedAt: start,
      updatedAt: minutes(9),
    });
  });

  it("lists a holder's tickets most recently received first, a page at a time, never skipping nor repeating one", async () => {
    const holder = { userId: 'user-lin', email: 'lin@example.com', name: 'Lin' };
    const early = await issue([{ holder }, { holder }], minutes(1));
    const [received] = await issue([{ holder: ada }], minutes(2));
    const late = await issue([{ holder }], minutes(3));
    await happen({ type: 'TransferTicket', ticketId: received, to: holder }, minutes(4));

    const seen: string[] = [];
    let after: string | undefined;
    for (let hasNextPage = true; hasNextPage; ) {
      const page = await listHolderTickets(db, { userId: holder.userId }, { first: 2, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      ({ hasNextPage } = page.pageInfo);
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual([received, ...late, ...[...early].sort().reverse()]);
    expect(await heldBy({ email: 'LIN@example.com' })).toEqual(seen);
  });

  it("a transferred ticket leaves the old holder's list", async () => {
    const holder = { userId: 'user-max', email: 'max@example.com', name: 'Max' };
    const [ticketId] = await issue([{ holder }]);
    await happen({ type: 'TransferTicket', ticketId, to: grace }, minutes(1));
    expect(await heldBy({ userId: holder.userId })).toEqual([]);
    expect(await heldBy({ userId: grace.userId })).toContain(ticketId);
  });

  it('a door ticket holds its place with no holder nor price until it is sold', async () => {
    const [ticketId] = await issue([{ kind: TicketKind.DOOR, bookingId: null, holder: null, price: null }]);
    expect(await findTicketById(db, ticketId)).toMatchObject({
      status: TicketStatus.UNACTIVATED,
      holder: null,
      price: null,
    });
    const payment = { amount: 5000, currency: 'EUR', method: 'cash', reference: 'till-3/0042' };
    await happen(
      { type: 'ActivateTicket', ticketId, holder: { email: 'walk@example.com', name: 'Walk-up' }, payment },
      minutes(30),
    );
    expect(await findTicketById(db, ticketId)).toMatchObject({
      status: TicketStatus.ACTIVE,
      holder: { userId: null, email: 'walk@example.com', name: 'Walk-up' },
      heldSince: minutes(30),
      price: { amount: 5000, currency: 'EUR' },
    });
  });

  it("lists a booking's tickets whatever became of them", async () => {
    const [kept, voided, refunded] = await issue([
      { bookingId: 'booking-9' },
      { bookingId: 'booking-9' },
      { bookingId: 'booking-9' },
    ]);
    await happen({ type: 'VoidTicket', ticketId: voided, reason: 'Booking cancelled' }, minutes(1));
    await happen({ type: 'RefundTicket', ticketId: refunded, refundRef: 're_1' }, minutes(2));
    const statuses = (await listBookingTickets(db, 'booking-9')).map((ticket) => [ticket.id, ticket.status]);
    expect(Object.fromEntries(statuses)).toEqual({
      [kept]: TicketStatus.ACTIVE,
      [voided]: TicketStatus.VOIDED,
      [refunded]: TicketStatus.REFUNDED,
    });
  });

  describe('the revocation feed', () => {
    let eventId: string;
    let transferred: string;
    let voided: string;
    let refunded: string;

    beforeAll(async () => {
      eventId = 'event-revocations';
      [transferred, voided, refunded] = await issue([{ eventId }, { eventId }, { eventId }]);
      const [elsewhere] = await issue([{ eventId: 'another-event' }]);
      await happen({ type: 'VoidTicket', ticketId: elsewhere, reason: 'Booking cancelled' }, minutes(1));
      await happen({ type: 'TransferTicket', ticketId: transferred, to: grace }, minutes(2));
      await happen({ type: 'VoidTicket', ticketId: voided, reason: 'Booking cancelled' }, minutes(3));
      await happen({ type: 'RefundTicket', ticketId: refunded, refundRef: 're_2' }, minutes(4));
      await happen({ type: 'TransferTicket', ticketId: transferred, to: ada }, minutes(5));
    });

    it("lists an event's revocations in log order, each naming the last QR version it revokes", async () => {
      const feed = await listTicketRevocations(db, eventId, { after: 0, first: 100 });
      expect(feed.revocations.map((r) => [r.ticketId, r.qrVersion, r.reason])).toEqual([
        [transferred, 1, RevocationReason.TRANSFERRED],
        [voided, 1, RevocationReason.VOIDED],
        [refunded, 1, RevocationReason.REFUNDED],
        [transferred, 2, RevocationReason.TRANSFERRED],
      ]);
      const sequences = feed.revocations.map((r) => r.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(feed).toMatchObject({ cursor: sequences.at(-1), hasMore: false });
    });

    it('a pull after a cursor returns only what came later, and says when more are waiting', async () => {
      const first = await listTicketRevocations(db, eventId, { after: 0, first: 3 });
      expect(first.hasMore).toBe(true);
      const rest = await listTicketRevocations(db, eventId, { after: first.cursor, first: 3 });
      expect(rest.revocations.map((r) => [r.ticketId, r.qrVersion])).toEqual([[transferred, 2]]);
      expect(rest.hasMore).toBe(false);
      const nothingNew = await listTicketRevocations(db, eventId, { after: rest.cursor, first: 3 });
      expect(nothingNew).toEqual({ revocations: [], cursor: rest.cursor, hasMore: false });
    });

    it("a rebuild numbers the revocations exactly as the live feed did, so scanners' cursors stay good", async () => {
      const live = await db.selectFrom('ticketing_revocations').selectAll().orderBy('sequence').execute();
      await rebuildProjection({ store, db, projection: ticketRevocationsProjection });
      expect(await db.selectFrom('ticketing_revocations').selectAll().orderBy('sequence').execute()).toEqual(
        live,
      );
    });
  });
});
