import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { findEventHeading, ticketTypeNames } from '@ticketing/catalog';
import { APP_CONFIG, type AppConfig, Clock, PeriodicRounds } from '@ticketing/platform';
import { type Database, READ_DB } from '@ticketing/read-store';
import type { Kysely } from 'kysely';
import { retryDelayMs } from '../domain/delivery-backoff';
import type { MailMessage } from '../domain/mail-message';
import { ticketsIssuedMessage } from '../domain/tickets-issued-message';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import {
  claimDueNotifications,
  type ClaimedNotification,
  findReadyNotification,
  markNotificationFailed,
  markNotificationSent,
  markNotificationWithdrawn,
  takeUpReadyNotifications,
} from './notification-outbox';

/** Longer than any send can take (the SMTP transport's timeouts add up to under a minute), so a live send keeps it. */
export const CLAIM_LEASE_MS = 2 * 60_000;
const NOTIFICATIONS_PER_ROUND = 20;
const TAKEN_UP_PER_ROUND = 500;
/** A notification first taken up this long after it became ready is history replayed, not news: it is skipped. */
export const STALE_AFTER_MS = 3 * 24 * 60 * 60_000;

/**
 * Drains the "tickets issued" outbox: every `NOTIFICATION_POLL_MS` it takes up the notifications made ready since
 * (`takeUpReadyNotifications`), claims those due, sends each, and records it sent. Any number of API processes may
 * run it on one database; each notification is claimed by one at a time (`claimDueNotifications`).
 *
 * Delivery is at least once. A crash never loses a notification: its row stays until it is recorded sent, and a
 * claim left by a process that died is taken over when its lease ends; a failed send is tried again after a backoff,
 * for as long as it takes. A crash after the SMTP server accepted the message (its 250) but before the sent mark was
 * committed sends it again once the lease has run out: the copy carries the same Message-ID, derived from the
 * notification's id, so it is recognisable as the message already delivered. That window is the only way to a second
 * copy. The other way would be losing the delivery records with the read store, whose outbox then comes back from
 * the log unsent: notifications first taken up more than `STALE_AFTER_MS` after becoming ready are therefore skipped.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private readonly rounds = new PeriodicRounds('Notification', () => this.sendDue(), this.logger);

  constructor(
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`Notifications go to ${this.transport.description}`);
    this.rounds.start(this.config.notifications.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rounds.stop();
    this.transport.close();
  }

  /** Claims the notifications due now and sends them; returns how many were sent. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const { skipped } = await takeUpReadyNotifications(this.db, {
      now,
      staleBefore: new Date(now.getTime() - STALE_AFTER_MS),
      limit: TAKEN_UP_PER_ROUND,
    });
    if (skipped.length > 0) {
      this.logger.warn(
        `Skipped ${skipped.length} notifications first seen over ${STALE_AFTER_MS / 3_600_000} hours after ` +
          'they were ready: history replayed into the outbox, not news',
      );
    }
    const token = randomUUID();
    const claimed = await claimDueNotifications(this.db, {
      now,
      token,
      leaseMs: CLAIM_LEASE_MS,
      limit: NOTIFICATIONS_PER_ROUND,
    });
    let sent = 0;
    for (const claim of claimed) {
      if (await this.deliver(claim, token)) sent++;
    }
    return sent;
  }

  /** One notification's failure is recorded on it and does not hold the others back. */
  private async deliver(claim: ClaimedNotification, token: string): Promise<boolean> {
    const { notificationId, attempts } = claim;
    try {
      const message = await this.compose(notificationId);
      if (!message) {
        await markNotificationWithdrawn(this.db, notificationId, token, this.clock.now());
        this.logger.log(`Notification ${notificationId} withdrawn: its tickets were voided or refunded`);
        return false;
      }
      await this.transport.send(message);
    } catch (error) {
      const retryAt = new Date(this.clock.now().getTime() + retryDelayMs(attempts));
      this.logger.warn(
        `Notification ${notificationId} not sent (attempt ${attempts}), ` +
          `next try at ${retryAt.toISOString()}: ${messageOf(error)}`,
      );
      await markNotificationFailed(this.db, notificationId, token, {
        error: messageOf(error),
        retryAt,
      }).catch((markError: unknown) =>
        this.logger.error(`Could not record the failure of ${notificationId}`, markError),
      );
      return false;
    }
    try {
      await markNotificationSent(this.db, notificationId, this.clock.now());
    } catch (error) {
      // Sent but not recorded: when the lease ends it goes again, under the same Message-ID.
      this.logger.error(`Notification ${notificationId} was sent but could not be recorded as sent`, error);
    }
    return true;
  }

  /**
   * Names are read when sending, from the catalog as it is then: the title the holder knows the event by today. Null
   * when none of its tickets admits anyone any more (a booking cancelled or refunded before its e-mail went): a
   * message about tickets that are void would only mislead.
   */
  private async compose(notificationId: string): Promise<MailMessage | null> {
    const notification = await findReadyNotification(this.db, notificationId);
    if (!notification) throw new Error(`Notification ${notificationId} is not in the outbox`);
    if (notification.tickets.length === 0) return null;
    const [event, names] = await Promise.all([
      findEventHeading(this.db, notification.eventId),
      ticketTypeNames(
        this.db,
        notification.tickets.map((ticket) => ticket.ticketTypeId),
      ),
    ]);
    return ticketsIssuedMessage(
      {
        notificationId,
        recipient: notification.recipient,
        event: event ?? null,
        tickets: notification.tickets.map((ticket) => ({
          ticketId: ticket.ticketId,
          ticketTypeName: names.get(ticket.ticketTypeId) ?? null,
        })),
      },
      this.config.notifications.from,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
