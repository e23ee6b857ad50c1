import { ANY, type PostgresEventStore, toNewEvent } from '@ticketing/event-store';
import { type CommandContext, commandContextFor } from '@ticketing/platform';
import { type Database, rebuildProjection } from '@ticketing/read-store';
import type { BookingConfirmed } from '@ticketing/sales';
import { issueTickets, runTicketCommand, type TicketIssue, TicketKind } from '@ticketing/ticketing';
import type { Kysely } from 'kysely';
import {
  openProjectionTestBed,
  type ProjectionTestBed,
} from '../../../read-store/src/testing/projection-test-bed';
import { bookingNotificationId, ticketNotificationId } from '../domain/notification-ids';
import { notificationsMigrations } from './notifications.migrations';
import { ticketsIssuedOutboxProjection } from './tickets-issued-outbox.projection';

const ada = { userId: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace' };
const grace = { userId: null, email: 'grace@example.com', name: 'Grace Hopper' };
const start = new Date('2026-06-01T10:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('the tickets-issued outbox', () => {
  let bed: ProjectionTestBed;
  let store: PostgresEventStore;
  let db: Kysely<Database>;
  let commands = 0;

  beforeAll(async () => {
    bed = await openProjectionTestBed({
      migrations: notificationsMigrations,
      projections: [ticketsIssuedOutboxProjection],
    });
    ({ store, db } = bed);
  });
  afterAll(() => bed.close());

  const project = () => bed.project();

  const contextAt = (now: Date, commandId = `command-${++commands}`): CommandContext =>
    commandContextFor({ principal: null, correlationId: 'test' }, now, commandId);

  /** What the confirmation handler appends; the notification needs only its reference and items. */
  async function confirmBooking(bookingId: string, items: BookingConfirmed['data']['items']): Promise<void> {
    const event: BookingConfirmed = {
      type: 'BookingConfirmed',
      data: {
        bookingId,
        eventId: 'event-1',
        buyerKey: `user:${ada.userId}`,
        promoCode: null,
        previousStatus: 'PENDING',
        status: 'CONFIRMED',
        buyer: { kind: 'CUSTOMER', userId: ada.userId },
        items,
        payment: { paymentRef: `pay-${bookingId}`, amount: 13500, currency: 'EUR' },
        reacquired: false,
        confirmedAt: start.toISOString(),
      },
    };
    const stream = `booking-${bookingId}`;
    await store.append(stream, [toNewEvent(event, stream, 0, contextAt(start))], ANY);
    await project();
  }

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

  const outboxRow = (id: string) =>
    db.selectFrom('notifications_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  const ticketsOf = async (id: string) =>
    (
      await db
        .selectFrom('notifications_outbox_tickets')
        .select('ticket_id')
        .where('notification_id', '=', id)
        .orderBy('ticket_id')
        .execute()
    ).map((row) => row.ticket_id);
  const everything = async () => ({
    outbox: await db.selectFrom('notifications_outbox').selectAll().orderBy('id').execute(),
    tickets: await db
      .selectFrom('notifications_outbox_tickets')
      .selectAll()
      .orderBy('notification_id')
      .orderBy('ticket_id')
      .execute(),
  });

  it('a booking of 3 tickets is one notification to its buyer listing all 3, ready only once the last is issued', async () => {
    await confirmBooking('booking-1', [
      { ticketTypeId: 'general', quantity: 2 },
      { ticketTypeId: 'vip', quantity: 1 },
    ]);
    const id = bookingNotificationId('booking-1');
    expect(await outboxRow(id)).toMatchObject({ expected_tickets: 3, ready_at: null });

    const first = await issue([{}], minutes(1));
    const second = await issue([{}], minutes(2));
    expect(await outboxRow(id)).toMatchObject({ recipient_email: ada.email, ready_at: null });
    const third = await issue([{ ticketTypeId: 'vip' }], minutes(3));

    expect(await outboxRow(id)).toMatchObject({
      booking_id: 'booking-1',
      recipient_email: ada.email,
      recipient_name: ada.name,
      expected_tickets: 3,
      ready_at: minutes(3),
    });
    expect(await ticketsOf(id)).toEqual([...first, ...second, ...third].sort());
    expect(await db.selectFrom('notifications_outbox').select('id').execute()).toHaveLength(1);
  });

  it('tickets projected before their booking confirmation make the notification ready when the confirmation arrives', async () => {
    await issue([{ bookingId: 'booking-early' }, { bookingId: 'booking-early' }], minutes(4));
    const id = bookingNotificationId('booking-early');
    expect(await outboxRow(id)).toMatchObject({ expected_tickets: null, ready_at: null });

    await confirmBooking('booking-early', [{ ticketTypeId: 'general', quantity: 2 }]);

    expect(await outboxRow(id)).toMatchObject({ expected_tickets: 2, ready_at: start });
  });

  it('a comp ticket gives its holder a notification of its own', async () => {
    const [comp] = await issue(
      [{ bookingId: null, kind: TicketKind.COMP, holder: grace, price: null }],
      minutes(5),
    );

    const id = ticketNotificationId(comp);
    expect(await outboxRow(id)).toMatchObject({
      booking_id: null,
      recipient_email: grace.email,
      expected_tickets: 1,
      ready_at: minutes(5),
    });
    expect(await ticketsOf(id)).toEqual([comp]);
  });

  it('a door ticket is announced to the one who bought it when it is sold, not when it is issued', async () => {
    const [door] = await issue(
      [{ bookingId: null, kind: TicketKind.DOOR, holder: null, price: null }],
      minutes(6),
    );
    const id = ticketNotificationId(door);
    expect(await outboxRow(id)).toMatchObject({ recipient_email: null, ready_at: null });

    const walkUp = { email: 'walk@example.com', name: 'Walk Up' };
    const payment = { amount: 5000, currency: 'EUR', method: 'cash', reference: 'till-3/0042' };
    await runTicketCommand(
      store,
      { type: 'ActivateTicket', ticketId: door, holder: walkUp, payment },
      contextAt(minutes(30)),
    );
    await project();

    expect(await outboxRow(id)).toMatchObject({
      recipient_email: walkUp.email,
      recipient_name: walkUp.name,
      ready_at: minutes(30),
    });
    expect(await ticketsOf(id)).toEqual([door]);
  });

  it('replaying the whole log adds no notification and no ticket, and changes none', async () => {
    const before = await everything();

    const events = await store.readAll();
    await db.transaction().execute(async (trx) => {
      for (const event of events) {
        if (ticketsIssuedOutboxProjection.handles.includes(event.type)) {
          await ticketsIssuedOutboxProjection.apply(trx, event);
        }
      }
    });

    expect(await everything()).toEqual(before);
  });

  it('a rebuild yields the very rows the live outbox holds', async () => {
    const before = await everything();

    await rebuildProjection({ store, db, projection: ticketsIssuedOutboxProjection });

    expect(await everything()).toEqual(before);
  });
});
