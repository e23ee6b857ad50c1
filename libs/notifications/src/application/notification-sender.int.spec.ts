import { Logger } from '@nestjs/common';
import { catalogMigrations } from '@ticketing/catalog';
import type { LogPosition, PostgresEventStore } from '@ticketing/event-store';
import { untilVisible } from '../../../event-store/src/contract/read-log-after';
import { type AppConfig, commandContextFor, FixedClock, loadConfig } from '@ticketing/platform';
import { migrateReadStore, rebuildProjection } from '@ticketing/read-store';
import {
  issueTickets,
  runTicketCommand,
  TicketKind,
  ticketingMigrations,
  ticketingProjections,
} from '@ticketing/ticketing';
import { streamCountsMigrations } from '../../../read-store/src/testing/stream-counts.projection';
import {
  openPgliteReadStore,
  openPostgresReadStore,
  type TestReadStore,
} from '../../../read-store/src/testing/test-read-store';
import { retryDelayMs } from '../domain/delivery-backoff';
import { messageIdFor } from '../domain/mail-message';
import { ticketNotificationId } from '../domain/notification-ids';
import { notificationsMigrations } from '../projections/notifications.migrations';
import { ticketsIssuedOutboxProjection } from '../projections/tickets-issued-outbox.projection';
import { type SmtpTestServer, startSmtpTestServer } from '../testing/smtp-test-server';
import type { MailTransport } from './mail-transport';
import { createMailTransport } from './mail-transport.factory';
import { claimDueNotifications, takeUpReadyNotifications } from './notification-outbox';
import { CLAIM_LEASE_MS, NotificationSender, STALE_AFTER_MS } from './notification-sender';
import { describeOnPostgres } from '../../../../test/support/temporary-database';

const FROM = 'tickets@harbour.example';

describe('the notification sender on PGlite', () => {
  notificationSenderRules(openPgliteReadStore);
});

describeOnPostgres('the notification sender on PostgreSQL', () => {
  notificationSenderRules(() => openPostgresReadStore(process.env.TEST_DATABASE_URL ?? ''), {
    concurrentSenders: true,
  });
});

