import { bookingNotificationId, messageIdFor } from '@ticketing/notifications';
import { type Database, READ_DB } from '@ticketing/read-store';
import { listBookingTickets } from '@ticketing/ticketing';
import type { Kysely } from 'kysely';
import { type SmtpTestServer, startSmtpTestServer } from '../libs/notifications/src/testing/smtp-test-server';
import { type RunningApi, signUp, startApi } from './support/api-harness';
import {
  CONFIRM_BOOKING,
  CREATE_EVENT,
  CREATE_TICKET_TYPE,
  duringSales,
  festivalInput,
  PUBLISH_EVENT,
  setUpAt,
} from './support/festival';

const FROM = 'tickets@harbour.example';
const PLACE_BOOKING = `mutation($input: PlaceBookingInput!) { placeBooking(input: $input) { booking { id } } }`;

/** Polls until `condition` holds, for what the API does in the background (projections, the outbox's sender). */
async function eventually(description: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Long enough for the sender (polling every 50 ms here) to have gone round many times. */
const severalSenderRounds = () => new Promise((resolve) => setTimeout(resolve, 750));

describe('the tickets issued e-mail', () => {
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let eventId: string;
  let general: string;
  let vip: string;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    api = await startApi(
      { SMTP_URL: smtp.url, NOTIFICATION_FROM: FROM, NOTIFICATION_POLL_MS: '50' },
      setUpAt,
    );
    const organizer = await signUp(api, 'ORGANIZER');
    const created = await api.graphql(CREATE_EVENT, { input: festivalInput }, organizer.token);
    eventId = created.data!.createEvent.id;
    const ticketType = async (name: string, amount: number) => {
      const result = await api.graphql(
        CREATE_TICKET_TYPE,
        {
          eventId,
          input: {
            name,
            pricingType: 'PAID',
            attendanceMode: 'IN_PERSON',
            price: { amount, currency: 'EUR' },
            totalQuantity: 100,
          },
        },
        organizer.token,
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.createTicketType.id as string;
    };
    general = await ticketType('General', 4500);
    vip = await ticketType('VIP', 12000);
    await api.graphql(PUBLISH_EVENT, { id: eventId }, organizer.token);
    api.clock.set(duringSales);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('a confirmed booking sends its buyer exactly one e-mail listing all its tickets, and a restart sends none again', async () => {
    const buyer = await signUp(api, 'CUSTOMER');
    const placed = await api.graphql(
      PLACE_BOOKING,
      {
        input: {
          eventId,
          idempotencyKey: 'notified-checkout',
          items: [
            { ticketTypeId: general, quantity: 2 },
            { ticketTypeId: vip, quantity: 1 },
          ],
        },
      },
      buyer.token,
    );
    const bookingId = placed.data!.placeBooking.booking.id as string;

    const confirmed = await api.graphql(
      CONFIRM_BOOKING,
      { bookingId, paymentRef: `dev_${bookingId}` },
      buyer.token,
    );

    expect(confirmed.data?.confirmBooking).toBe('CONFIRMED');
    await eventually('the e-mail arrives', () => smtp.received.length > 0);
    await severalSenderRounds();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.envelopeTo).toEqual([buyer.email]);
    expect(mail.headers.get('subject')).toBe('Your tickets for Harbour Lights Festival');
    expect(mail.headers.get('message-id')).toBe(messageIdFor(bookingNotificationId(bookingId), FROM));
    const tickets = await listBookingTickets(api.app.get<Kysely<Database>>(READ_DB), bookingId);
    expect(tickets).toHaveLength(3);
    for (const ticket of tickets) expect(mail.text).toContain(`ticket ${ticket.id}`);
    expect(mail.text.match(/^- General: /gm)).toHaveLength(2);
    expect(mail.text.match(/^- VIP: /gm)).toHaveLength(1);

    await api.restart();
    await severalSenderRounds();

    expect(smtp.received).toHaveLength(1);
  });
});