function notificationSenderRules(
  openReadStore: () => Promise<TestReadStore>,
  { concurrentSenders = false } = {},
): void {
  let readStore: TestReadStore;
  let store: PostgresEventStore;
  let smtp: SmtpTestServer;
  let config: AppConfig;
  let clock: FixedClock;
  let transports: MailTransport[] = [];
  let projected: LogPosition | undefined;
  let comps = 0;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    readStore = await openReadStore();
    // The test read store has migrated its own table already; the list must name it again.
    await migrateReadStore(readStore.db, {
      ...streamCountsMigrations,
      ...catalogMigrations,
      ...ticketingMigrations,
      ...notificationsMigrations,
    });
    ({ store } = await readStore.openEventStore());
    smtp = await startSmtpTestServer();
    config = loadConfig({ SMTP_URL: smtp.url, NOTIFICATION_FROM: FROM });
  });
  afterAll(async () => {
    await smtp?.close();
    await store?.close();
    await readStore?.close();
  });
  beforeEach(() => {
    clock = new FixedClock(new Date('2026-06-01T10:00:00.000Z'));
    smtp.received.length = 0;
  });
  afterEach(() => {
    for (const transport of transports) transport.close();
    transports = [];
  });

  /** A sender as one API process runs it, with its own SMTP connection. */
  function newSender(): NotificationSender {
    const transport = createMailTransport(config);
    transports.push(transport);
    return new NotificationSender(readStore.db, config, transport, clock);
  }

  /** Comps are the simplest issuing: one ticket, one notification, ready as soon as it is projected. */
  async function compsFor(
    count: number,
  ): Promise<{ ticketId: string; notificationId: string; email: string }[]> {
    const holders = Array.from({ length: count }, () => {
      const n = ++comps;
      return { userId: null, email: `guest-${n}@example.com`, name: `Guest ${n}` };
    });
    const { ticketIds, position } = await issueTickets(
      store,
      holders.map((holder) => ({
        bookingId: null,
        eventId: 'event-1',
        ticketTypeId: 'guest-list',
        kind: TicketKind.COMP,
        holder,
        price: null,
        transferable: false,
      })),
      commandContextFor({ principal: null, correlationId: 'test' }, clock.now(), `comps-${comps}`),
    );
    await projectUpTo(position!);
    return ticketIds.map((ticketId, index) => ({
      ticketId,
      notificationId: ticketNotificationId(ticketId),
      email: holders[index].email,
    }));
  }

  /** Applies the outbox and the tickets read model, as the runner would, to the log up to `position`. */
  async function projectUpTo(position: LogPosition): Promise<void> {
    await untilVisible(store, position);
    const events = await store.readAll({ after: projected });
    await readStore.db.transaction().execute(async (trx) => {
      for (const event of events) {
        for (const projection of [ticketsIssuedOutboxProjection, ...ticketingProjections]) {
          if (projection.handles.includes(event.type)) await projection.apply(trx, event);
        }
      }
    });
    projected = events.at(-1)?.position ?? projected;
  }

  async function voidTicket(ticketId: string): Promise<void> {
    const { position } = await runTicketCommand(
      store,
      { type: 'VoidTicket', ticketId, reason: 'Booking cancelled' },
      commandContextFor({ principal: null, correlationId: 'test' }, clock.now(), `void-${ticketId}`),
    );
    await projectUpTo(position!);
  }

  const deliveryOf = (notificationId: string) =>
    readStore.db
      .selectFrom('notifications_deliveries')
      .selectAll()
      .where('notification_id', '=', notificationId)
      .executeTakeFirstOrThrow();
  const messageIdsReceived = () => smtp.received.map((mail) => mail.headers.get('message-id'));

  it('a ready notification arrives once, to its recipient, under a Message-ID derived from its id', async () => {
    const [comp] = await compsFor(1);
    const sender = newSender();

    expect(await sender.sendDue()).toBe(1);
    expect(await sender.sendDue()).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.envelopeFrom).toBe(FROM);
    expect(mail.envelopeTo).toEqual([comp.email]);
    expect(mail.headers.get('subject')).toBe('Your tickets');
    expect(mail.headers.get('message-id')).toBe(messageIdFor(comp.notificationId, FROM));
    expect(mail.text).toContain('Your ticket:');
    expect(await deliveryOf(comp.notificationId)).toMatchObject({
      attempts: 1,
      claimed_by: null,
      sent_at: clock.now(),
    });
  });

  it('a notification whose tickets were all voided before it went is withdrawn, never sent', async () => {
    const [voided, live] = await compsFor(2);
    await voidTicket(voided.ticketId);
    const sender = newSender();

    expect(await sender.sendDue()).toBe(1);
    expect(await sender.sendDue()).toBe(0);

    expect(smtp.received.map((mail) => mail.envelopeTo)).toEqual([[live.email]]);
    expect(await deliveryOf(voided.notificationId)).toMatchObject({ sent_at: null, claimed_by: null });
    expect((await deliveryOf(voided.notificationId)).skipped_at).toEqual(clock.now());
  });

  it('a send the mail server refuses leaves the notification unsent, and the attempt after the backoff delivers it', async () => {
    const [comp] = await compsFor(1);
    const sender = newSender();
    smtp.refuseNext(1);

    expect(await sender.sendDue()).toBe(0);
    expect(await deliveryOf(comp.notificationId)).toMatchObject({
      attempts: 1,
      claimed_by: null,
      sent_at: null,
      last_error: expect.stringContaining('451'),
    });
    clock.advance(retryDelayMs(1) - 1);
    expect(await sender.sendDue()).toBe(0);
    clock.advance(1);
    expect(await sender.sendDue()).toBe(1);

    expect(messageIdsReceived()).toEqual([messageIdFor(comp.notificationId, FROM)]);
    expect(await deliveryOf(comp.notificationId)).toMatchObject({ attempts: 2, sent_at: clock.now() });
  });

  it('a notification claimed by a sender that died before sending is sent by another once the claim lease runs out', async () => {
    const [comp] = await compsFor(1);
    await takeUpReadyNotifications(readStore.db, { now: clock.now(), staleBefore: new Date(0), limit: 100 });
    const claimed = await claimDueNotifications(readStore.db, {
      now: clock.now(),
      token: 'claim-of-a-process-that-crashed',
      leaseMs: CLAIM_LEASE_MS,
      limit: 10,
    });
    expect(claimed.map((claim) => claim.notificationId)).toEqual([comp.notificationId]);
    const survivor = newSender();

    clock.advance(CLAIM_LEASE_MS - 1);
    expect(await survivor.sendDue()).toBe(0);
    clock.advance(1);
    expect(await survivor.sendDue()).toBe(1);

    expect(messageIdsReceived()).toEqual([messageIdFor(comp.notificationId, FROM)]);
    expect(await deliveryOf(comp.notificationId)).toMatchObject({ attempts: 2, sent_at: clock.now() });
  });

  it('a rebuild of the outbox sends nothing that was sent before it', async () => {
    await compsFor(2);
    const sender = newSender();
    await sender.sendDue();
    const sentBefore = smtp.received.length;

    await rebuildProjection({ store, db: readStore.db, projection: ticketsIssuedOutboxProjection });
    clock.advance(24 * 60 * 60_000);

    expect(await sender.sendDue()).toBe(0);
    expect(smtp.received).toHaveLength(sentBefore);
  });

  it('a notification already days old when a sender first sees it is history replayed into the outbox, and is never sent', async () => {
    const [comp] = await compsFor(1);
    clock.advance(STALE_AFTER_MS + 1);

    expect(await newSender().sendDue()).toBe(0);
    clock.advance(24 * 60 * 60_000);
    expect(await newSender().sendDue()).toBe(0);

    expect(smtp.received).toHaveLength(0);
    expect(await deliveryOf(comp.notificationId)).toMatchObject({ attempts: 0, sent_at: null });
    expect((await deliveryOf(comp.notificationId)).skipped_at).not.toBeNull();
  });

  it('a notification a sender has tried is never skipped as stale, however long its retries take', async () => {
    const [comp] = await compsFor(1);
    const sender = newSender();
    smtp.refuseNext(1);
    expect(await sender.sendDue()).toBe(0);

    clock.advance(STALE_AFTER_MS + 24 * 60 * 60_000);
    expect(await sender.sendDue()).toBe(1);

    expect(messageIdsReceived()).toEqual([messageIdFor(comp.notificationId, FROM)]);
    expect(await deliveryOf(comp.notificationId)).toMatchObject({ attempts: 2, skipped_at: null });
  });

  if (concurrentSenders) {
    it('two senders draining one outbox at the same time deliver each notification exactly once', async () => {
      const comps = await compsFor(12);
      const [a, b] = [newSender(), newSender()];

      const sent = await Promise.all([a.sendDue(), b.sendDue(), a.sendDue(), b.sendDue()]);

      expect(sent.reduce((sum, n) => sum + n, 0)).toBe(12);
      expect(messageIdsReceived().sort()).toEqual(
        comps.map((comp) => messageIdFor(comp.notificationId, FROM)).sort(),
      );
    });
  }
}
